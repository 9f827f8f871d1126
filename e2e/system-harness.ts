import * as path from 'node:path';
import { signDevToken, type Principal } from '@grievance/auth';
import { catalogueTopicsToCreate, KafkaConnection, departmentTopicsToCreate } from '@grievance/messaging';
import { createTestDatabase, freePort, testConfigEnv, TestDatabase, TEST_KAFKA_BROKERS, uniqueTopicPrefix } from '@grievance/testing';
import { readValidCity, statesOf } from '@grievance/directory-seed';
import { DEMO_CITY_DIR } from '../deploy/local/paths';
import { RunningService, SERVICES, startService, startServices, StartServicesOptions, waitUntilHealthy } from '../deploy/local/services';

const demoCity = readValidCity(DEMO_CITY_DIR);

export interface RunningSystem {
  services: RunningService[];
  /** Base URL of a service by name. */
  url(service: string): string;
  /** A Kafka connection under the system's topic prefix, for reading topics as a department would. */
  kafka: KafkaConnection;
  /** Each service's database URL, by service name (to check what a request did or did not write). */
  databases: Record<string, string>;
  /** Kills one service with SIGKILL (a crash) and starts it again on the same port, database and settings; resolves once it is healthy. */
  crashAndRestart(service: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The five services as `npm start` runs them (separate processes from their build) against
 * the real broker, Postgres and Redis, each with a throwaway database, all under one topic
 * prefix of their own whose topics (the catalogue's and each demo department's) exist.
 */
export async function startSystem(env: Record<string, string> = {}): Promise<RunningSystem> {
  const prefix = uniqueTopicPrefix('e2e');
  const kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'e2e', topicPrefix: prefix });
  await kafka.ensureTopics([
    ...catalogueTopicsToCreate(),
    ...departmentTopicsToCreate(statesOf(demoCity, 'department').map((d) => d.id)),
  ]);
  const ports: Record<string, number> = {};
  for (const { name } of SERVICES) ports[name] = await freePort();
  const shared: Record<string, string> = {};
  const base = testConfigEnv({ LOG_LEVEL: 'info', KAFKA_TOPIC_PREFIX: prefix, CATEGORIES_FILE: DEMO_CITY_DIR, ...env });
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined) shared[key] = value;
  }
  const databases: TestDatabase[] = [];
  const serviceEnv: Record<string, Record<string, string>> = {};
  for (const { name } of SERVICES) {
    const database = await createTestDatabase(`e2e_${name}`);
    databases.push(database);
    serviceEnv[name] = { DATABASE_URL: database.url };
  }
  const logDir = path.join(__dirname, '..', '.cache', 'e2e-logs', new Date().toISOString().replace(/[:.]/g, '-'));
  const options: StartServicesOptions = { ports, env: shared, serviceEnv, output: { logDir } };
  // The demo city goes in through routing's import, as with npm start; grid-dispatch has it once its grids show.
  const services = await startServices({ ...options, directory: DEMO_CITY_DIR });
  const gridCount = statesOf(demoCity, 'grid').length;
  const anyone = await tokenFor({ sub: 'e2e-harness', role: 'admin' });
  const gridDispatch = services.find((s) => s.name === 'grid-dispatch')!.url;
  await eventually(() => call(`${gridDispatch}/v1/grids`, anyone), (r) => r.status === 200 && (r.body as unknown[]).length >= gridCount, 'the demo city in grid-dispatch', 60_000);
  return {
    services,
    url: (name) => services.find((s) => s.name === name)?.url ?? `http://127.0.0.1:${ports[name]}`,
    kafka,
    databases: Object.fromEntries(Object.entries(serviceEnv).map(([name, env]) => [name, env.DATABASE_URL!])),
    async crashAndRestart(name) {
      const index = services.findIndex((s) => s.name === name);
      if (index < 0) throw new Error(`no service ${name}`);
      await services[index]!.kill();
      const restarted = startService({ name, port: ports[name]! }, options);
      services[index] = restarted;
      await waitUntilHealthy(restarted, 60_000);
    },
    async stop() {
      await Promise.all(services.map((s) => s.stop()));
      for (const database of databases) await database.drop();
      await kafka.deletePrefixedTopics().catch(() => undefined);
      await kafka.disconnect();
    },
  };
}

/** The smallest valid PNG (a 1×1 pixel): intake checks the type from the bytes and that it is well formed. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Uploads a photo (the 1×1 PNG) to intake as the token's holder; its attachment id. */
export async function uploadPhoto(system: RunningSystem, token: string, name = 'photo.png'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), name);
  const response = await fetch(`${system.url('intake')}/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (response.status !== 201) throw new Error(`the photo upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** A development token for a person in a role (the same as `npm run token`). */
export const tokenFor = (principal: Principal): Promise<string> => signDevToken(principal);

/** fetch with a bearer token and JSON; returns the status and the parsed body. */
export async function call(
  url: string,
  token: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Polls until `accept` holds (the services work asynchronously, through Kafka); fails with the last value seen. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
