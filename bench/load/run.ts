/**
 * The load benchmark (not a test): `npm run bench [-- --scenarios S0,S1,S2,S3 --step-seconds 20]`.
 *
 * S0  calibration: Kafka round trip, pgbench of the grievance+outbox transaction, Redis PING, the
 *     CPU of one statement, one produce and one produce → consume round trip.
 * S1  10 hazards/s, open loop, for --steady-seconds.
 * S2  50 hazards/s, the same.
 * S3  a ramp (--rates, default 100,250,500,1000,1500,2000/s, --step-seconds each) up to the
 *     highest rate the pipeline sustains: p99 ≤ 250 ms and no lag or outbox backlog left growing.
 * S4  (only when asked for) the whole hazard loop and the appeal chain at --s4-rate (50/s), every
 *     grievance played to its end through the HTTP APIs; each hop from its hand-over event to the
 *     next holder's read (s4.ts).
 *
 * Hazards are submitted through intake's HTTP API; the latency of each one runs from the
 * moment its request was scheduled to leave (open loop: coordinated omission shows as
 * latency) to grid-dispatch's commit of its ticket (tickets.dispatched_at). Also shown:
 * intake's accept (submitted_at) → that commit, and scheduled → ticket.dispatched.v1 read
 * from its topic. Each step records per-process CPU and memory, consumer lag and outbox backlog.
 *
 * Runs against the shared broker and Postgres under a topic prefix and throwaway databases
 * of its own, with a private redis-server. Writes bench/results/<date>-<scenario>.json.
 */
import * as fs from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '@grievance/auth';
import { SHARED_KAFKA_BROKERS, startPrivateRedis } from '@grievance/provisioning';
import { distribution, round, sleep, table } from '../sla/stats';
import { calibrate, Calibration } from './calibrate';
import { hazardReport, Latency, LatencySummary, openLoop, postJson } from './generator';
import { DispatchWatcher, dispatchedAt, hops, linkedAsDuplicates, submittedAt } from './observer';
import { BacklogProbe, cpuPerGrievance, DatabaseWork, LagProbe, maxOf, NOT_STACK, commandLineOf, pidsNamed, ProcessSampler, ProcessSummary, sampleWhileRunning, StackUse, sum, workPerGrievance } from './probes';
import { summariseProfile, ProfileSummary } from './profile';
import { runS4, s4Complete, s4Report, S4_GOAL_P99_MS } from './s4';
import { BenchSystem, BENCH_INTAKE_ENV, ROOT, startBenchSystem } from './system';

const { values: args } = parseArgs({
  options: {
    scenarios: { type: 'string', default: 'S0,S1,S2,S3' },
    'steady-seconds': { type: 'string', default: '30' },
    'step-seconds': { type: 'string', default: '20' },
    rates: { type: 'string', default: '100,250,500,1000,1500,2000' },
    'drain-seconds': { type: 'string', default: '30' },
    'calibration-seconds': { type: 'string', default: '5' },
    reporters: { type: 'string', default: '8000' },
    'log-level': { type: 'string', default: 'warn' },
    profile: { type: 'boolean', default: false },
    /** Runs these services (comma-separated, or `all`) under node --cpu-prof for the whole run and prints where their time went. */
    'profile-service': { type: 'string' },
    /** Added to every service's NODE_OPTIONS, for runtime flags compared side by side: `--node-options=--max-semi-space-size=32` (with the =, as the value starts with a dash). */
    'node-options': { type: 'string', default: '' },
    /** How long the stack is watched at rest after the warm-up (0: not at all). */
    'idle-seconds': { type: 'string', default: '20' },
    'p99-limit-ms': { type: 'string', default: '250' },
    'results-dir': { type: 'string', default: path.join(ROOT, 'bench', 'results') },
    /** S4: the arrival rate of grievances, how long they arrive, one appeal in how many, the member's budget for the run, the longest any step of a grievance may take. */
    's4-rate': { type: 'string', default: '50' },
    's4-seconds': { type: 'string', default: '30' },
    's4-appeal-every': { type: 'string', default: '5' },
    's4-appeal-respond-ms': { type: 'string', default: '3000' },
    's4-step-timeout-seconds': { type: 'string', default: '30' },
  },
});

