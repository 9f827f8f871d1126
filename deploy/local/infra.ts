/**
 * The local infrastructure as one unit: Kafka (started from jars in .cache/kafka),
 * PostgreSQL and Redis (system services, started only when down). Used by
 * deploy/local/cli.ts (npm run infra:up / infra:down / infra:status) and by the jest
 * global setup of the integration tests.
 *
 * `infraUp` is idempotent: what already runs is reused. What it starts is recorded
 * (.cache/kafka/broker.pid, .cache/infra/state.json) so that `infraDown` stops only that.
 * `infraPrepare` does `infraUp`'s provisioning (catalogue topics, service databases) on a
 * Kafka and PostgreSQL started elsewhere (the test tier's containers).
 */
import * as fs from 'node:fs';
import { ensureCatalogueTopics, kafkaDown, kafkaStatus, kafkaUp, KafkaUpResult } from './kafka';
import { INFRA_LOCK_FILE, INFRA_STATE_DIR, INFRA_STATE_FILE } from './paths';
import { ensureServiceDatabases, postgresDown, postgresStatus, postgresUp, PostgresServer, PostgresUpResult } from './postgres';
import { seconds, withLock } from './processes';
import { redisDown, redisStatus, redisUp, RedisUpResult } from './redis';

export { ensureCatalogueTopics, KAFKA_BROKERS, KAFKA_HOST, KAFKA_PORT } from './kafka';
export {
  ensureDatabase,
  ensureServiceDatabases,
  LOCAL_POSTGRES,
  postgresConfig,
  postgresServerOf,
  postgresUrl,
  SERVICE_DATABASES,
  POSTGRES_HOST,
  POSTGRES_PORT,
  POSTGRES_USER,
} from './postgres';
export type { PostgresServer, ServiceDatabase } from './postgres';
export { REDIS_HOST, REDIS_PORT, REDIS_URL } from './redis';

export type Log = (line: string) => void;

export interface InfraUpOptions {
  /** Wipe Kafka's data dir and format it again. Default: env KAFKA_FRESH=1. */
  fresh?: boolean;
  /** Print nothing but warnings (jest's global setup). */
  quiet?: boolean;
  /** Where lines go (default: stdout, or nothing when quiet). */
  log?: Log;
}

export interface InfraUpResult {
  kafka: KafkaUpResult;
  postgres: PostgresUpResult;
  redis: RedisUpResult;
  totalMs: number;
}

/** What `up` started itself (Kafka's is its pid file). */
interface InfraState {
  postgres?: { version: string; startedAt: string };
  redis?: { pid: number; startedAt: string };
}

function readState(): InfraState {
  try {
    return JSON.parse(fs.readFileSync(INFRA_STATE_FILE, 'utf8')) as InfraState;
  } catch {
    return {};
  }
}

function writeState(state: InfraState): void {
  fs.mkdirSync(INFRA_STATE_DIR, { recursive: true });
  if (!state.postgres && !state.redis) fs.rmSync(INFRA_STATE_FILE, { force: true });
  else fs.writeFileSync(INFRA_STATE_FILE, JSON.stringify(state, null, 2) + '\n');
}

export class InfraError extends Error {
  constructor(readonly failures: { component: string; error: Error }[]) {
    super(failures.map((f) => `${f.component} failed: ${f.error.message}`).join('\n\n'));
    this.name = 'InfraError';
  }
}

const pad = (name: string) => name.padEnd(9);

function describeKafka(k: KafkaUpResult): string {
  if (k.status === 'external') return `${pad('kafka')} ${k.address}  reused (not started by infra:up${k.pid ? `, pid ${k.pid}` : ''})`;
  if (k.status === 'reused') return `${pad('kafka')} ${k.address}  reused (pid ${k.pid})`;
  const extras = [k.maven && `jars fetched in ${seconds(k.maven.ms)}`, k.formatMs !== undefined && `formatted in ${seconds(k.formatMs)}`].filter(Boolean);
  return `${pad('kafka')} ${k.address}  started in ${seconds(k.startMs!)} (pid ${k.pid}${extras.length ? `; ${extras.join(', ')}` : ''})`;
}

