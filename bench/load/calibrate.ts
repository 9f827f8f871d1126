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
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { KafkaConnection } from '@grievance/messaging';
import { createThrowawayDatabase, uniqueTopicPrefix } from '@grievance/provisioning';
import { migrateDatabase } from '../../deploy/local/services';
import { Latency, LatencySummary, nowMs } from './generator';

const run = promisify(execFile);

export interface Calibration {
  kafkaRoundTrip: LatencySummary;
  pgbench: { clients: number; tps: number; latencyMs: number }[];
  redisPing: LatencySummary;
}

export async function calibrate(options: { brokers: string[]; redisUrl: string; seconds: number; log: (line: string) => void }): Promise<Calibration> {
  const kafkaRoundTrip = await kafkaRtt(options.brokers, 500);
  options.log(`  kafka produce→consume round trip: p50 ${kafkaRoundTrip.p50} ms, p99 ${kafkaRoundTrip.p99} ms`);
  const pgbench = await pgbenchOutbox(options.seconds);
  for (const p of pgbench) options.log(`  pgbench grievance+outbox, ${p.clients} client(s): ${p.tps} tx/s, ${p.latencyMs} ms each`);
  const redisPing = await redisRtt(options.redisUrl, 2000);
  options.log(`  redis PING: p50 ${redisPing.p50} ms, p99 ${redisPing.p99} ms`);
  return { kafkaRoundTrip, pgbench, redisPing };
}

async function kafkaRtt(brokers: string[], count: number): Promise<LatencySummary> {
  const connection = new KafkaConnection({ brokers, clientId: 'bench-calibration', topicPrefix: uniqueTopicPrefix('bench-s0') });
  await connection.ensureTopics([{ topic: 'calibration', partitions: 1 }]);
  const topic = connection.topic('calibration');
  const producer = connection.createProducer();
  const consumer = connection.kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 500 });
  const latency = new Latency();
  let waiting: ((at: number) => void) | undefined;
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ autoCommit: false, eachMessage: async () => waiting?.(nowMs()) });
    await joined;
    for (let i = 0; i < count + 20; i++) {
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      const sent = nowMs();
      await producer.send({ topic, acks: -1, messages: [{ key: String(i), value: String(sent) }] });
      const at = await arrived;
      if (i >= 20) latency.record(at - sent); // the first few warm the connections
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await connection.deletePrefixedTopics().catch(() => undefined);
    await connection.disconnect();
  }
  return latency.summary();
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
