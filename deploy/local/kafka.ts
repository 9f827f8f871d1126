/**
 * One local Kafka 3.9.1 broker in KRaft combined mode (broker + controller in one JVM),
 * run from jars that Maven fetches from Maven Central into .cache/kafka/libs.
 * See /work/shared/KAFKA_LOCAL.md for where the settings come from.
 *
 * Where a broker listens and keeps its files is a BrokerLayout. The shared broker of
 * `npm run infra:up` and the integration tier is SHARED_BROKER (127.0.0.1:9092/9093 under
 * .cache/kafka); startPrivateBroker runs another one on its own ports and directory, for a
 * test that takes its broker down and brings it back. All of them use the same jars.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { DEPARTMENT_TOPIC_SPEC } from '@grievance/contracts';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import {
  KAFKA_BROKER_PATHS,
  KAFKA_LIBS_DIR,
  KAFKA_LIBS_MARKER,
  KAFKA_LOG4J,
  KAFKA_POM,
  KafkaBrokerPaths,
  kafkaBrokerPaths,
  MAVEN_REPO_DIR,
  ROOT,
} from './paths';
import {
  canConnect,
  commandLine,
  hasCommand,
  indent,
  isAlive,
  listenerPid,
  readPidFile,
  runOrThrow,
  sleep,
  spawnDetached,
  stopPid,
  tailFile,
  waitForPort,
} from './processes';

export const KAFKA_HOST = '127.0.0.1';
export const KAFKA_PORT = 9092;
export const KAFKA_CONTROLLER_PORT = 9093;
/** What clients should be given: 127.0.0.1, not localhost (Node may try ::1 first). */
export const KAFKA_BROKERS = [`${KAFKA_HOST}:${KAFKA_PORT}`];

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;

/** Heap and GC of the broker (KAFKA_LOCAL.md, "JVM"). */
const BROKER_JVM_OPTS = ['-Xms512m', '-Xmx1g', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];
/** A private test broker holds a few small topics: half the heap will do. */
const PRIVATE_BROKER_JVM_OPTS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];
/**
 * After a SIGKILL the restarted controller keeps the dead broker's registration until its
 * session times out (broker.session.timeout.ms, 9 s by default), and the new broker cannot
 * register before that: a shorter session makes a private broker's restart after kill()
 * seconds faster.
 */
const PRIVATE_BROKER_SETTINGS = { 'broker.session.timeout.ms': 3000, 'broker.heartbeat.interval.ms': 1000 };
/** The storage tool is short-lived: start it as cheaply as possible. */
const TOOL_JVM_OPTS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/** Where a broker listens and keeps its files (data, logs, server.properties, pid file). */
export interface BrokerLayout extends KafkaBrokerPaths {
  host: string;
  port: number;
  controllerPort: number;
  /** Heap and GC of its JVM. */
  jvmOpts: string[];
  /** server.properties settings added to (or overriding) the common ones. */
  extraSettings?: Record<string, string | number | boolean>;
}

/** The shared broker: 127.0.0.1:9092 (controller 9093), files under .cache/kafka. */
export const SHARED_BROKER: BrokerLayout = {
  ...KAFKA_BROKER_PATHS,
  host: KAFKA_HOST,
  port: KAFKA_PORT,
  controllerPort: KAFKA_CONTROLLER_PORT,
  jvmOpts: BROKER_JVM_OPTS,
};

const addressOf = (layout: BrokerLayout) => `${layout.host}:${layout.port}`;

const classPath = () => path.join(KAFKA_LIBS_DIR, '*');
/** A broker logs to <dir>/logs/server.log; the storage tool to <dir>/logs/tools/server.log. */
const log4jOpts = (logsDir: string) => [`-Dlog4j.configuration=file:${KAFKA_LOG4J}`, `-Dkafka.logs.dir=${logsDir}`];
const toolOpts = (layout: BrokerLayout) => [...TOOL_JVM_OPTS, ...log4jOpts(path.join(layout.logsDir, 'tools'))];