const SCENARIOS = new Set(args.scenarios.split(',').map((s) => s.trim().toUpperCase()));
const STEADY_SECONDS = Number(args['steady-seconds']);
const STEP_SECONDS = Number(args['step-seconds']);
const RATES = args.rates.split(',').map(Number);
const DRAIN_MS = Number(args['drain-seconds']) * 1000;
const P99_LIMIT = Number(args['p99-limit-ms']);
/**
 * A step is sustained only if everything drains within this after its last send. Not the
 * groups' lag at that moment: a group commits its offsets once a second
 * (KAFKA_OFFSET_COMMIT_INTERVAL_MS), so its lag holds up to a second of events already
 * applied, and the lag is sampled once a second. A backlog that grew takes longer to drain.
 */
const SUSTAINED_DRAIN_MS = 3000;
const GOALS: Record<string, { rate: number; p50: number; p99: number }> = { S1: { rate: 10, p50: 15, p99: 50 }, S2: { rate: 50, p50: 20, p99: 80 } };

const log = (line: string) => process.stdout.write(`${line}\n`);
const date = new Date().toISOString().slice(0, 10);

export interface StepResult extends StackUse {
  label: string;
  rate: number;
  seconds: number;
  sent: number;
  accepted: number;
  /** Of the accepted, the reports linked to an open one as its duplicate (no ticket of their own; not measured). */
  linkedAsDuplicates: number;
  errors: Record<string, number>;
  dispatched: number;
  /** Achieved send rate (the generator's own). */
  sendRate: number;
  /** scheduled send → grid-dispatch's commit of the ticket (tickets.dispatched_at). */
  scheduledToCommitted: LatencySummary;
  /** intake's accept (submitted_at) → grid-dispatch's commit: the pipeline alone. */
  acceptedToCommitted: LatencySummary;
  /** scheduled send → ticket.dispatched.v1 read from its topic by the benchmark. */
  scheduledToOnTopic: LatencySummary;
  /** scheduled send → HTTP 201. */
  scheduledToAnswered: LatencySummary;
  /** Per accepted grievance, what each service's database did (transactions, rows written and read). */
  databasePerGrievance: Record<string, DatabaseWork>;
  lag: { max: Record<string, number>; endOfSend: Record<string, number>; after: Record<string, number> };
  outboxBacklog: { max: Record<string, number>; endOfSend: Record<string, number> };
  drainMs: number;
  /** p50/p99 of each hop between intake's accept and the dispatch (observer.ts, hops). */
  hops: Record<string, { p50: number; p99: number; max: number }>;
  sustained?: boolean;
  why?: string;
}

interface Context {
  system: BenchSystem;
  tokens: string[];
  watcher: DispatchWatcher;
  sampler: ProcessSampler;
  lag: LagProbe;
  backlog: BacklogProbe;
  /** Index of the next hazard (unique across steps). */
  next: number;
}

