/**
 * One local Kafka 3.9.1 broker in KRaft combined mode (broker + controller in one JVM),
 * run from jars that Maven fetches from Maven Central into .cache/kafka/libs.
 * See /work/shared/KAFKA_LOCAL.md for where the settings come from.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PARTITIONS } from '@grievance/contracts';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import {
  KAFKA_CLUSTER_ID_FILE,
  KAFKA_DATA_DIR,
  KAFKA_LIBS_DIR,
  KAFKA_LIBS_MARKER,
  KAFKA_LOG4J,
  KAFKA_LOGS_DIR,
  KAFKA_PID_FILE,
  KAFKA_POM,
  KAFKA_SERVER_LOG,
  KAFKA_SERVER_PROPERTIES,
  KAFKA_STDOUT_LOG,
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
/** The storage tool is short-lived: start it as cheaply as possible. */
const TOOL_JVM_OPTS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

const classPath = () => path.join(KAFKA_LIBS_DIR, '*');
/** The broker logs to .cache/kafka/logs/server.log; the storage tool to .cache/kafka/logs/tools/server.log. */
const log4jOpts = (logsDir = KAFKA_LOGS_DIR) => [`-Dlog4j.configuration=file:${KAFKA_LOG4J}`, `-Dkafka.logs.dir=${logsDir}`];
const toolOpts = () => [...TOOL_JVM_OPTS, ...log4jOpts(path.join(KAFKA_LOGS_DIR, 'tools'))];

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
export function serverProperties(): string {
  const settings: [string, string | number | boolean][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@${KAFKA_HOST}:${KAFKA_CONTROLLER_PORT}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['listeners', `PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://${KAFKA_HOST}:${KAFKA_CONTROLLER_PORT}`],
    ['advertised.listeners', `PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT}`],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', KAFKA_DATA_DIR],
    // Topics are created explicitly with their partition counts: the catalogue topics and
    // their .dlq by infra:up, each department's topic by the service when the department
    // is added. A typo'd topic name must fail, not silently create a 1-partition topic.
    ['auto.create.topics.enable', false],
    // Partitions of a topic created without a count (e.g. a department topic).
    ['num.partitions', DEFAULT_PARTITIONS],
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
  ];
  return [
    '# Generated by deploy/local/kafka.ts on every infra:up; edit that file, not this one.',
    ...settings.map(([key, value]) => `${key}=${value}`),
    '',
  ].join('\n');
}

function writeServerProperties(): void {
  fs.mkdirSync(path.dirname(KAFKA_SERVER_PROPERTIES), { recursive: true });
  const text = serverProperties();
  const current = fs.existsSync(KAFKA_SERVER_PROPERTIES) ? fs.readFileSync(KAFKA_SERVER_PROPERTIES, 'utf8') : '';
  if (current !== text) fs.writeFileSync(KAFKA_SERVER_PROPERTIES, text);
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
async function clusterId(): Promise<string> {
  // A formatted data dir is the authority: keep the id file in step with it.
  const meta = path.join(KAFKA_DATA_DIR, 'meta.properties');
  if (fs.existsSync(meta)) {
    const id = readProperties(meta).get('cluster.id');
    if (id) {
      if (readClusterIdFile() !== id) fs.writeFileSync(KAFKA_CLUSTER_ID_FILE, id + '\n');
      return id;
    }
  }
  const existing = readClusterIdFile();
  if (existing) return existing;
  const output = await java(['-cp', classPath(), ...toolOpts(), 'kafka.tools.StorageTool', 'random-uuid']);
  const id = output.trim().split('\n').pop()!.trim();
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) throw new Error(`StorageTool random-uuid printed no cluster id:\n${indent(output)}`);
  fs.mkdirSync(path.dirname(KAFKA_CLUSTER_ID_FILE), { recursive: true });
  fs.writeFileSync(KAFKA_CLUSTER_ID_FILE, id + '\n');
  return id;
}