function describe(name: string, r: { address: string; status: string; startMs?: number; pid?: number; installed?: boolean }): string {
  const pid = r.pid ? ` (pid ${r.pid})` : '';
  if (r.status === 'reused') return `${pad(name)} ${r.address}  reused${pid}`;
  return `${pad(name)} ${r.address}  started in ${seconds(r.startMs ?? 0)}${pid}${r.installed ? ', installed with apt-get' : ''}`;
}

// Calls within one process run one after the other (the lock file guards across processes).
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Makes sure Kafka (with the catalogue topics), PostgreSQL (with the service databases)
 * and Redis are up, starting what is not. Throws an InfraError naming what failed.
 */
export function infraUp(options: InfraUpOptions = {}): Promise<InfraUpResult> {
  const fresh = options.fresh ?? process.env.KAFKA_FRESH === '1';
  const out: Log = options.log ?? (options.quiet ? () => undefined : (line) => console.log(line));
  const warn: Log = options.log ?? ((line) => console.warn(line));
  return serialized(() =>
    withLock(INFRA_LOCK_FILE, async () => {
      const started = Date.now();
      // All three at once: the broker's start dominates.
      const [kafka, postgres, redis] = await Promise.allSettled([kafkaUp({ fresh, log: out }), postgresUp(out), redisUp(out)]);

      const state = readState();
      if (postgres.status === 'fulfilled' && postgres.value.status === 'started' && postgres.value.version) {
        state.postgres = { version: postgres.value.version, startedAt: new Date().toISOString() };
      }
      if (redis.status === 'fulfilled' && redis.value.status === 'started' && redis.value.pid) {
        state.redis = { pid: redis.value.pid, startedAt: new Date().toISOString() };
      }
      writeState(state);

      const failures: { component: string; error: Error }[] = [];
      const results = { kafka, postgres, redis };
      for (const [component, result] of Object.entries(results)) {
        if (result.status === 'rejected') {
          failures.push({ component, error: result.reason instanceof Error ? result.reason : new Error(String(result.reason)) });
        }
      }
      if (kafka.status === 'fulfilled') {
        out(describeKafka(kafka.value));
        if (kafka.value.topicsCreated.length) out(`${pad('')} ${kafka.value.topicsCreated.length} topics created`);
        for (const warning of kafka.value.warnings) warn(`kafka     warning: ${warning}`);
      }
      if (postgres.status === 'fulfilled') {
        out(describe('postgres', postgres.value));
        if (postgres.value.databasesCreated.length) out(`${pad('')} databases created: ${postgres.value.databasesCreated.join(', ')}`);
      }
      if (redis.status === 'fulfilled') out(describe('redis', redis.value));
      if (failures.length) throw new InfraError(failures);
      return {
        kafka: (kafka as PromiseFulfilledResult<KafkaUpResult>).value,
        postgres: (postgres as PromiseFulfilledResult<PostgresUpResult>).value,
        redis: (redis as PromiseFulfilledResult<RedisUpResult>).value,
        totalMs: Date.now() - started,
      };
    }),
  );
}

export interface InfraPrepareTarget {
  /** The broker's bootstrap addresses (host:port). */
  kafkaBrokers: string[];
  postgres: PostgresServer;
}

export interface InfraPrepareResult {
  topicsCreated: string[];
  databasesCreated: string[];
  warnings: string[];
}

/**
 * What `infraUp` does once Kafka and PostgreSQL answer, on a Kafka and PostgreSQL started
 * elsewhere (the test tier's containers): the catalogue topics and the service databases.
 * Redis needs nothing. Idempotent; throws an InfraError naming what failed.
 */
