/**
 * A Kafka broker of one's own, for tests and benchmarks that take the broker down and bring
 * it back (the shared broker of the integration tier must never go down). It is a second
 * local KRaft broker started by deploy/local/kafka.ts (startPrivateBroker) on free ports,
 * with its files in a temporary directory; a start takes a few seconds.
 *
 * deploy/local is repository tooling, not a library: it is loaded by a computed path so
 * that neither the lib's build (rootDir src) nor the module-boundary lint follows it (as in
 * libs/testing's jest/global-setup.ts). Its `@grievance/*` imports resolve through jest's
 * moduleNameMapper or tsx's tsconfig paths, so this works in tests and in scripts run with
 * tsx (the benchmarks), not from a built dist.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KafkaConnection, TopicToCreate } from '@grievance/messaging';
import { uniqueTopicPrefix } from './topic-prefix';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KAFKA_MODULE = path.join(ROOT, 'deploy', 'local', 'kafka');

/** The part of deploy/local/kafka.ts used here. */
interface PrivateBrokerHandle {
  readonly brokers: string[];
  readonly port: number;
  readonly dir: string;
  readonly pid: number | undefined;
  start(): Promise<number>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}
interface KafkaModule {
  startPrivateBroker(options: { dir: string; port?: number; controllerPort?: number; start?: boolean }): Promise<PrivateBrokerHandle>;
}

export interface PrivateKafka {
  /** What clients should be given, e.g. ['127.0.0.1:41234']; the same across restarts. */
  readonly brokers: string[];
  readonly port: number;
  /** Its temporary directory (data, logs, server.properties), removed by dispose(). */
  readonly dir: string;
  /** Whether the broker process runs. */
  readonly running: boolean;
  /**
   * Starts the broker (again: same ports, same data) and resolves once it answers a metadata
   * request, with the time from spawn to that. Resolves at once while it runs.
   */
  start(): Promise<number>;
  /** A clean shutdown (TERM, then KILL after a grace period). */
  stop(): Promise<void>;
  /** A crash (SIGKILL). */
  kill(): Promise<void>;
  /**
   * A connection to this broker under a fresh topic prefix. Nothing is contacted yet, so
   * it can be made while the broker is down; disconnected by dispose().
   */
  connection(label?: string): KafkaConnection;
  /** A connection under a fresh topic prefix with these topics created (the broker must be up). */
  createTopics(label: string, topics: TopicToCreate[]): Promise<KafkaConnection>;
  /** Disconnects the connections made here, stops the broker and removes its directory. Safe to call twice. */
  dispose(): Promise<void>;
}

export interface PrivateKafkaOptions {
  /** false: prepare it but start nothing (start() later). Default true. */
  start?: boolean;
  /** Part of the temporary directory's name. */
  label?: string;
}

const DIR_PREFIX = 'grievance-kafka-';

/** A private broker in a new temporary directory (see PrivateKafka). Dispose it when done (a suite in afterAll). */
export async function startPrivateKafka(options: PrivateKafkaOptions = {}): Promise<PrivateKafka> {
  removeAbandonedDirs();
  const label = (options.label ?? 'test').replace(/[^a-z0-9-]+/gi, '-');
  // The pid in the name tells removeAbandonedDirs whose directory it is.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-${label}-`));
  const { startPrivateBroker } = require(KAFKA_MODULE) as KafkaModule;
  let broker: PrivateBrokerHandle;
  try {
    broker = await startPrivateBroker({ dir, start: false });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const connections: KafkaConnection[] = [];
  let disposed = false;

  const connection = (name = 'private'): KafkaConnection => {
    const made = new KafkaConnection({ brokers: broker.brokers, clientId: `test-${name}`, topicPrefix: uniqueTopicPrefix(name) });
    connections.push(made);
    return made;
  };

  const kafka: PrivateKafka = {
    brokers: broker.brokers,
    port: broker.port,
    dir,
    get running() {
      return broker.pid !== undefined;
    },
    async start() {
      const started = Date.now();
      await broker.start();
      // The port opens a moment before the broker serves metadata (and can create topics).
      const probe = new KafkaConnection({ brokers: broker.brokers, clientId: 'test-private-probe', connectionTimeoutMs: 1000 });
      try {
        await untilAnswering(probe, broker.brokers[0], 30_000);
      } finally {
        await probe.disconnect();
      }
      return Date.now() - started;
    },
    stop: () => broker.stop(),
    kill: () => broker.kill(),
    connection,
    async createTopics(name, topics) {
      const made = connection(name);
      await made.ensureTopics(topics);
      return made;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await Promise.all(connections.map((c) => c.disconnect()));
      await broker.kill(); // its data is about to go: no need for a clean shutdown
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.start ?? true) await kafka.start();
  return kafka;
}

/** Pings until the broker serves metadata, or fails after timeoutMs. */
async function untilAnswering(probe: KafkaConnection, broker: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe.ping(2000).then(() => true, () => false))) {
    if (Date.now() > deadline) throw new Error(`the private broker on ${broker} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Directories of private brokers whose test process has gone without dispose() (a killed
 * run; deploy/local's watchdog has killed their broker by then).
 */
function removeAbandonedDirs(): void {
  let names: string[];
  try {
    names = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const owner = Number(/^(\d+)-/.exec(name.slice(DIR_PREFIX.length))?.[1]);
    if (!Number.isInteger(owner) || owner === process.pid || isAlive(owner)) continue;
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