export type Log = (line: string) => void;

// ---------------------------------------------------------------------------- jars

function pomHash(): string {
  return createHash('sha256').update(fs.readFileSync(KAFKA_POM)).digest('hex');
}

/** Whether .cache/kafka/libs holds a complete resolution of the current POM. */
export function kafkaJarsComplete(): boolean {
  try {
    return fs.readFileSync(KAFKA_LIBS_MARKER, 'utf8').trim() === pomHash();
  } catch {
    return false;
  }
}

/**
 * Fetches the broker's jars with Maven unless the libs folder already holds a complete set
 * for this POM. Returns the time spent fetching, or undefined when nothing was fetched.
 */
export async function ensureKafkaJars(log: Log = () => undefined): Promise<{ ms: number; jars: number } | undefined> {
  if (kafkaJarsComplete()) return undefined;
  for (const tool of ['java', 'mvn']) {
    if (!hasCommand(tool)) {
      throw new Error(`\`${tool}\` is not on PATH: install Java 17+ and Maven (Debian: apt-get install -y default-jdk-headless maven)`);
    }
  }
  log(`kafka     fetching the broker's jars from Maven Central into ${path.relative(ROOT, KAFKA_LIBS_DIR)} ...`);
  const started = Date.now();
  // A half-copied folder from an interrupted run, or jars of an older POM: start clean.
  fs.rmSync(KAFKA_LIBS_DIR, { recursive: true, force: true });
  fs.mkdirSync(KAFKA_LIBS_DIR, { recursive: true });
  await runOrThrow(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      KAFKA_POM,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${KAFKA_LIBS_DIR}`,
      `-Dmaven.repo.local=${MAVEN_REPO_DIR}`,
    ],
    { cwd: ROOT, timeoutMs: 15 * 60_000 },
  );
  const jars = fs.readdirSync(KAFKA_LIBS_DIR).filter((f) => f.endsWith('.jar'));
  if (!jars.some((j) => /^kafka_2\.13-.*\.jar$/.test(j)) || !jars.some((j) => j.startsWith('reload4j-'))) {
    throw new Error(`Maven finished but ${KAFKA_LIBS_DIR} lacks the kafka_2.13 or reload4j jar`);
  }
  fs.writeFileSync(KAFKA_LIBS_MARKER, pomHash() + '\n');
  return { ms: Date.now() - started, jars: jars.length };
}

// ---------------------------------------------------------------------- configuration

/** The single-node combined-mode configuration (KAFKA_LOCAL.md, "Single-node combined-mode properties"). */
export function serverProperties(layout: BrokerLayout = SHARED_BROKER): string {
  const { host, port, controllerPort } = layout;
  const settings: [string, string | number | boolean][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@${host}:${controllerPort}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['listeners', `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${host}:${port}`],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', layout.dataDir],
    // Topics are created explicitly with their partition counts: the catalogue topics and
    // their .dlq by infra:up, each department's topic by the service when the department
    // is added. A typo'd topic name must fail, not silently create a 1-partition topic.
    ['auto.create.topics.enable', false],
    // Partitions of a topic created without a count (e.g. a department topic).
    ['num.partitions', DEPARTMENT_TOPIC_SPEC.partitions],
    // One node: every replication factor and min ISR is 1.
    ['default.replication.factor', 1],
    ['min.insync.replicas', 1],
    ['offsets.topic.replication.factor', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    // The defaults of 50 partitions make the first group join slow.
    ['offsets.topic.num.partitions', 1],
    ['transaction.state.log.num.partitions', 1],
    ['group.initial.rebalance.delay.ms', 0],
    // Small machine.
    ['num.network.threads', 2],
    ['num.io.threads', 4],
    ['background.threads', 2],
    ['log.cleaner.dedupe.buffer.size', 2097152],
    // At rest the controller appends a no-op record to the metadata log (and syncs it) every
    // 500 ms so that other nodes can tell stale metadata; one node has nobody to tell.
    ['metadata.max.idle.interval.ms', 5000],
  ];
  const merged = new Map([...settings, ...Object.entries(layout.extraSettings ?? {})]);
  return [
    '# Generated by deploy/local/kafka.ts on every infra:up; edit that file, not this one.',
    ...[...merged].map(([key, value]) => `${key}=${value}`),
    '',
  ].join('\n');
}

function writeServerProperties(layout: BrokerLayout): void {
  const file = layout.serverProperties;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = serverProperties(layout);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) fs.writeFileSync(file, text);
}

function java(args: string[]): Promise<string> {
  return runOrThrow('java', args, { cwd: ROOT, timeoutMs: 120_000 });
}

function readProperties(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([^#!=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) map.set(match[1]!, match[2]!);
  }
  return map;
}

/** The cluster id: made once with the storage tool, then kept (also across --fresh). */
async function clusterId(layout: BrokerLayout): Promise<string> {
  // A formatted data dir is the authority: keep the id file in step with it.
  const meta = path.join(layout.dataDir, 'meta.properties');
  if (fs.existsSync(meta)) {
    const id = readProperties(meta).get('cluster.id');
    if (id) {
      if (readClusterIdFile(layout) !== id) fs.writeFileSync(layout.clusterIdFile, id + '\n');
      return id;
    }
  }
  const existing = readClusterIdFile(layout);
  if (existing) return existing;
  const output = await java(['-cp', classPath(), ...toolOpts(layout), 'kafka.tools.StorageTool', 'random-uuid']);
  const id = output.trim().split('\n').pop()!.trim();
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) throw new Error(`StorageTool random-uuid printed no cluster id:\n${indent(output)}`);
  fs.mkdirSync(path.dirname(layout.clusterIdFile), { recursive: true });
  fs.writeFileSync(layout.clusterIdFile, id + '\n');
  return id;
}

function readClusterIdFile(layout: BrokerLayout): string | undefined {
  try {
    return fs.readFileSync(layout.clusterIdFile, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Formats the data dir unless it already is. Returns the time spent formatting, if it did. */
async function formatStorage(layout: BrokerLayout): Promise<number | undefined> {
  if (fs.existsSync(path.join(layout.dataDir, 'meta.properties')) && fs.existsSync(path.join(layout.dataDir, 'bootstrap.checkpoint'))) {
    return undefined;
  }
  const started = Date.now();
  const id = await clusterId(layout);
  await java([
    '-cp',
    classPath(),
    ...toolOpts(layout),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    id,
    '-c',
    layout.serverProperties,
    '--ignore-formatted',
  ]);
  return Date.now() - started;
}

// --------------------------------------------------------------------------- process

/** The pid of the broker we started in this layout, if it still runs (checked against its command line). */
export function ourBrokerPid(layout: BrokerLayout = SHARED_BROKER): number | undefined {
  const pid = readPidFile(layout.pidFile);
  if (pid === undefined) return undefined;
  const cmd = commandLine(pid);
  if (isAlive(pid) && (cmd === undefined || (cmd.includes('kafka.Kafka') && cmd.includes(layout.serverProperties)))) return pid;
  // Stale: the broker died (or the pid was reused by something else).
  fs.rmSync(layout.pidFile, { force: true });
  return undefined;
}

/** A file's name for messages: relative to the repository when inside it. */
const shown = (file: string) => (file.startsWith(ROOT + path.sep) ? path.relative(ROOT, file) : file);

function brokerLogTail(layout: BrokerLayout): string {
  return [
    `--- ${shown(layout.serverLog)} (last lines) ---`,
    tailFile(layout.serverLog, 30),
    `--- ${shown(layout.stdoutLog)} (last lines) ---`,
    tailFile(layout.stdoutLog, 20),
  ].join('\n');
}

function startBroker(layout: BrokerLayout): number {
  fs.mkdirSync(layout.logsDir, { recursive: true });
  // Keep the previous run's log beside the new one, so that a failure's tail is this run's.
  if (fs.existsSync(layout.serverLog)) fs.renameSync(layout.serverLog, layout.serverLog + '.prev');
  const pid = spawnDetached(
    'java',
    ['-cp', classPath(), ...layout.jvmOpts, ...log4jOpts(layout.logsDir), 'kafka.Kafka', layout.serverProperties],
    { cwd: ROOT, logFile: layout.stdoutLog },
  );
  fs.writeFileSync(layout.pidFile, pid + '\n');
  return pid;
}

async function waitUntilReady(layout: BrokerLayout, pid: number): Promise<number> {
  try {
    return await waitForPort(layout.host, layout.port, {
      timeoutMs: READY_TIMEOUT_MS,
      check: () => {
        if (!isAlive(pid)) throw new Error(`the broker (pid ${pid}) exited during start-up`);
      },
    });
  } catch (error) {
    if (isAlive(pid)) await stopPid(pid, 5000);
    fs.rmSync(layout.pidFile, { force: true });
    throw new Error(`kafka did not become ready on ${addressOf(layout)}: ${(error as Error).message}\n${brokerLogTail(layout)}`);
  }
}

/** Throws when something already listens on the broker's or the controller's port. */
async function assertPortsFree(layout: BrokerLayout): Promise<void> {
  for (const port of [layout.port, layout.controllerPort]) {
    if (await canConnect(layout.host, port)) {
      const other = listenerPid(port);
      const role = port === layout.port ? 'the broker\'s' : 'the controller\'s';
      throw new Error(`port ${port} (${role}) is taken${other ? ` by pid ${other}: ${commandLine(other) ?? '?'}` : ''}`);
    }
  }
}

/** Writes the configuration, formats the data dir if new, and starts the broker. Returns its pid and timings. */
async function launch(layout: BrokerLayout): Promise<{ pid: number; startMs: number; formatMs?: number }> {
  writeServerProperties(layout);
  const formatMs = await formatStorage(layout);
  const started = Date.now();
  const pid = startBroker(layout);
  await waitUntilReady(layout, pid);
  return { pid, startMs: Date.now() - started, formatMs };
}

export interface KafkaUpOptions {
  /** Wipe the data dir and format it again (stops our broker first). */
  fresh?: boolean;
  log?: Log;
}

export interface KafkaUpResult {
  address: string;
  /** started: by this call; reused: ours, already running; external: someone else's broker on the port. */
  status: 'started' | 'reused' | 'external';
  pid?: number;
  /** From spawn to the port accepting connections. */
  startMs?: number;
  maven?: { ms: number; jars: number };
  formatMs?: number;
  topicsCreated: string[];
  warnings: string[];
}

/** Makes sure a broker answers on 127.0.0.1:9092 and the catalogue topics exist. */
export async function kafkaUp(options: KafkaUpOptions = {}): Promise<KafkaUpResult> {
  const layout = SHARED_BROKER;
  const address = addressOf(layout);
  const log = options.log ?? (() => undefined);
  let pid = ourBrokerPid(layout);
  let result: KafkaUpResult;

  if (options.fresh && pid !== undefined) {
    log(`kafka     stopping the broker (pid ${pid}) for a fresh data dir`);
    await stopPid(pid, STOP_GRACE_MS);
    fs.rmSync(layout.pidFile, { force: true });
    pid = undefined;
  }

  if (pid !== undefined) {
    // Ours and alive: ready, or still starting (an earlier up that was interrupted).
    await waitUntilReady(layout, pid);
    result = { address, status: 'reused', pid, topicsCreated: [], warnings: [] };
  } else if (await canConnect(layout.host, layout.port)) {
    const other = listenerPid(layout.port);
    if (options.fresh) {
      throw new Error(
        `a fresh Kafka data dir was asked for, but a broker this tool did not start already listens on ${address}` +
          `${other ? ` (pid ${other}: ${commandLine(other) ?? '?'})` : ''}; stop it first`,
      );
    }
    result = { address, status: 'external', pid: other, topicsCreated: [], warnings: [] };
  } else {
    await assertPortsFree(layout);
    const maven = await ensureKafkaJars(log);
    if (options.fresh) fs.rmSync(layout.dataDir, { recursive: true, force: true });
    const started = await launch(layout);
    result = { address, status: 'started', ...started, maven, topicsCreated: [], warnings: [] };
  }

  const topics = await ensureCatalogueTopics([address]);
  result.topicsCreated = topics.created;
  result.warnings.push(...topics.warnings);
  return result;
}

/**
 * Every catalogue topic and its .dlq on the broker at `brokers` (the shared one, or one
 * started elsewhere, e.g. the test tier's container); department topics are created when a
 * department is added. Resolves to the topics it created and a warning per existing topic
 * whose partition count differs from the catalogue's.
 */
export async function ensureCatalogueTopics(brokers: string[]): Promise<{ created: string[]; warnings: string[] }> {
  const wanted = catalogueTopicsToCreate();
  const address = brokers.join(',');
  const connection = new KafkaConnection({ brokers, clientId: 'infra' });
  let created: string[] = [];
  const warnings: string[] = [];
  try {
    // Right after the port opens the broker may still refuse admin requests for a moment.
    for (let attempt = 1; ; attempt++) {
      try {
        created = await connection.ensureTopics(wanted);
        break;
      } catch (error) {
        if (attempt >= 10) {
          throw new Error(`could not create the catalogue topics on ${address}: ${(error as Error).message}`);
        }
        await connection.disconnect();
        await sleep(500 * attempt);
      }
    }
    // A persistent data dir may hold a topic made from an older catalogue. Partitions are
    // never taken away: a topic with more than the catalogue's count works the same (order
    // holds per key), it only costs every group reading it more at rest.
    const admin = connection.kafka.admin();
    const metadata = await admin
      .connect()
      .then(() => admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) }))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
    for (const topic of metadata?.topics ?? []) {
      const partitions = wanted.find((t) => t.topic === topic.name)?.partitions;
      if (partitions !== undefined && topic.partitions.length < partitions) {
        warnings.push(`topic ${topic.name} has ${topic.partitions.length} partitions, the catalogue says ${partitions} (use --fresh)`);
      }
    }
  } finally {
    await connection.disconnect();
  }
  return { created, warnings };
}

/** Stops the broker if we started it. */
export async function kafkaDown(): Promise<{ status: 'stopped' | 'killed' | 'not-ours' | 'not-running'; pid?: number }> {
  const layout = SHARED_BROKER;
  const pid = ourBrokerPid(layout);
  if (pid === undefined) {
    return (await canConnect(layout.host, layout.port)) ? { status: 'not-ours', pid: listenerPid(layout.port) } : { status: 'not-running' };
  }
  const how = await stopPid(pid, STOP_GRACE_MS);
  fs.rmSync(layout.pidFile, { force: true });
  return { status: how === 'killed' ? 'killed' : how === 'terminated' ? 'stopped' : 'not-running', pid };
}

export async function kafkaStatus(): Promise<{ address: string; up: boolean; ours: boolean; pid?: number }> {
  const layout = SHARED_BROKER;
  const pid = ourBrokerPid(layout);
  const up = await canConnect(layout.host, layout.port);
  return { address: addressOf(layout), up, ours: pid !== undefined, pid: pid ?? (up ? listenerPid(layout.port) : undefined) };
}

// ------------------------------------------------------------------- private brokers

export interface PrivateBrokerOptions {
  /** Its own base directory (data, logs, server.properties, pid file); created if missing. */
  dir: string;
  /** Default: a free port, picked now and kept across restarts. */
  port?: number;
  /** Default: a free port, picked now and kept across restarts. */
  controllerPort?: number;
  /** false: only prepare it (nothing runs until start()). Default true. */
  start?: boolean;
}

/** A broker of one's own, to take down and bring back (see startPrivateBroker). */
export interface PrivateBroker {
  /** What clients should be given, e.g. ['127.0.0.1:41234']. */
  readonly brokers: string[];
  readonly port: number;
  readonly controllerPort: number;
  readonly dir: string;
  /** Its pid while it runs. */
  readonly pid: number | undefined;
  /**
   * Starts it (formatting the data dir the first time) on the same ports and data as before,
   * and resolves once it accepts connections, with the time that took (spawn to ready).
   * Does nothing and resolves to 0 while it runs.
   */
  start(): Promise<number>;
  /** A clean shutdown: TERM, then KILL if it has not gone within the grace period. */
  stop(): Promise<void>;
  /** A crash: SIGKILL, then wait until it has gone. */
  kill(): Promise<void>;
}

/**
 * A single-node KRaft broker of one's own, on its own ports and directory, sharing the jars
 * of the shared broker (fetched first if missing); its data dir is formatted at its first
 * start. Its ports stay the same across stop() and start(), so clients given `brokers`
 * reconnect to it. Stop it before removing its directory; one left running is killed by a
 * watchdog once the process that started it has gone.
 */
export async function startPrivateBroker(options: PrivateBrokerOptions): Promise<PrivateBroker> {
  const host = KAFKA_HOST;
  const port = options.port ?? (await freePort(host));
  let controllerPort = options.controllerPort ?? (await freePort(host));
  while (controllerPort === port) controllerPort = await freePort(host);
  const dir = path.resolve(options.dir);
  const layout: BrokerLayout = {
    ...kafkaBrokerPaths(dir),
    host,
    port,
    controllerPort,
    jvmOpts: PRIVATE_BROKER_JVM_OPTS,
    extraSettings: PRIVATE_BROKER_SETTINGS,
  };
  await ensureKafkaJars();
  let pid: number | undefined;
  let starting: Promise<number> | undefined;

  const running = () => (pid !== undefined && isAlive(pid) ? pid : undefined);
  const gone = () => {
    pid = undefined;
    fs.rmSync(layout.pidFile, { force: true });
  };

  const broker: PrivateBroker = {
    brokers: [addressOf(layout)],
    port,
    controllerPort,
    dir,
    get pid() {
      return running();
    },
    start() {
      if (starting) return starting;
      if (running() !== undefined) return Promise.resolve(0);
      starting = (async () => {
        // A port taken meanwhile (by another test's broker) fails here, not as a confusing start-up error.
        await assertPortsFree(layout);
        const started = await launch(layout);
        pid = started.pid;
        killWhenOwnerExits(layout, pid);
        return started.startMs;
      })().finally(() => {
        starting = undefined;
      });
      return starting;
    },
    async stop() {
      await starting?.catch(() => undefined);
      const current = running();
      if (current !== undefined) await stopPid(current, STOP_GRACE_MS);
      gone();
    },
    async kill() {
      await starting?.catch(() => undefined);
      const current = running();
      if (current !== undefined) {
        try {
          process.kill(current, 'SIGKILL');
        } catch {
          // gone already
        }
        for (let i = 0; i < 100 && isAlive(current); i++) await sleep(50);
      }
      gone();
    },
  };
  if (options.start ?? true) await broker.start();
  return broker;
}

/**
 * A private broker is detached (its own session, so a Ctrl-C of the test run does not
 * half-stop it), and exit handlers of a jest test never run. So a tiny shell watchdog
 * SIGKILLs the broker once the process that started it is gone (a killed test run),
 * and itself ends with the broker.
 */
function killWhenOwnerExits(layout: BrokerLayout, brokerPid: number): void {
  const script = `while kill -0 ${brokerPid} 2>/dev/null; do if ! kill -0 ${process.pid} 2>/dev/null; then kill -9 ${brokerPid}; exit; fi; sleep 1; done`;
  spawnDetached('sh', ['-c', script], { logFile: path.join(layout.logsDir, 'watchdog.out') });
}

/** A TCP port nothing listens on right now (the kernel's pick). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