async function runStep(ctx: Context, label: string, rate: number, seconds: number): Promise<StepResult> {
  const mark = ctx.sampler.mark();
  const workBefore = await ctx.backlog.work();
  const sampling = sampleWhileRunning(ctx.sampler, ctx.lag, ctx.backlog);
  const { lags, backlogs } = sampling;
  const base = ctx.next;
  ctx.next += Math.round(rate * seconds);
  const intake = `${ctx.system.url('intake')}/v1/grievances`;
  const sent = await openLoop(rate, seconds, (i) => postJson(intake, ctx.tokens[(base + i) % ctx.tokens.length]!, hazardReport(base + i)));
  // The generator's own pace: from the first scheduled moment to the last actual send.
  const sendSeconds = (sent.at(-1)!.sentAt - sent[0]!.scheduledAt) / 1000 + 1 / rate;
  const endOfSendLag = lags.at(-1) ?? {};
  const endOfSendBacklog = backlogs.at(-1) ?? {};
  const errors: Record<string, number> = {};
  const ids = new Map<string, (typeof sent)[number]>();
  for (const s of sent) {
    const status = s.result?.status ?? 0;
    if (status === 201) ids.set((JSON.parse(s.result!.body) as { id: string }).id, s);
    else errors[String(status)] = (errors[String(status)] ?? 0) + 1;
  }
  // A report linked to an open one as its duplicate gets no ticket: it is not waited for, nor measured.
  const linked = await linkedAsDuplicates(ctx.system.databases.intake!.url, [...ids.keys()]);
  for (const id of linked.keys()) ids.delete(id);
  // Drain: every accepted hazard's ticket dispatched, and nothing left in the groups' lag or the outboxes.
  const drainStarted = Date.now();
  for (;;) {
    const missing = [...ids.keys()].filter((id) => !ctx.watcher.seen.has(id)).length;
    const lagNow = lags.at(-1) ?? {};
    if ((missing === 0 && sum(lagNow) === 0 && sum(backlogs.at(-1) ?? {}) === 0) || Date.now() - drainStarted > DRAIN_MS) break;
    await sleep(250);
  }
  const drainMs = Date.now() - drainStarted;
  await sampling.stop();
  const processes = ctx.sampler.summary(mark);
  await sleep(1000); // Postgres publishes its counters about once a second
  const databasePerGrievance = workPerGrievance(workBefore, await ctx.backlog.work(), ids.size + linked.size);
  const list = [...ids.keys()];
  const urls = { intake: ctx.system.databases.intake!.url, routing: ctx.system.databases.routing!.url, dispatch: ctx.system.databases['grid-dispatch']!.url };
  const [submitted, committed, hopTimes] = await Promise.all([submittedAt(urls.intake, list), dispatchedAt(urls.dispatch, list), hops(urls, list)]);
  const toCommitted = new Latency();
  const acceptedToCommitted = new Latency();
  const toTopic = new Latency();
  const answered = new Latency();
  for (const [id, s] of ids) {
    answered.record(s.answeredAt! - s.scheduledAt);
    const done = committed.get(id);
    if (done !== undefined) {
      toCommitted.record(done - s.scheduledAt);
      const accepted = submitted.get(id);
      if (accepted !== undefined) acceptedToCommitted.record(done - accepted);
    }
    const onTopic = ctx.watcher.seen.get(id);
    if (onTopic !== undefined) toTopic.record(onTopic - s.scheduledAt);
  }
  // Unanswered or undispatched hazards count as the longest wait seen (they never finished).
  for (const [id, s] of ids) if (!committed.has(id)) toCommitted.record(Date.now() - s.scheduledAt);
  const result: StepResult = {
    label,
    rate,
    seconds,
    sent: sent.length,
    accepted: ids.size + linked.size,
    linkedAsDuplicates: linked.size,
    errors,
    dispatched: committed.size,
    sendRate: round(sent.length / sendSeconds),
    scheduledToCommitted: toCommitted.summary(),
    acceptedToCommitted: acceptedToCommitted.summary(),
    scheduledToOnTopic: toTopic.summary(),
    scheduledToAnswered: answered.summary(),
    processes,
    cpuPerGrievanceMs: cpuPerGrievance(processes, ids.size + linked.size),
    databasePerGrievance,
    lag: { max: maxOf(lags), endOfSend: endOfSendLag, after: lags.at(-1) ?? {} },
    outboxBacklog: { max: maxOf(backlogs), endOfSend: endOfSendBacklog },
    drainMs,
    hops: Object.fromEntries(
      Object.entries(hopTimes).map(([hop, values]) => {
        const d = distribution(values);
        return [hop, { p50: d.p50, p99: d.p99, max: d.max }];
      }),
    ),
  };
  log(
    `  ${label} ${rate}/s: ${result.accepted}/${result.sent} accepted, ${result.dispatched} dispatched${linked.size > 0 ? ` (${linked.size} linked as duplicates, no ticket of their own)` : ''}; scheduled→committed p50 ${result.scheduledToCommitted.p50} ms, p99 ${result.scheduledToCommitted.p99} ms, max ${result.scheduledToCommitted.max} ms; lag at end of send ${sum(endOfSendLag)}, outbox ${sum(endOfSendBacklog)}; drained in ${round(drainMs / 1000)} s`,
  );
  return result;
}

