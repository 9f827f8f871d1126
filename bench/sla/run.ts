/**
 * The SLA engine benchmark (not a test): `npm run bench:sla [-- --n 1000000]`.
 *
 * 1. Creates N pending deadlines (100k by default) spread over the next 15 days in a
 *    throwaway Postgres database, through the engine; opens the engine on a private Redis
 *    (never the shared one), which arms only the alarms within the horizon window.
 * 2. Measures the Redis memory in use with N pending deadlines.
 * 3. Measures the firing lateness (p50/p99/max) of probe deadlines started one by one as a
 *    service would, both their warnings (80%) and their breaches: from the moment the
 *    alarm was due to the moment its transaction (row marked, event in the outbox) committed.
 * 4. A burst of 10k deadlines due in the same millisecond: how long until all have fired.
 * 5. Redis lost: FLUSHALL, then how long re-arming the window from Postgres takes.
 * 6. The yardstick: plain BullMQ delayed jobs on the same Redis (bytes per job, lateness, burst).
 *
 * Prints a table and writes bench/results/<date>-sla[-<N>].json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Holder, uuidv7 } from '@grievance/contracts';
import { MESSAGING_MIGRATIONS, TransactionalOutbox } from '@grievance/messaging';
import { DEFAULT_SLA_CALENDARS, FiredDeadline, SLA_MIGRATIONS, SlaEngine, SlaPolicy, StartDeadline, StaticSlaSettings } from '@grievance/sla';
import { createThrowawayDatabase, startPrivateRedis } from '@grievance/provisioning';
import { DataSource } from 'typeorm';
import { distribution, mb, round, sleep, table, uniform } from './stats';
import { plainBullmq, YardstickResult } from './yardstick';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    probes: { type: 'string', default: '300' },
    burst: { type: 'string', default: '10000' },
    days: { type: 'string', default: '15' },
    'horizon-hours': { type: 'string', default: '24' },
    'lead-ms': { type: 'string' },
    workers: { type: 'string' },
    'skip-yardstick': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const N = Number(args.n);
const PROBES = Number(args.probes);
const BURST = Number(args.burst);
const DAYS = Number(args.days);
const HORIZON_MS = Number(args['horizon-hours']) * 3600_000;
const DAY = 86_400_000;

const POLICIES: SlaPolicy[] = [
  // Pending: 15 days of calendar time, no warning (so nothing pending fires during the run but the earliest few).
  { id: 'bench-pending', match: { category: 'bench_pending' }, targets: { resolve: 'P15D' }, warnShare: 1, calendar: 'calendar' },
  // Probes: 40 s, warned at 80%.
  { id: 'bench-probe', match: { category: 'bench_probe' }, targets: { resolve: 'PT40S' }, calendar: 'calendar' },
  // Burst: 60 s, breach only.
  { id: 'bench-burst', match: { category: 'bench_burst' }, targets: { resolve: 'PT60S' }, warnShare: 1, calendar: 'calendar' },
];
const holder: Holder = { type: 'grid_worker', id: 'gw-1', name: 'Part-time grid worker Zhang' };

const log = (line: string) => process.stdout.write(`${line}\n`);
const print = (level: string) => (obj: object, msg?: string) => log(`   [${level}] ${msg ?? ''} ${JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`);
const consoleLogger = { debug: () => undefined, info: print('info'), warn: print('warn'), error: print('error') };

function deadline(category: string, dueAt: number, budgetMs: number): StartDeadline {
  const grievanceId = uuidv7();
  return {
    grievanceId,
    target: 'resolve',
    holder,
    grievance: { kind: 'hazard', category, urgency: 'normal' },
    at: new Date(dueAt - budgetMs),
    correlationId: `bench-${grievanceId}`,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`SLA benchmark: N=${N} pending over ${DAYS} days, ${PROBES} probes, burst of ${BURST}, horizon ${HORIZON_MS / 3600_000} h`);
  const redis = await startPrivateRedis();
  const database = await createThrowawayDatabase('sla_bench');
  const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [...MESSAGING_MIGRATIONS, ...SLA_MIGRATIONS], poolSize: 12 });
  let engine: SlaEngine | undefined;
  const cleanup = async () => {
    await engine?.close().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await redis.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const outbox = new TransactionalOutbox(dataSource); // no relay: the events stay in the outbox table
    const observed = new Map<string, { kind: string; lateMs: number; recordedLateMs: number }[]>();
    const watched = new Set<string>();
    engine = new SlaEngine({
      dataSource,
      outbox,
      queueName: 'bench.sla',
      redisUrl: redis.url,
      settings: new StaticSlaSettings(POLICIES, DEFAULT_SLA_CALENDARS),
      ...(args.verbose ? { logger: consoleLogger } : {}),
      alarms: {
        horizonMs: HORIZON_MS,
        ...(args['lead-ms'] ? { leadMs: Number(args['lead-ms']) } : {}),
        ...(args.workers ? { workers: Number(args.workers) } : {}),
      },
      onFired: (fired: readonly FiredDeadline[]) => {
        const now = Date.now();
        for (const f of fired) {
          if (!watched.has(f.deadline.id)) continue;
          const moment = (f.kind === 'warn' ? f.deadline.warnAt : f.deadline.dueAt)!.getTime();
          const list = observed.get(f.deadline.id) ?? [];
          list.push({ kind: f.kind, lateMs: now - moment, recordedLateMs: f.firedAt.getTime() - moment });
          observed.set(f.deadline.id, list);
        }
      },
    });
    const sla = engine;
    const redisClient = sla.alarms.redisClient;
    const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redisClient.info('memory'))![1]);
    const baseline = await usedMemory();

    // 1. N pending deadlines, due between 2 minutes and DAYS days from now.
    log(`\n1. creating ${N} pending deadlines…`);
    const insertStart = Date.now();
    const CHUNK = 5000;
    for (let i = 0; i < N; i += CHUNK) {
      const now = Date.now();
      const batch = Array.from({ length: Math.min(CHUNK, N - i) }, () => deadline('bench_pending', now + uniform(120_000, DAYS * DAY), 15 * DAY));
      await outbox.run((tx) => sla.startMany(tx, batch));
      if ((i / CHUNK) % 40 === 39) log(`   ${i + CHUNK} rows, ${Math.round((i + CHUNK) / ((Date.now() - insertStart) / 1000))} rows/s`);
    }
    const insertSeconds = (Date.now() - insertStart) / 1000;
    log(`   ${N} rows in ${round(insertSeconds)} s (${Math.round(N / insertSeconds)} rows/s, alarms within the window armed after each commit)`);

    const openStart = Date.now();
    await sla.open();
    const openSeconds = (Date.now() - openStart) / 1000;
    const counts = await sla.alarms.jobCounts();
    const used = (await usedMemory()) - baseline;
    const armed = counts.delayed! + counts.waiting! + counts.active!;
    log(`2. engine open (re-arm of the window) in ${round(openSeconds, 2)} s: ${armed} slot jobs in Redis for ${N} pending deadlines, ${mb(used)} MB of Redis in use`);
    const [{ size }] = (await dataSource.query(`SELECT pg_total_relation_size('sla_deadlines')::bigint AS size`)) as [{ size: string }];

    // 3. Probes started one by one, due at random moments 10-40 s from now (warnings 8 s before).
    log(`3. ${PROBES} probe deadlines (warning at 80% + breach each)…`);
    const probeStart = Date.now();
    const probeIds: string[] = [];
    for (let i = 0; i < PROBES; i++) {
      const input = deadline('bench_probe', Date.now() + uniform(10_000, 40_000), 40_000);
      const d = await outbox.run((tx) => sla.start(tx, input));
      watched.add(d.id);
      probeIds.push(d.id);
    }
    await waitUntil(() => probeIds.every((id) => (observed.get(id)?.length ?? 0) >= 2), probeStart + 70_000);
    const probeSamples = probeIds.flatMap((id) => observed.get(id) ?? []);
    const probeLateness = distribution(probeSamples.map((s) => s.lateMs));
    const probeRecorded = distribution(probeSamples.map((s) => s.recordedLateMs));
    log(`   lateness p50 ${probeLateness.p50} ms, p99 ${probeLateness.p99} ms, max ${probeLateness.max} ms (${probeLateness.count} firings, measured at commit)`);

    // 4. A burst: BURST deadlines due in the same millisecond.
    log(`4. burst of ${BURST} deadlines due at the same instant…`);
    const burstAt = Date.now() + 20_000;
    const burstIds: string[] = [];
    for (let i = 0; i < BURST; i += CHUNK) {
      const batch = Array.from({ length: Math.min(CHUNK, BURST - i) }, () => deadline('bench_burst', burstAt, 60_000));
      const made = await outbox.run((tx) => sla.startMany(tx, batch));
      for (const d of made) {
        watched.add(d.id);
        burstIds.push(d.id);
      }
    }
    await waitUntil(() => burstIds.every((id) => observed.has(id)), burstAt + 60_000);
    const burstLateness = distribution(burstIds.map((id) => observed.get(id)![0]!.lateMs));
    log(`   all ${BURST} fired within ${burstLateness.max} ms of their moment (p50 ${burstLateness.p50} ms, p99 ${burstLateness.p99} ms)`);
    const once = await dataSource.query(
      `SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'sla.breached.v1' AND (envelope->'payload'->>'deadlineId')::uuid = ANY($1::uuid[])`,
      [burstIds],
    );
    const burstEvents = (once as [{ n: number }])[0].n;

    // 5. Redis loses everything: how long until the window is armed again from Postgres,
    //    and what the alarm jobs alone take (FLUSHALL keeps the script cache).
    await redisClient.flushall();
    const flushed = await usedMemory();
    const rearmStart = Date.now();
    const rearmed = await sla.alarms.rearmAll();
    const rearmSeconds = (Date.now() - rearmStart) / 1000;
    const jobsBytes = (await usedMemory()) - flushed;
    log(`5. after FLUSHALL: ${rearmed} slot jobs re-armed from Postgres in ${round(rearmSeconds, 2)} s; they take ${mb(jobsBytes)} MB (${Math.round(jobsBytes / Math.max(1, rearmed))} bytes each)`);
    const maxSlots = Math.ceil(HORIZON_MS / sla.alarms.slotMs) + 1;
    const stats = { ...sla.alarms.stats };
    await sla.close();
    engine = undefined;

    // 6. The yardstick.
    let yardstick: YardstickResult | undefined;
    if (!args['skip-yardstick']) {
      log('6. yardstick: plain BullMQ delayed jobs on the same Redis…');
      yardstick = await plainBullmq(redis.url, {
        memoryJobs: 20_000,
        probes: PROBES,
        probeWindowMs: [5_000, 35_000],
        burst: BURST,
        burstInMs: 15_000,
        log,
      });
    }

    // Redis holds one job per occupied slot of the window, whatever N: at most horizon / slot.
    const boundMb = mb(flushedBaselineBytes(used, jobsBytes) + maxSlots * Math.max(1, jobsBytes / Math.max(1, rearmed)));
    const goals = {
      latenessP99Ms: { goal: 50, value: probeLateness.p99, met: probeLateness.p99 <= 50 },
      burstAllFiredMs: { goal: 2000, value: burstLateness.max, met: burstLateness.max <= 2000 },
      redisMbAt1M: N >= 1_000_000 ? { goal: 200, value: mb(used), met: mb(used) <= 200, measured: true } : { goal: 200, value: boundMb, met: boundMb <= 200, measured: false, note: 'upper bound: the window full of slot jobs' },
    };

    log('\n' + table(
      ['figure', 'SLA engine', 'plain BullMQ', 'goal'],
      [
        ['firing lateness p50 (ms)', probeLateness.p50, yardstick?.lateness.p50 ?? '-', ''],
        ['firing lateness p99 (ms)', probeLateness.p99, yardstick?.lateness.p99 ?? '-', '≤ 50'],
        ['firing lateness max (ms)', probeLateness.max, yardstick?.lateness.max ?? '-', ''],
        [`burst of ${BURST}: all fired after (ms)`, burstLateness.max, yardstick?.burst.lastMs ?? '-', '≤ 2000'],
        [`burst p50 / p99 (ms)`, `${burstLateness.p50} / ${burstLateness.p99}`, yardstick ? `${yardstick.burst.lateness.p50} / ${yardstick.burst.lateness.p99}` : '-', ''],
        [`Redis in use, ${N} pending (MB)`, mb(used), yardstick ? mb(yardstick.bytesPerJob * N) : '-', N >= 1_000_000 ? '≤ 200' : ''],
        ['jobs in Redis', armed, yardstick ? N : '-', ''],
        ['bytes per job', Math.round(jobsBytes / Math.max(1, rearmed)), yardstick?.bytesPerJob ?? '-', ''],
        ...(N >= 1_000_000 ? [] : [['Redis at 1M pending (MB, upper bound)', boundMb, yardstick ? mb(yardstick.bytesPerJob * 1_000_000) : '-', '≤ 200']]),
        ['re-arm after FLUSHALL (s)', round(rearmSeconds, 2), '-', ''],
      ],
    ));
    log(`(plain BullMQ: one job per deadline, so its Redis figures are its bytes per job × N; its lateness is measured when the worker receives the job, ours after the firing transaction committed.)`);

    const result = {
      benchmark: 'sla',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30), node: process.version },
      parameters: {
        pending: N,
        spreadDays: DAYS,
        probes: PROBES,
        burst: BURST,
        horizonMs: sla.alarms.horizonMs,
        slotMs: sla.alarms.slotMs,
        leadMs: sla.alarms.leadMs,
        workers: args.workers ? Number(args.workers) : 1,
      },
      sla: {
        insert: { rows: N, seconds: round(insertSeconds, 2), rowsPerSecond: Math.round(N / insertSeconds), tableMb: mb(Number(size)) },
        open: { seconds: round(openSeconds, 2), alarmsInRedis: armed },
        redis: { usedBytes: used, usedMb: mb(used), slotJobs: armed, slotJobsBytes: jobsBytes, bytesPerSlotJob: Math.round(jobsBytes / Math.max(1, rearmed)), maxSlotJobs: maxSlots },
        lateness: probeLateness,
        latenessRecordedFiredAt: probeRecorded,
        burst: { deadlines: BURST, allFiredAfterMs: burstLateness.max, lateness: burstLateness, breachEvents: burstEvents },
        rearmAfterFlush: { alarms: rearmed, seconds: round(rearmSeconds, 2) },
        alarmStats: stats,
      },
      yardstick: yardstick ?? null,
      goals,
      seconds: round((Date.now() - started) / 1000),
    };
    const dir = join(__dirname, '..', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${result.at.slice(0, 10)}-sla${N === 100_000 ? '' : `-${N}`}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    log(`\nwritten to ${file} (${result.seconds} s in all)`);
    if (burstEvents !== BURST) throw new Error(`the burst wrote ${burstEvents} breach events for ${BURST} deadlines`);
  } finally {
    await cleanup();
  }
}

/** Redis memory that is not alarm jobs (scripts, queue metadata): what is in use minus the jobs. */
function flushedBaselineBytes(used: number, jobsBytes: number): number {
  return Math.max(0, used - jobsBytes);
}

async function waitUntil(condition: () => boolean, until: number): Promise<void> {
  while (!condition()) {
    if (Date.now() > until) throw new Error('the benchmark waited too long for firings');
    await sleep(50);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