export async function infraPrepare(target: InfraPrepareTarget): Promise<InfraPrepareResult> {
  const [kafka, postgres] = await Promise.allSettled([ensureCatalogueTopics(target.kafkaBrokers), ensureServiceDatabases(target.postgres)]);
  const failures: { component: string; error: Error }[] = [];
  for (const [component, result] of Object.entries({ kafka, postgres })) {
    if (result.status === 'rejected') failures.push({ component, error: result.reason instanceof Error ? result.reason : new Error(String(result.reason)) });
  }
  if (kafka.status === 'rejected' || postgres.status === 'rejected') throw new InfraError(failures);
  return { topicsCreated: kafka.value.created, databasesCreated: postgres.value, warnings: kafka.value.warnings };
}

export interface InfraDownResult {
  lines: string[];
}

/** Stops what infraUp started (Kafka by its pid; PostgreSQL and Redis only if it started them). */
export function infraDown(options: { log?: Log; quiet?: boolean } = {}): Promise<InfraDownResult> {
  const out: Log = options.log ?? (options.quiet ? () => undefined : (line) => console.log(line));
  return serialized(() =>
    withLock(INFRA_LOCK_FILE, async () => {
      const lines: string[] = [];
      const say = (line: string) => {
        lines.push(line);
        out(line);
      };
      const errors: { component: string; error: Error }[] = [];

      const kafkaStarted = Date.now();
      try {
        const k = await kafkaDown();
        if (k.status === 'stopped' || k.status === 'killed') say(`${pad('kafka')} ${k.status} (pid ${k.pid}) in ${seconds(Date.now() - kafkaStarted)}`);
        else if (k.status === 'not-ours') say(`${pad('kafka')} left running (not started by infra:up${k.pid ? `, pid ${k.pid}` : ''})`);
        else say(`${pad('kafka')} not running`);
      } catch (error) {
        errors.push({ component: 'kafka', error: error as Error });
      }

      const state = readState();
      if (state.redis) {
        try {
          say(`${pad('redis')} ${await redisDown(state.redis.pid)} (pid ${state.redis.pid})`);
          delete state.redis;
        } catch (error) {
          errors.push({ component: 'redis', error: error as Error });
        }
      } else say(`${pad('redis')} left running (not started by infra:up)`);
      if (state.postgres) {
        try {
          await postgresDown(state.postgres.version);
          say(`${pad('postgres')} stopped (cluster ${state.postgres.version}/main)`);
          delete state.postgres;
        } catch (error) {
          errors.push({ component: 'postgres', error: error as Error });
        }
      } else say(`${pad('postgres')} left running (not started by infra:up)`);
      writeState(state);
      if (errors.length) throw new InfraError(errors);
      return { lines };
    }),
  );
}

export interface InfraStatus {
  kafka: Awaited<ReturnType<typeof kafkaStatus>>;
  postgres: Awaited<ReturnType<typeof postgresStatus>> & { ours: boolean };
  redis: Awaited<ReturnType<typeof redisStatus>> & { ours: boolean };
  /** All three accept connections. */
  up: boolean;
  lines: string[];
}

export async function infraStatus(): Promise<InfraStatus> {
  const [kafka, pg, redis] = await Promise.all([kafkaStatus(), postgresStatus(), redisStatus()]);
  const state = readState();
  const postgres = { ...pg, ours: !!state.postgres };
  const redisS = { ...redis, ours: !!state.redis && state.redis.pid === redis.pid };
  const who = (ours: boolean) => (ours ? 'started by infra:up' : 'not started by infra:up');
  const line = (name: string, s: { address: string; up: boolean; pid?: number; error?: string }, ours: boolean) =>
    `${pad(name)} ${s.address}  ${s.up ? `up (${[s.pid && `pid ${s.pid}`, who(ours)].filter(Boolean).join(', ')})` : `down${s.error ? `: ${s.error}` : ''}`}`;
  const lines = [line('kafka', kafka, kafka.ours), line('postgres', postgres, postgres.ours), line('redis', redisS, redisS.ours)];
  return { kafka, postgres, redis: redisS, up: kafka.up && postgres.up && redis.up, lines };
}