/** CPU per grievance and CPU share per process of some steps, the stack's total last. */
function cpuTable(steps: StepResult[]): string {
  const names = [...new Set(steps.flatMap((s) => Object.keys(s.cpuPerGrievanceMs)))].sort((a, b) => Number(a === 'stack') - Number(b === 'stack'));
  return table(
    ['process', ...steps.map((s) => `${s.label} ${s.rate}/s: cores, ms CPU/grievance`)],
    names.map((name) => [
      name,
      ...steps.map((s) => {
        const cores = name === 'stack' ? round(Object.entries(s.processes).filter(([n]) => !NOT_STACK.has(n)).reduce((t, [, p]) => t + p.cpuMean, 0)) : s.processes[name]?.cpuMean;
        return `${cores ?? ''}  ${s.cpuPerGrievanceMs[name] ?? ''}`;
      }),
    ]),
  );
}

function databaseTable(step: StepResult): string {
  return table(
    ['database, per grievance', 'transactions', 'rows inserted', 'rows updated', 'rows deleted', 'rows read', 'events published', 'events applied'],
    Object.entries(step.databasePerGrievance).map(([service, w]) => [service, w.transactions, w.rowsInserted, w.rowsUpdated, w.rowsDeleted, w.rowsRead, w.eventsPublished, w.eventsApplied]),
  );
}

/** The stack with no traffic: CPU share of each process and the total, against the goal of 5 % of one core. */
async function measureIdle(ctx: Context, seconds: number): Promise<{ seconds: number; processes: Record<string, ProcessSummary>; stackCores: number }> {
  await sleep(3000); // let the last step's commits and relays settle
  const mark = ctx.sampler.mark();
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    ctx.sampler.sample();
    await sleep(1000);
  }
  ctx.sampler.sample();
  const processes = ctx.sampler.summary(mark);
  const stackCores = round(Object.entries(processes).filter(([n]) => !NOT_STACK.has(n)).reduce((t, [, p]) => t + p.cpuSeconds, 0) / seconds, 3);
  return { seconds, processes, stackCores };
}

function latencyRows(steps: StepResult[]): (string | number)[][] {
  return steps.map((s) => [
    `${s.label} ${s.rate}/s`,
    `${s.accepted}/${s.sent}`,
    s.scheduledToCommitted.p50,
    s.scheduledToCommitted.p99,
    s.scheduledToCommitted.p999,
    s.scheduledToCommitted.max,
    s.acceptedToCommitted.p50,
    s.acceptedToCommitted.p99,
    s.scheduledToOnTopic.p50,
    s.scheduledToOnTopic.p99,
    s.scheduledToAnswered.p99,
    sum(s.lag.max),
    sum(s.outboxBacklog.max),
    s.sustained === undefined ? '' : s.sustained ? 'yes' : `no: ${s.why}`,
  ]);
}
const LATENCY_HEADER = ['step', 'accepted', 'p50', 'p99', 'p99.9', 'max', 'acc→c p50', 'acc→c p99', 'topic p50', 'topic p99', 'http p99', 'lag max', 'outbox max', 'sustained'];

function processRows(steps: StepResult[]): (string | number)[][] {
  const names = [...new Set(steps.flatMap((s) => Object.keys(s.processes)))];
  return names.map((name) => [name, ...steps.map((s) => (s.processes[name] ? `${s.processes[name]!.cpuMean} / ${s.processes[name]!.rssMaxMb}` : ''))]);
}

function hopTable(steps: StepResult[]): string {
  const names = Object.keys(steps[0]?.hops ?? {});
  return table(['hop (p50 / p99 / max ms)', ...steps.map((s) => `${s.label} ${s.rate}/s`)], names.map((hop) => [hop, ...steps.map((s) => `${s.hops[hop]?.p50} / ${s.hops[hop]?.p99} / ${s.hops[hop]?.max}`)]));
}

