/**
 * S0, the calibration: what this machine's broker, Postgres and Redis do on their own, so
 * every other figure can also be read as a multiple of them and runs on different machines
 * compare.
 *
 * - Kafka: a raw kafkajs produce → consume round trip (idempotent producer, acks=all, as the
 *   outbox relay sends), one message at a time.
 * - Postgres: pgbench running intake's own transaction shape (a grievance row and its
 *   outbox row, committed together) against intake's real schema in a throwaway database.
 * - Redis: PING round trips.
 * - What one of each costs in CPU, client and server apart (`UnitCosts`): a prepared statement,
 *   a produce, a produce → consume round trip. A grievance's CPU is mostly a count of these.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { KafkaConnection } from '@grievance/messaging';
import { createThrowawayDatabase, uniqueTopicPrefix } from '@grievance/provisioning';
import { migrateDatabase } from '../../deploy/local/services';
import { Latency, LatencySummary, nowMs } from './generator';
import { cpuSecondsOf, pidsNamed } from './probes';

const run = promisify(execFile);

export interface Calibration {
  kafkaRoundTrip: LatencySummary;
  pgbench: { clients: number; tps: number; latencyMs: number }[];
  redisPing: LatencySummary;
  unitCosts: UnitCosts;
}

/** µs of CPU for one of each, on the client (this process) and on the server (every broker or Postgres process), from /proc and process.cpuUsage. */
export interface UnitCosts {
  /** A named prepared `SELECT` of one row by its key (node-postgres, as the services send them), outside a transaction. */
  statement: ClientServer;
  /** One message produced with acks=all by an idempotent producer, as the outbox relay sends, awaited before the next. */
  produce: ClientServer;
  /** A produce awaited, and the message read by a consumer group of its own (eachMessage), before the next. */
  roundTrip: ClientServer;
}
export interface ClientServer {
  count: number;
  clientUs: number;
  serverUs: number;
}

/** CPU of this process and of the server's processes over `work`, per one of `count`. */
async function costOf(count: number, serverPids: () => number[], work: () => Promise<void>): Promise<ClientServer> {
  const server = cpuSecondsOf(serverPids());
  const client = process.cpuUsage();
  await work();
  const clientUsed = process.cpuUsage(client);
  const serverUsed = cpuSecondsOf(serverPids()) - server;
  return { count, clientUs: Math.round((clientUsed.user + clientUsed.system) / count), serverUs: Math.round((serverUsed * 1e6) / count) };
}

export async function calibrate(options: { brokers: string[]; redisUrl: string; seconds: number; log: (line: string) => void }): Promise<Calibration> {
  const kafka = await kafkaRtt(options.brokers, 1000);
  const kafkaRoundTrip = kafka.latency;
  options.log(`  kafka produce→consume round trip: p50 ${kafkaRoundTrip.p50} ms, p99 ${kafkaRoundTrip.p99} ms`);
  const pgbench = await pgbenchOutbox(options.seconds);
  for (const p of pgbench) options.log(`  pgbench grievance+outbox, ${p.clients} client(s): ${p.tps} tx/s, ${p.latencyMs} ms each`);
  const redisPing = await redisRtt(options.redisUrl, 2000);
  options.log(`  redis PING: p50 ${redisPing.p50} ms, p99 ${redisPing.p99} ms`);
  const unitCosts: UnitCosts = { statement: await statementCost(10_000), produce: kafka.produce, roundTrip: kafka.roundTrip };
  const line = (what: string, c: ClientServer, server: string) => options.log(`  CPU of ${what}: ${c.clientUs} µs the client, ${c.serverUs} µs ${server} (${c.count} of them)`);
  line('a prepared statement', unitCosts.statement, 'Postgres');
  line('a produce (acks=all)', unitCosts.produce, 'the broker');
  line('a produce → consume round trip', unitCosts.roundTrip, 'the broker');
  return { kafkaRoundTrip, pgbench, redisPing, unitCosts };
}

