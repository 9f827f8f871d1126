/**
 * Where the integration and end-to-end tiers take Kafka, PostgreSQL and Redis from: the
 * decision behind TEST_INFRA and the environment that publishes the containers' addresses.
 * Pure logic (no testcontainers, no sockets): the jest global setup wires it to the real
 * runtime probe and file system.
 *
 *   TEST_INFRA=local       the local infrastructure of `npm run infra:up` (127.0.0.1:9092, :5432, :6379)
 *   TEST_INFRA=containers  Kafka, PostgreSQL and Redis in containers; fails at once when no container runtime answers
 *   TEST_INFRA=auto        (the default) containers when a container runtime answers, otherwise local
 */
import * as path from 'node:path';

export const TEST_INFRA_MODES = ['auto', 'local', 'containers'] as const;
export type TestInfraMode = (typeof TEST_INFRA_MODES)[number];
export type TestInfra = 'local' | 'containers';

/** TEST_INFRA's value; unset or empty is `auto`. Throws naming the variable and the values it takes. */
export function parseTestInfraMode(value: string | undefined): TestInfraMode {
  const mode = (value ?? '').trim().toLowerCase() || 'auto';
  if ((TEST_INFRA_MODES as readonly string[]).includes(mode)) return mode as TestInfraMode;
  throw new Error(`TEST_INFRA=${value}: expected one of ${TEST_INFRA_MODES.join(', ')}`);
}

/** What the machine tells about a container runtime without asking one (and without loading testcontainers). */
export interface RuntimeHints {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  uid: number;
  exists(file: string): boolean;
}

/**
 * Whether any of the places testcontainers looks for a container runtime is there: DOCKER_HOST,
 * ~/.testcontainers.properties (tc.host, docker.host), /var/run/docker.sock, a rootless socket
 * ($XDG_RUNTIME_DIR, ~/.docker/run, ~/.docker/desktop, /run/user/<uid>) or Windows' named pipe.
 * When none is, `auto` picks local without loading testcontainers; when one is, testcontainers'
 * own detection decides.
 */
export function containerRuntimeMayAnswer(hints: RuntimeHints): boolean {
  if (hints.env.DOCKER_HOST) return true;
  if (hints.platform === 'win32') return true;
  const candidates = [
    path.join(hints.homedir, '.testcontainers.properties'),
    '/var/run/docker.sock',
    hints.env.XDG_RUNTIME_DIR ? path.join(hints.env.XDG_RUNTIME_DIR, 'docker.sock') : undefined,
    path.join(hints.homedir, '.docker', 'run', 'docker.sock'),
    path.join(hints.homedir, '.docker', 'desktop', 'docker.sock'),
    path.join('/run', 'user', String(hints.uid), 'docker.sock'),
  ];
  return candidates.some((file) => file !== undefined && hints.exists(file));
}

/** Asks a container runtime to answer: true when it does, otherwise why not. */
export type RuntimeProbe = () => Promise<true | string>;

/** The one line `TEST_INFRA=containers` fails with when no container runtime answers. */
export function noContainerRuntimeMessage(reason: string): string {
  return `TEST_INFRA=containers: no container runtime answered (${reason.replace(/\s+/g, ' ').trim()}); start a Docker engine or run with TEST_INFRA=local`;
}

/**
 * The infrastructure the tests get. `local` never asks a runtime; `auto` asks only when the
 * hints say one may answer, and falls back to local when it does not; `containers` always
 * asks and throws a one-line error when it does not answer.
 */
export async function chooseTestInfra(mode: TestInfraMode, runtime: { mayAnswer: () => boolean; probe: RuntimeProbe }): Promise<TestInfra> {
  if (mode === 'local') return 'local';
  if (mode === 'auto' && !runtime.mayAnswer()) return 'local';
  const answer = await runtime.probe().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (answer === true) return 'containers';
  if (mode === 'auto') return 'local';
  // A setting that cannot be met, not a bug: the one line says it all, so no stack trace.
  const error = new Error(noContainerRuntimeMessage(answer));
  error.stack = error.message;
  throw error;
}

/** Resolves as `promise` does, or rejects with "<what> did not answer within <ms> ms". */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Where the started containers answer, from the host (mapped ports). */
export interface ContainerAddresses {
  kafka: { host: string; port: number };
  postgres: { host: string; port: number; user: string; password?: string };
  redis: { host: string; port: number };
}

/** The variables libs/provisioning/src/infrastructure.ts reads, naming the containers. */
export interface TestInfraEnvironment {
  TEST_KAFKA_BROKERS: string;
  TEST_POSTGRES_ADMIN_URL: string;
  TEST_REDIS_URL: string;
}

/** The containers' addresses as the environment the test processes (and the services they spawn) inherit. */
export function containerEnvironment(addresses: ContainerAddresses): TestInfraEnvironment {
  const { kafka, postgres, redis } = addresses;
  const credentials = encodeURIComponent(postgres.user) + (postgres.password === undefined ? '' : `:${encodeURIComponent(postgres.password)}`);
  return {
    TEST_KAFKA_BROKERS: `${hostForUrl(kafka.host)}:${kafka.port}`,
    TEST_POSTGRES_ADMIN_URL: `postgres://${credentials}@${hostForUrl(postgres.host)}:${postgres.port}/postgres`,
    TEST_REDIS_URL: `redis://${hostForUrl(redis.host)}:${redis.port}`,
  };
}

/** An IPv6 literal goes in brackets in a URL or host:port. */
function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