function ratioLine(step: StepResult, calibration?: Calibration): string {
  if (!calibration) return '';
  const rtt = calibration.kafkaRoundTrip.p50;
  const pg = calibration.pgbench.find((p) => p.clients === 1)!;
  return `    as ratios: p50 = ${round(step.scheduledToCommitted.p50 / rtt)} × Kafka round trip, = ${round(step.scheduledToCommitted.p50 / pg.latencyMs)} × one grievance+outbox transaction; p99 = ${round(step.scheduledToCommitted.p99 / rtt)} × Kafka round trip; ${round(step.rate / (calibration.pgbench.find((p) => p.clients === 8)?.tps ?? NaN), 3)} of pgbench's 8-client rate`;
}

function write(scenario: string, data: unknown): string {
  fs.mkdirSync(args['results-dir'], { recursive: true });
  const file = path.join(args['results-dir'], `${date}-${scenario}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return path.relative(ROOT, file);
}

function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, brokers: SHARED_KAFKA_BROKERS };
}

async function main(): Promise<void> {
  log(`load benchmark: scenarios ${[...SCENARIOS].join(',')}; machine ${JSON.stringify(machine())}`);
  const redis = await startPrivateRedis();
  let calibration: Calibration | undefined;
  let system: BenchSystem | undefined;
  let ctx: Context | undefined;
  const cleanup = async () => {
    await ctx?.watcher.stop();
    await ctx?.lag.close();
    await ctx?.backlog.close();
    await system?.stop().catch(() => undefined);
    await redis.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    if (SCENARIOS.has('S0')) {
      log('\nS0 calibration');
      calibration = await calibrate({ brokers: SHARED_KAFKA_BROKERS, redisUrl: redis.url, seconds: Number(args['calibration-seconds']), log });
      log(`  → ${write('S0', { scenario: 'S0', at: new Date().toISOString(), machine: machine(), calibration })}`);
    }
    if (![...SCENARIOS].some((s) => s !== 'S0')) return;

    log('\nstarting the five services…');
    const started = Date.now();
    const profiled = profiledServices(args['profile-service']);
    const profileDir = path.join(ROOT, '.cache', 'bench-profiles', `run-${Date.now()}`);
    const serviceEnv: Record<string, Record<string, string>> = { intake: { ...BENCH_INTAKE_ENV } };
    for (const name of SERVICE_NAMES) {
      const nodeOptions = [args['node-options'], profiled.includes(name) ? `--cpu-prof --cpu-prof-dir=${path.join(profileDir, name)}` : ''].filter(Boolean).join(' ');
      if (nodeOptions) serviceEnv[name] = { ...serviceEnv[name], NODE_OPTIONS: nodeOptions };
    }
    system = await startBenchSystem({ label: 'bench', brokers: SHARED_KAFKA_BROKERS, redisUrl: redis.url, env: { LOG_LEVEL: args['log-level'] }, serviceEnv });
    profileWhenStopped = profiled.map((service) => ({ service, dir: path.join(profileDir, service) }));
    log(`  healthy in ${round((Date.now() - started) / 1000)} s (logs in ${path.relative(ROOT, system.logDir)})`);
    const sys = system;
    const tokens = await Promise.all(Array.from({ length: Number(args.reporters) }, (_, i) => signDevToken({ sub: `bench-rider-${i}`, role: 'worker' })));
    const watcher = new DispatchWatcher(sys.kafka);
    await watcher.start();
    const sampler = new ProcessSampler({
      ...Object.fromEntries(sys.services.map((s) => [s.name, () => [sys.service(s.name).child.pid!]])),
      kafka: () => pidsNamed('java'),
      postgres: () => pidsNamed('postgres'),
      redis: () => pidsNamed('redis-server').filter((pid) => commandLineOf(pid).includes(`:${redis.port}`)),
      bench: () => [process.pid],
    });
    ctx = { system: sys, tokens, watcher, sampler, lag: new LagProbe(sys.kafka), backlog: new BacklogProbe(Object.fromEntries(Object.entries(sys.databases).map(([k, d]) => [k, d.url]))), next: 0 };
    // Warm-up: JIT, connection pools, group assignments.
    log('warm-up: 20/s for 10 s');
    await runStep(ctx, 'warm-up', 20, 10);
    const idleSeconds = Number(args['idle-seconds']);
    if (idleSeconds > 0) {
      const idle = await measureIdle(ctx, idleSeconds);
      log(`\nat rest for ${idleSeconds} s: the stack uses ${round(idle.stackCores * 100, 1)} % of one core (goal ≤ 5 %)`);
      log(table(['process', '% of one core'], Object.entries(idle.processes).filter(([n]) => !NOT_STACK.has(n)).map(([n, p]) => [n, round((p.cpuSeconds / idleSeconds) * 100, 1)])));
      log(`  → ${write('idle', { scenario: 'idle', at: new Date().toISOString(), machine: machine(), goalCores: 0.05, ...idle })}`);
    }

    for (const scenario of ['S1', 'S2'] as const) {
      if (!SCENARIOS.has(scenario)) continue;
      const goal = GOALS[scenario]!;
      log(`\n${scenario}: ${goal.rate}/s for ${STEADY_SECONDS} s (goal p50 ≤ ${goal.p50} ms, p99 ≤ ${goal.p99} ms)`);
      const step = await runStep(ctx, scenario, goal.rate, STEADY_SECONDS);
      const met = step.scheduledToCommitted.p50 <= goal.p50 && step.scheduledToCommitted.p99 <= goal.p99;
      log(table(LATENCY_HEADER, latencyRows([step])));
      log(ratioLine(step, calibration));
      log(`    goal ${met ? 'met' : 'NOT met'}`);
      log(hopTable([step]));
      log(cpuTable([step]));
      log(databaseTable(step));
      log(`    CPU per grievance, the whole stack: ${step.cpuPerGrievanceMs.stack} ms (goal at 50/s ≤ 15 ms)`);
      log(`  → ${write(scenario, { scenario, at: new Date().toISOString(), machine: machine(), goal, met, calibration, step })}`);
    }

    if (SCENARIOS.has('S4')) {
      const rate = Number(args['s4-rate']);
      const seconds = Number(args['s4-seconds']);
      log(`\nS4: the hazard loop and the appeal chain at ${rate}/s for ${seconds} s (goal: each hop's p99 ≤ ${S4_GOAL_P99_MS} ms)`);
      const result = await runS4(ctx, {
        rate,
        seconds,
        appealEvery: Number(args['s4-appeal-every']),
        appealRespondMs: Number(args['s4-appeal-respond-ms']),
        stepTimeoutMs: Number(args['s4-step-timeout-seconds']) * 1000,
        riders: Number(args.reporters),
        log,
      });
      log(s4Report(result));
      const complete = s4Complete(result);
      log(`  → ${write('S4', { scenario: 'S4', at: new Date().toISOString(), machine: machine(), complete, ...result })}`);
      if (!complete) throw new Error(`S4: not every grievance reached its end (${result.stuck.length} stuck; counts ${JSON.stringify(result.counts)})`);
    }

    if (SCENARIOS.has('S3')) {
      log(`\nS3 ramp: ${RATES.join(' → ')}/s, ${STEP_SECONDS} s each, sustained = p99 ≤ ${P99_LIMIT} ms, nothing refused, no outbox backlog left growing and everything drained within ${SUSTAINED_DRAIN_MS / 1000} s`);
      const steps: StepResult[] = [];
      let highest: StepResult | undefined;
      for (const rate of RATES) {
        const step = await runStep(ctx, 'S3', rate, STEP_SECONDS);
        const outboxAtEnd = sum(step.outboxBacklog.endOfSend);
        const why: string[] = [];
        if (step.scheduledToCommitted.p99 > P99_LIMIT) why.push(`p99 ${step.scheduledToCommitted.p99} ms`);
        if (step.dispatched < step.accepted - step.linkedAsDuplicates) why.push(`${step.accepted - step.linkedAsDuplicates - step.dispatched} not dispatched`);
        if (step.accepted < step.sent) why.push(`${step.sent - step.accepted} refused`);
        // More than a quarter-second of arrivals still unpublished when sending stops: the outboxes were growing.
        if (outboxAtEnd > Math.max(50, rate * 0.25)) why.push(`outbox backlog ${outboxAtEnd} at end`);
        if (step.drainMs > SUSTAINED_DRAIN_MS) why.push(`drained in ${round(step.drainMs / 1000, 1)} s`);
        if (step.sendRate < rate * 0.95) why.push(`sent only ${step.sendRate}/s`);
        step.sustained = why.length === 0;
        step.why = why.join(', ');
        steps.push(step);
        if (!step.sustained) break;
        highest = step;
      }
      log(table(LATENCY_HEADER, latencyRows(steps)));
      log('\nwhere the time goes, hop by hop');
      log(hopTable(steps));
      log('\nCPU (share of one core, mean) / peak RSS MB per process and step');
      log(table(['process', ...steps.map((s) => `${s.rate}/s`)], processRows(steps)));
      log('\nCPU per grievance (ms) per process and step');
      log(cpuTable(steps));
      log(`\nhighest sustained rate: ${highest ? `${highest.rate}/s` : 'none of the steps'} (goal ≥ 300/s, 1000/s the stretch)`);
      if (highest) log(ratioLine(highest, calibration));
      let profile: ProfileSummary | undefined;
      // At the highest sustained rate; when none was sustained, at the first step's rate (where the pipeline already saturates).
      if (args.profile && steps[0]) profile = await profileHottest(ctx, highest ?? steps[0]);
      log(`  → ${write('S3', { scenario: 'S3', at: new Date().toISOString(), machine: machine(), p99LimitMs: P99_LIMIT, calibration, highestSustainedRate: highest?.rate ?? 0, steps, profile })}`);
    }
  } finally {
    await cleanup();
  }
  for (const { service, dir } of profileWhenStopped) {
    const file = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))[0] : undefined;
    if (file) printProfile(service, summariseProfile(file));
    else log(`\nno profile written by ${service} (in ${path.relative(ROOT, dir)})`);
  }
}