/** One row read by its key, again and again, as a named prepared statement: what a round trip to Postgres costs both sides. */
async function statementCost(count: number): Promise<ClientServer> {
  const database = await createThrowawayDatabase('bench_s0_statement');
  const client = new Client({ connectionString: database.url });
  try {
    await client.connect();
    await client.query('CREATE TABLE calibration (id int PRIMARY KEY, value text NOT NULL)');
    await client.query("INSERT INTO calibration SELECT g, 'value ' || g FROM generate_series(1, 1000) g");
    const read = (i: number) => client.query({ name: 'calibration-read', text: 'SELECT value FROM calibration WHERE id = $1', values: [1 + (i % 1000)] });
    for (let i = 0; i < 500; i++) await read(i); // warm: plan cached, JIT
    return await costOf(count, () => pidsNamed('postgres'), async () => {
      for (let i = 0; i < count; i++) await read(i);
    });
  } finally {
    await client.end().catch(() => undefined);
    await database.drop();
  }
}

async function kafkaRtt(brokers: string[], count: number): Promise<{ latency: LatencySummary; produce: ClientServer; roundTrip: ClientServer }> {
  const connection = new KafkaConnection({ brokers, clientId: 'bench-calibration', topicPrefix: uniqueTopicPrefix('bench-s0') });
  await connection.ensureTopics([{ topic: 'calibration', partitions: 1 }]);
  const topic = connection.topic('calibration');
  const producer = connection.createProducer();
  const consumer = connection.kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 500 });
  const latency = new Latency();
  let waiting: ((at: number) => void) | undefined;
  const broker = () => pidsNamed('java');
  let produce: ClientServer;
  let roundTrip: ClientServer;
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ autoCommit: false, eachMessage: async () => waiting?.(nowMs()) });
    await joined;
    const once = async (i: number, measured: boolean) => {
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      const sent = nowMs();
      await producer.send({ topic, acks: -1, messages: [{ key: String(i), value: String(sent) }] });
      const at = await arrived;
      if (measured) latency.record(at - sent);
    };
    for (let i = 0; i < 20; i++) await once(i, false); // the first few warm the connections
    roundTrip = await costOf(count, broker, async () => {
      for (let i = 0; i < count; i++) await once(i, true);
    });
    await consumer.stop();
    produce = await costOf(count, broker, async () => {
      for (let i = 0; i < count; i++) await producer.send({ topic, acks: -1, messages: [{ key: String(i), value: 'x' }] });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await connection.deletePrefixedTopics().catch(() => undefined);
    await connection.disconnect();
  }
  return { latency: latency.summary(), produce, roundTrip };
}

/** intake's submission transaction without the service around it, driven by pgbench. */
const PGBENCH_SCRIPT = `
\\set n random(1, 1000000000)
BEGIN;
INSERT INTO intake_grievances (id, tracking_no, reporter_id, kind, category, title, description, urgency, lat, lng, address, status, status_at, submitted_at)
  VALUES (gen_random_uuid(), 'NC-' || :client_id || '-' || :n || '-' || clock_timestamp(), 'rider-' || :client_id, 'hazard', 'road_damage', 'Pothole', 'A deep pothole on the bike lane.', 'normal', 28.66, 115.82, 'Yuhua Rd', 'submitted', now(), now());
INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers)
  VALUES (gen_random_uuid(), 'grievance.submitted.v1', 'k' || :n, '{"eventId":"x","type":"grievance.submitted","payload":{"title":"Pothole","description":"A deep pothole on the bike lane.","location":{"lat":28.66,"lng":115.82}}}', '{}');
COMMIT;
`;

async function pgbenchOutbox(seconds: number): Promise<Calibration['pgbench']> {
  const database = await createThrowawayDatabase('bench_s0');
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-s0-')), 'outbox.sql');
  try {
    // intake's own schema, from the built service as a deployment migrates it.
    await migrateDatabase('intake', { DATABASE_URL: database.url });
    fs.writeFileSync(script, PGBENCH_SCRIPT);
    const results: Calibration['pgbench'] = [];
    for (const clients of [1, 8]) {
      const { stdout } = await run('pgbench', ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', script, database.url]);
      const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
      const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
      results.push({ clients, tps: Math.round(tps), latencyMs: Math.round(latencyMs * 100) / 100 });
    }
    return results;
  } finally {
    await database.drop();
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
}

async function redisRtt(url: string, count: number): Promise<LatencySummary> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const latency = new Latency();
  try {
    for (let i = 0; i < count + 50; i++) {
      const sent = nowMs();
      await redis.ping();
      if (i >= 50) latency.record(nowMs() - sent);
    }
  } finally {
    await redis.quit().catch(() => undefined);
  }
  return latency.summary();
}