function readClusterIdFile(): string | undefined {
  try {
    return fs.readFileSync(KAFKA_CLUSTER_ID_FILE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Formats the data dir unless it already is. Returns the time spent formatting, if it did. */
async function formatStorage(): Promise<number | undefined> {
  if (fs.existsSync(path.join(KAFKA_DATA_DIR, 'meta.properties')) && fs.existsSync(path.join(KAFKA_DATA_DIR, 'bootstrap.checkpoint'))) {
    return undefined;
  }
  const started = Date.now();
  const id = await clusterId();
  await java([
    '-cp',
    classPath(),
    ...toolOpts(),
    'kafka.tools.StorageTool',
    'format',
    '-t',
    id,
    '-c',
    KAFKA_SERVER_PROPERTIES,
    '--ignore-formatted',
  ]);
  return Date.now() - started;
}

// --------------------------------------------------------------------------- process

/** The pid of the broker we started, if it still runs (checked against its command line). */
export function ourBrokerPid(): number | undefined {
  const pid = readPidFile(KAFKA_PID_FILE);
  if (pid === undefined) return undefined;
  const cmd = commandLine(pid);
  if (isAlive(pid) && (cmd === undefined || (cmd.includes('kafka.Kafka') && cmd.includes(KAFKA_SERVER_PROPERTIES)))) return pid;
  // Stale: the broker died (or the pid was reused by something else).
  fs.rmSync(KAFKA_PID_FILE, { force: true });
  return undefined;
}

function brokerLogTail(): string {
  return [
    `--- ${path.relative(ROOT, KAFKA_SERVER_LOG)} (last lines) ---`,
    tailFile(KAFKA_SERVER_LOG, 30),
    `--- ${path.relative(ROOT, KAFKA_STDOUT_LOG)} (last lines) ---`,
    tailFile(KAFKA_STDOUT_LOG, 20),
  ].join('\n');
}

function startBroker(): number {
  fs.mkdirSync(KAFKA_LOGS_DIR, { recursive: true });
  // Keep the previous run's log beside the new one, so that a failure's tail is this run's.
  if (fs.existsSync(KAFKA_SERVER_LOG)) fs.renameSync(KAFKA_SERVER_LOG, KAFKA_SERVER_LOG + '.prev');
  const pid = spawnDetached(
    'java',
    ['-cp', classPath(), ...BROKER_JVM_OPTS, ...log4jOpts(), 'kafka.Kafka', KAFKA_SERVER_PROPERTIES],
    { cwd: ROOT, logFile: KAFKA_STDOUT_LOG },
  );
  fs.writeFileSync(KAFKA_PID_FILE, pid + '\n');
  return pid;
}

async function waitUntilReady(pid: number): Promise<number> {
  try {
    return await waitForPort(KAFKA_HOST, KAFKA_PORT, {
      timeoutMs: READY_TIMEOUT_MS,
      check: () => {
        if (!isAlive(pid)) throw new Error(`the broker (pid ${pid}) exited during start-up`);
      },
    });
  } catch (error) {
    if (isAlive(pid)) await stopPid(pid, 5000);
    fs.rmSync(KAFKA_PID_FILE, { force: true });
    throw new Error(`kafka did not become ready on ${KAFKA_HOST}:${KAFKA_PORT}: ${(error as Error).message}\n${brokerLogTail()}`);
  }
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

const address = `${KAFKA_HOST}:${KAFKA_PORT}`;

/** Makes sure a broker answers on 127.0.0.1:9092 and the catalogue topics exist. */
export async function kafkaUp(options: KafkaUpOptions = {}): Promise<KafkaUpResult> {
  const log = options.log ?? (() => undefined);
  let pid = ourBrokerPid();
  let result: KafkaUpResult;

  if (options.fresh && pid !== undefined) {
    log(`kafka     stopping the broker (pid ${pid}) for a fresh data dir`);
    await stopPid(pid, STOP_GRACE_MS);
    fs.rmSync(KAFKA_PID_FILE, { force: true });
    pid = undefined;
  }

  if (pid !== undefined) {
    // Ours and alive: ready, or still starting (an earlier up that was interrupted).
    await waitUntilReady(pid);
    result = { address, status: 'reused', pid, topicsCreated: [], warnings: [] };
  } else if (await canConnect(KAFKA_HOST, KAFKA_PORT)) {
    const other = listenerPid(KAFKA_PORT);
    if (options.fresh) {
      throw new Error(
        `a fresh Kafka data dir was asked for, but a broker this tool did not start already listens on ${address}` +
          `${other ? ` (pid ${other}: ${commandLine(other) ?? '?'})` : ''}; stop it first`,
      );
    }
    result = { address, status: 'external', pid: other, topicsCreated: [], warnings: [] };
  } else {
    if (await canConnect(KAFKA_HOST, KAFKA_CONTROLLER_PORT)) {
      const other = listenerPid(KAFKA_CONTROLLER_PORT);
      throw new Error(`port ${KAFKA_CONTROLLER_PORT} (the controller's) is taken${other ? ` by pid ${other}: ${commandLine(other) ?? '?'}` : ''}`);
    }
    const maven = await ensureKafkaJars(log);
    if (options.fresh) fs.rmSync(KAFKA_DATA_DIR, { recursive: true, force: true });
    writeServerProperties();
    const formatMs = await formatStorage();
    const started = Date.now();
    pid = startBroker();
    await waitUntilReady(pid);
    result = { address, status: 'started', pid, startMs: Date.now() - started, maven, formatMs, topicsCreated: [], warnings: [] };
  }

  await createCatalogueTopics(result);
  return result;
}

/** Every catalogue topic and its .dlq; department topics are created when a department is added. */
async function createCatalogueTopics(result: KafkaUpResult): Promise<void> {
  const wanted = catalogueTopicsToCreate();
  const connection = new KafkaConnection({ brokers: KAFKA_BROKERS, clientId: 'infra' });
  try {
    // Right after the port opens the broker may still refuse admin requests for a moment.
    for (let attempt = 1; ; attempt++) {
      try {
        result.topicsCreated = await connection.ensureTopics(wanted);
        break;
      } catch (error) {
        if (attempt >= 10) {
          throw new Error(`could not create the catalogue topics on ${address}: ${(error as Error).message}`);
        }
        await connection.disconnect();
        await sleep(500 * attempt);
      }
    }
    // A persistent data dir may hold a topic made from an older catalogue.
    const admin = connection.kafka.admin();
    const metadata = await admin
      .connect()
      .then(() => admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) }))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
    for (const topic of metadata?.topics ?? []) {
      const partitions = wanted.find((t) => t.topic === topic.name)?.partitions;
      if (partitions !== undefined && topic.partitions.length !== partitions) {
        result.warnings.push(`topic ${topic.name} has ${topic.partitions.length} partitions, the catalogue says ${partitions} (use --fresh)`);
      }
    }
  } finally {
    await connection.disconnect();
  }
}

/** Stops the broker if we started it. */
export async function kafkaDown(): Promise<{ status: 'stopped' | 'killed' | 'not-ours' | 'not-running'; pid?: number }> {
  const pid = ourBrokerPid();
  if (pid === undefined) {
    return (await canConnect(KAFKA_HOST, KAFKA_PORT)) ? { status: 'not-ours', pid: listenerPid(KAFKA_PORT) } : { status: 'not-running' };
  }
  const how = await stopPid(pid, STOP_GRACE_MS);
  fs.rmSync(KAFKA_PID_FILE, { force: true });
  return { status: how === 'killed' ? 'killed' : how === 'terminated' ? 'stopped' : 'not-running', pid };
}

export async function kafkaStatus(): Promise<{ address: string; up: boolean; ours: boolean; pid?: number }> {
  const pid = ourBrokerPid();
  const up = await canConnect(KAFKA_HOST, KAFKA_PORT);
  return { address, up, ours: pid !== undefined, pid: pid ?? (up ? listenerPid(KAFKA_PORT) : undefined) };
}