let profileWhenStopped: { service: string; dir: string }[] = [];

const SERVICE_NAMES = ['intake', 'routing', 'grid-dispatch', 'feedback', 'audit'];

/** `--profile-service intake,routing` or `all`. */
function profiledServices(flag: string | undefined): string[] {
  if (!flag) return [];
  const names = flag === 'all' ? SERVICE_NAMES : flag.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !SERVICE_NAMES.includes(n));
  if (unknown.length) throw new Error(`--profile-service: no service named ${unknown.join(', ')} (one of ${SERVICE_NAMES.join(', ')} or all)`);
  return names;
}

function printProfile(service: string, summary: ProfileSummary): void {
  log(`\nprofile of ${service} (${summary.seconds} s, ${path.relative(ROOT, summary.file)})`);
  log(table(['top frames (self)', '%'], summary.topFrames.map((f) => [f.frame.slice(0, 110), f.selfPct])));
  log(table(['where (self)', '%'], summary.byPlace.map((f) => [f.place, f.selfPct])));
}

/** Runs the highest sustained rate again with the busiest service under `node --cpu-prof`, and reads the profile. */
async function profileHottest(ctx: Context, at: StepResult): Promise<ProfileSummary> {
  const services = new Set(ctx.system.services.map((s) => s.name));
  const [hottest] = Object.entries(at.processes)
    .filter(([name]) => services.has(name))
    .sort((a, b) => b[1].cpuMean - a[1].cpuMean)[0]!;
  const dir = path.join(ROOT, '.cache', 'bench-profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dir, { recursive: true });
  log(`\nprofile: ${hottest} (the busiest at ${at.rate}/s) under --cpu-prof for a ${STEP_SECONDS} s step at ${at.rate}/s`);
  await ctx.system.restart(hottest, { NODE_OPTIONS: [args['node-options'], `--cpu-prof --cpu-prof-dir=${dir}`].filter(Boolean).join(' ') });
  await runStep(ctx, 'profiled', at.rate, STEP_SECONDS);
  await ctx.system.restart(hottest); // SIGTERM: the profile is written as it exits
  const file = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f))[0];
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const summary = { ...summariseProfile(file), service: hottest } as ProfileSummary & { service: string };
  printProfile(hottest, summary);
  return summary;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
