/**
 * The five services as `npm start` runs them (built entry points, separate processes) for
 * the load benchmark and the chaos run: a throwaway database each, one topic prefix of the
 * run's own (catalogue and department topics created), on the broker and Redis given.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueTopicsToCreate, KafkaConnection, departmentTopicsToCreate } from '@grievance/messaging';
import { createThrowawayDatabase, freePort, ThrowawayDatabase, uniqueTopicPrefix } from '@grievance/provisioning';
import { RunningService, SERVICES, startService, startServices, StartServicesOptions, waitUntilHealthy } from '../../deploy/local/services';
import { readValidCity, statesOf } from '@grievance/directory-seed';
import { DEMO_CITY_DIR } from '../../deploy/local/paths';

export const ROOT = path.join(__dirname, '..', '..');
export const SEED_FILE = DEMO_CITY_DIR;
const demoCity = readValidCity(DEMO_CITY_DIR);

/** The consumer group of each service (as the services name them), prefixed by the run's topic prefix on the broker. */
export const CONSUMER_GROUPS: Record<string, readonly string[]> = {
  intake: ['intake'],
  routing: ['routing'],
  'grid-dispatch': ['grid-dispatch', 'grid-dispatch-reports'],
  feedback: ['feedback', 'feedback-staff-notifications'],
  audit: ['audit'],
};

/**
 * intake's settings under generated load: every generated report is a distinct hazard, so
 * the duplicate radius is the smallest allowed (1 m; the default 50 m would link a random
 * few as duplicates, which are never dispatched). In S4 the demo city's 24 grid workers
 * photograph every hazard they confirm, at 50/s far more than a person's 60 uploads a minute.
 */
export const BENCH_INTAKE_ENV: Record<string, string> = { DUPLICATE_RADIUS_M: '1', RATE_LIMIT_UPLOADS_PER_MINUTE: '100000' };

export interface SystemOptions {
  label: string;
  brokers: string[];
  redisUrl: string;
  /** Added to every service's environment. */
  env?: Record<string, string>;
  /** Added to one service's environment. */
  serviceEnv?: Record<string, Record<string, string>>;
}

export interface BenchSystem {
  prefix: string;
  services: RunningService[];
  databases: Record<string, ThrowawayDatabase>;
  kafka: KafkaConnection;
  logDir: string;
  url(service: string): string;
  service(name: string): RunningService;
  /** SIGKILL (a crash), then the same service again on its port, database and settings; resolves when healthy, with the ms that took. */
  crashAndRestart(name: string): Promise<number>;
  /** SIGTERM (a clean stop, waiting for its exit), then start again; resolves when healthy. */
  restart(name: string, env?: Record<string, string>): Promise<number>;
  /** A second instance of a service (same database and settings, another port: one more member of its consumer group); resolves when healthy. */
  addReplica(name: string): Promise<RunningService>;
  /** Starts again the first instance of a service after it was killed; resolves when healthy, with the ms that took. */
  startAgain(name: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startBenchSystem(options: SystemOptions): Promise<BenchSystem> {
  const prefix = uniqueTopicPrefix(options.label);
  const kafka = new KafkaConnection({ brokers: options.brokers, clientId: `${options.label}-observer`, topicPrefix: prefix });
  await kafka.ensureTopics([
    ...catalogueTopicsToCreate(),
    ...departmentTopicsToCreate(statesOf(demoCity, 'department').map((d) => d.id)),
  ]);
  const ports: Record<string, number> = {};
  for (const { name } of SERVICES) ports[name] = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    AUTH_MODE: 'development',
    LOG_LEVEL: 'warn',
    REDIS_URL: options.redisUrl,
    KAFKA_BROKERS: options.brokers.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    CATEGORIES_FILE: SEED_FILE,
    ...options.env,
  };
  const databases: Record<string, ThrowawayDatabase> = {};
  const serviceEnv: Record<string, Record<string, string>> = {};
  for (const { name } of SERVICES) {
    databases[name] = await createThrowawayDatabase(`${options.label}_${name}`);
    serviceEnv[name] = { DATABASE_URL: databases[name].url, ...options.serviceEnv?.[name] };
  }
  const logDir = path.join(ROOT, '.cache', `${options.label}-logs`, new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(logDir, { recursive: true });
  const startOptions: StartServicesOptions = { ports, env, serviceEnv, output: { logDir }, readyTimeoutMs: 120_000 };
  let services: RunningService[];
  try {
    services = await startServices({ ...startOptions, directory: DEMO_CITY_DIR });
  } catch (error) {
    for (const database of Object.values(databases)) await database.drop().catch(() => undefined);
    await kafka.deletePrefixedTopics().catch(() => undefined);
    await kafka.disconnect();
    throw error;
  }
  // Whatever ends this process (a crash included), the services it started go with it.
  const killAll = () => {
    for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const again = async (name: string, how: 'kill' | 'stop' | 'already-dead', extraEnv?: Record<string, string>): Promise<number> => {
    const index = services.findIndex((s) => s.name === name);
    if (index < 0) throw new Error(`no service ${name}`);
    if (how !== 'already-dead') await (how === 'kill' ? services[index]!.kill() : services[index]!.stop());
    const started = Date.now();
    const opts = extraEnv ? { ...startOptions, serviceEnv: { ...serviceEnv, [name]: { ...serviceEnv[name], ...extraEnv } } } : startOptions;
    const restarted = startService({ name, port: ports[name]! }, opts);
    services[index] = restarted;
    await waitUntilHealthy(restarted, 120_000);
    return Date.now() - started;
  };
  return {
    prefix,
    get services() {
      return services;
    },
    databases,
    kafka,
    logDir,
    url: (name) => `http://127.0.0.1:${ports[name]}`,
    service: (name) => services.find((s) => s.name === name)!,
    crashAndRestart: (name) => again(name, 'kill'),
    restart: (name, extraEnv) => again(name, 'stop', extraEnv),
    startAgain: (name) => again(name, 'already-dead'),
    async addReplica(name) {
      const replica = startService({ name, port: await freePort() }, startOptions);
      services.push(replica);
      await waitUntilHealthy(replica, 120_000);
      return replica;
    },
    async stop() {
      await Promise.all(services.map((s) => s.stop()));
      process.removeListener('exit', killAll);
      for (const database of Object.values(databases)) await database.drop().catch(() => undefined);
      await kafka.deletePrefixedTopics().catch(() => undefined);
      await kafka.disconnect();
    },
  };
}
