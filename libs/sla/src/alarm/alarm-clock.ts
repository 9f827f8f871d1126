import { randomUUID } from 'node:crypto';
import { DelayedError, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { MessagingLogger, silentLogger } from '@grievance/messaging';
import { AlarmKind } from '../deadline/deadline-math';
import { alarmJobId, parseAlarmJobId } from '../deadline/deadline';
import { DeadlineRepository, PendingAlarm } from '../persistence/deadline-repository';
import { MicroBatcher } from './batcher';
import { FireOutcome, FireRequest } from './firing';
import { PreciseTimer, SlaClock, systemClock } from './precise-timer';

export interface AlarmClockOptions {
  /** The BullMQ queue, named by the owning service: `routing.sla`. */
  queueName: string;
  /** redis:// URL of the Redis that holds the alarms. */
  redisUrl: string;
  /** BullMQ key prefix. Default `bull`. */
  prefix?: string;
  /** Only alarms ringing within this window are in Redis; later ones wait in Postgres. Default 24 h. */
  horizonMs?: number;
  /** One BullMQ job rings for all the alarms of a slot of this length. Default 5 s. */
  slotMs?: number;
  /** A slot's job is delivered this much before the slot starts; its alarms then wait for their exact moment here. Default 2 s. */
  leadMs?: number;
  /**
   * How often the window moves forward and lost alarms are looked for (a Redis flushed, a
   * process crashed holding alarms). Default 5 s, one slot: each round is a Redis command and
   * two queries, all the engine does while no deadline is due.
   */
  sweepIntervalMs?: number;
  /** An alarm this overdue, not held by this process, has its slot armed again. Default 15 s. */
  overdueGraceMs?: number;
  /** Jobs a worker processes at once. Default 50. */
  concurrency?: number;
  /** Workers in this process. Default 1. */
  workers?: number;
  /** Deadlines fired per transaction, and transactions at once. Defaults 250 and 4. */
  fireBatchSize?: number;
  fireParallelism?: number;
  /** Attempts of an alarm whose firing fails (the owner's handler threw), with exponential backoff from 1 s. Default 8. */
  attempts?: number;
  clock?: SlaClock;
  logger?: MessagingLogger;
}

type Fire = (requests: FireRequest[]) => Promise<Map<FireRequest, FireOutcome>>;

export interface AlarmStats {
  /** Slot jobs added (re-adding an existing one counts, and changes nothing). */
  slotsArmed: number;
  /** Alarms taken over by this process from slot jobs, and straight after commit. */
  taken: number;
  fired: number;
  stale: number;
  early: number;
  retries: number;
  rearmedAll: number;
  redisLost: number;
  /** Alarms waiting in this process for their exact moment, now and at most. */
  held: number;
  maxHeld: number;
  /** Alarms that reached this process after their moment (the lead was not enough, or Redis lost them). */
  lateDeliveries: number;
}

interface SlotData {
  slot: number;
}
interface RetryData {
  deadlineId: string;
}
type JobData = SlotData | RetryData;

const SLOT = 'slot';
/** The job of one alarm whose firing failed in a process: it fires inside its job, with BullMQ's retries and failed set. */
const RETRY = 'retry';
const slotJobId = (slot: number) => `slot.${slot}`;
const keyOf = (a: { deadlineId: string; kind: AlarmKind; version: number }) => alarmJobId(a.deadlineId, a.kind, a.version);

/**
 * The alarm clock of the deadlines in Postgres. Time is cut into slots (5 s by default);
 * each slot that holds alarms within the horizon window has one BullMQ delayed job, with
 * a deterministic id (`slot.<start ms>`), the slot as its only data, removed once
 * completed. When it rings (`leadMs` before the slot starts), the worker reads the slot's
 * alarms from Postgres and waits on one precise timer for each exact moment, then fires
 * them through batched transactions. Redis therefore holds at most horizon / slot jobs,
 * however many deadlines there are, and a burst of 10 000 deadlines due in the same
 * second costs one job, not 10 000.
 *
 * - Start: every slot in the window is armed again from Postgres (re-adding an existing
 *   job id is a no-op), so a Redis that lost everything loses nothing.
 * - Sweep (every `sweepIntervalMs`): arms the slots that entered the window; re-arms all
 *   when the marker key is gone (Redis flushed or restarted empty); re-arms the slots of
 *   alarms overdue by more than `overdueGraceMs` that no process is holding (a crashed
 *   process); retries arms that failed while Redis was away.
 * - After a commit, an alarm due within `leadMs + slotMs` is also taken over at once by
 *   this process, so a slot already read cannot miss it.
 * - A firing that fails becomes a job of its own (`<deadline>.<kind>.<version>`), retried
 *   by BullMQ with backoff and kept as a failed job for inspection.
 */
export class AlarmClock {
  readonly queueName: string;
  readonly prefix: string;
  readonly horizonMs: number;
  readonly slotMs: number;
  readonly leadMs: number;
  private readonly sweepIntervalMs: number;
  private readonly overdueGraceMs: number;
  private readonly concurrency: number;
  private readonly workerCount: number;
  private readonly attempts: number;
  private readonly clock: SlaClock;
  private readonly logger: MessagingLogger;
  private timer: PreciseTimer;
  private readonly fires: MicroBatcher<FireRequest, FireOutcome>;
  private readonly markerKey: string;
  private redis?: Redis;
  private queue?: Queue<JobData>;
  private workers: Worker<JobData>[] = [];
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private watermark = 0;
  private retryArm: PendingAlarm[] = [];
  /** Alarms this process holds, by `<deadline>.<kind>.<version>`. */
  private readonly holding = new Map<string, Promise<void>>();
  /**
   * Slots whose job this process added from `arm`, not yet near their ringing. Every deadline
   * of a busy owner falls in a slot armed already (50 a second in one 5 s slot is 250 adds of one
   * job, each a Lua script in Redis); a slot here is not added again while its job cannot have
   * rung (`notRungYet`). Forgotten when Redis lost its data, or someone armed everything again.
   */
  private readonly armedSlots = new Set<number>();
  /** The marker's value at the last sweep: another value means Redis was found empty and everything armed again. */
  private markerSeen?: string;
  private closing = false;
  private opened = false;
  readonly stats: AlarmStats = {
    slotsArmed: 0,
    taken: 0,
    fired: 0,
    stale: 0,
    early: 0,
    retries: 0,
    rearmedAll: 0,
    redisLost: 0,
    held: 0,
    maxHeld: 0,
    lateDeliveries: 0,
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DeadlineRepository,
    fire: Fire,
    private readonly options: AlarmClockOptions,
  ) {
    this.queueName = options.queueName;
    this.prefix = options.prefix ?? 'bull';
    this.horizonMs = options.horizonMs ?? 24 * 3600_000;
    this.slotMs = options.slotMs ?? 5000;
    this.leadMs = options.leadMs ?? 2000;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 5000;
    this.overdueGraceMs = options.overdueGraceMs ?? 15_000;
    this.concurrency = options.concurrency ?? 50;
    this.workerCount = options.workers ?? 1;
    this.attempts = options.attempts ?? 8;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.timer = new PreciseTimer(this.clock);
    this.markerKey = `${this.prefix}:${this.queueName}:sla-armed`;
    this.fires = new MicroBatcher(fire, {
      maxBatch: options.fireBatchSize ?? 250,
      parallelism: options.fireParallelism ?? 4,
      missing: () => ({ result: 'stale' }),
    });
  }

  /** The slot an instant falls in (its start). */
  slotOf(at: number): number {
    return Math.floor(at / this.slotMs) * this.slotMs;
  }

  /** The id of the job that rings for an alarm. */
  jobIdOf(alarm: { at: number }): string {
    return slotJobId(this.slotOf(alarm.at));
  }

  /** The Redis client of the queue (created on first use). */
  private client(): Redis {
    if (!this.redis) {
      this.redis = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null, connectionName: `${this.queueName}:sla` });
      this.redis.on('error', () => undefined); // reconnects by itself; failures surface where commands fail
    }
    return this.redis;
  }

  private producer(): Queue<JobData> {
    if (!this.queue) {
      // No one listens to the queue's event stream: keep it short.
      this.queue = new Queue<JobData>(this.queueName, { connection: this.client(), prefix: this.prefix, streams: { events: { maxLen: 100 } } });
      this.queue.on('error', (error) => this.logger.warn({ err: error }, 'sla alarm queue error'));
    }
    return this.queue;
  }

  /** Starts the workers, re-arms every slot in the window and starts the sweep. */
  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    this.closing = false;
    this.timer = new PreciseTimer(this.clock);
    const queue = this.producer();
    await queue.waitUntilReady();
    for (let i = 0; i < this.workerCount; i++) {
      const worker = new Worker<JobData>(this.queueName, (job, token) => this.process(job, token), {
        connection: this.client(),
        prefix: this.prefix,
        concurrency: this.concurrency,
        autorun: false,
        name: `${this.queueName}-${i}`,
      });
      worker.on('error', (error) => this.logger.warn({ err: error }, 'sla alarm worker error'));
      worker.on('failed', (job, error) => this.logger.error({ err: error, jobId: job?.id }, 'sla alarm failed'));
      this.workers.push(worker);
      void worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'sla alarm worker stopped'));
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.rearmAll();
    this.scheduleSweep();
  }

  /**
   * Stops ringing (the first step of a shutdown): no sweep, no new slot taken, held alarms
   * released (their slots go back to Redis for the next process or another replica). Arming
   * still works, so work finishing meanwhile keeps its alarms; they ring in the next process.
   */
  async quiesce(): Promise<void> {
    if (!this.opened || this.closing) return;
    this.closing = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    await this.sweeping;
    this.timer.close();
    await Promise.all([...this.holding.values()]);
  }

  async close(): Promise<void> {
    await this.quiesce();
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers = [];
    await this.queue?.close();
    this.queue = undefined;
    if (this.redis) {
      await this.redis.quit().catch(() => this.redis?.disconnect());
      this.redis = undefined;
    }
    this.opened = false;
  }

  /**
   * Arms alarms (after the commit that set them): the slots of those within the window
   * are added to Redis, and those due very soon are taken over at once when this process
   * runs the alarm clock. Never throws: what cannot be armed now is retried by the sweep,
   * and Postgres keeps it anyway.
   */
  async arm(alarms: readonly PendingAlarm[]): Promise<void> {
    const now = this.clock.now();
    const due = alarms.filter((a) => a.at <= now + this.horizonMs);
    if (due.length === 0) return;
    if (this.opened && !this.closing) {
      for (const a of due) if (a.at <= now + this.leadMs + this.slotMs) this.hold(a);
    }
    const redis = this.client();
    if (!['ready', 'connect', 'connecting', 'wait'].includes(redis.status)) {
      this.retryArm.push(...due);
      return;
    }
    // Only a process whose sweep runs remembers: the sweep forgets what Redis lost, and what has rung.
    const remembers = this.opened && !this.closing;
    const slots = [...new Set(due.map((a) => this.slotOf(a.at)))];
    const toAdd = remembers ? slots.filter((slot) => !(this.armedSlots.has(slot) && this.notRungYet(slot, now))) : slots;
    if (toAdd.length === 0) return;
    try {
      await withTimeout(this.addSlots(toAdd), 5000);
      if (remembers) for (const slot of toAdd) if (this.notRungYet(slot, now)) this.armedSlots.add(slot);
    } catch (error) {
      this.logger.warn({ err: error, alarms: due.length }, 'could not arm sla alarms; the sweep will retry');
      this.retryArm.push(...due);
    }
  }

  /**
   * Whether a slot's job, once added, is still waiting in Redis at `now`: it rings `leadMs` before
   * the slot, and a slot job delivered up to a second earlier still reads its alarms (`processSlot`).
   * An alarm armed after its slot rang is held by the process that armed it (`arm`), within
   * `leadMs + slotMs`; the second of margin keeps such alarms from relying on that.
   */
  private notRungYet(slot: number, now: number): boolean {
    return slot - this.leadMs - 1000 > now;
  }

  private async addSlots(slots: readonly number[]): Promise<void> {
    const unique = [...new Set(slots)];
    const now = this.clock.now();
    const queue = this.producer();
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      await queue.addBulk(
        chunk.map((slot) => ({
          name: SLOT,
          data: { slot },
          opts: { jobId: slotJobId(slot), delay: Math.max(0, slot - this.leadMs - now), removeOnComplete: true, attempts: 3, backoff: { type: 'fixed', delay: 1000 } },
        })),
      );
      this.stats.slotsArmed += chunk.length;
    }
  }

  private async addRetry(alarm: FireRequest): Promise<void> {
    this.stats.retries++;
    await this.producer().add(
      RETRY,
      { deadlineId: alarm.deadlineId },
      { jobId: alarmJobId(alarm.deadlineId, alarm.kind, alarm.version), delay: 1000, removeOnComplete: true, attempts: this.attempts, backoff: { type: 'exponential', delay: 1000 } },
    );
  }

  /** Arms every slot from the beginning of time to the end of the window (start, or Redis lost its data). */
  async rearmAll(): Promise<number> {
    // Forgotten before Postgres is read, so an alarm committed after the read is added by its own arm.
    this.armedSlots.clear();
    this.markerSeen = `${this.clock.now()}.${randomUUID()}`;
    await this.client().set(this.markerKey, this.markerSeen);
    const until = this.clock.now() + this.horizonMs;
    const slots = await this.repository.alarmSlots(this.dataSource.manager, null, until, this.slotMs);
    await this.addSlots(slots);
    this.watermark = until;
    this.stats.rearmedAll++;
    this.logger.info({ slots: slots.length, queue: this.queueName }, 'sla alarms armed from postgres');
    return slots.length;
  }

  /** One round of the sweep (also callable by hand, e.g. from tests). */
  sweep(): Promise<void> {
    if (!this.sweeping) {
      this.sweeping = this.sweepOnce().finally(() => {
        this.sweeping = undefined;
      });
    }
    return this.sweeping;
  }

  private scheduleSweep(): void {
    if (this.closing) return;
    this.sweepTimer = setTimeout(() => {
      void this.sweep()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'sla alarm sweep failed; will retry'))
        .finally(() => this.scheduleSweep());
    }, this.sweepIntervalMs);
  }

  private async sweepOnce(): Promise<void> {
    const redis = this.client();
    if (redis.status !== 'ready') return;
    if (this.retryArm.length) {
      const retry = this.retryArm;
      this.retryArm = [];
      await this.arm(retry);
    }
    const marker = await redis.get(this.markerKey);
    if (marker === null) {
      this.stats.redisLost++;
      this.logger.warn({ queue: this.queueName }, 'redis lost the sla alarms (flushed or restarted empty); arming them again from postgres');
      await this.rearmAll();
      return;
    }
    if (marker !== this.markerSeen) {
      // Another replica found Redis empty and armed from Postgres: what this one armed before may be gone.
      this.armedSlots.clear();
      this.markerSeen = marker;
    }
    const now = this.clock.now();
    for (const slot of this.armedSlots) if (!this.notRungYet(slot, now)) this.armedSlots.delete(slot);
    const until = now + this.horizonMs;
    await this.addSlots(await this.repository.alarmSlots(this.dataSource.manager, this.watermark, until, this.slotMs));
    this.watermark = until;
    // Alarms that should have rung a while ago and that nobody here holds: lost with a
    // crashed process, or never armed. An alarm whose failed job is kept is left alone.
    const overdue = (await this.repository.alarmsBetween(this.dataSource.manager, null, now - this.overdueGraceMs, 1000)).filter(
      (a) => !this.holding.has(keyOf(a)),
    );
    if (overdue.length === 0) return;
    const queue = this.producer();
    const kept = await Promise.all(overdue.map((a) => queue.getJob(alarmJobId(a.deadlineId, a.kind, a.version))));
    const lost = overdue.filter((_, i) => !kept[i]);
    if (lost.length) {
      this.logger.warn({ alarms: lost.length }, 'sla alarms overdue and not held; arming their slots again');
      await this.addSlots(lost.map((a) => this.slotOf(a.at)));
    }
  }

  /** The worker's processor: `slot` jobs hand their alarms over to this process; `retry` jobs fire inside the job. */
  private async process(job: Job<JobData>, token?: string): Promise<string> {
    if (job.name === SLOT) return this.processSlot(job as Job<SlotData>, token);
    if (job.name === RETRY) return this.processRetry(job as Job<RetryData>, token);
    throw new UnrecoverableError(`sla alarm queue has no handler for job "${job.name}"`);
  }

  /**
   * A slot rang: read its alarms from Postgres and hold each until its exact moment. The
   * job completes at once, so the worker is free for the next slot; the alarms wait here.
   * If this process dies meanwhile, the sweep of another one (or the re-arm at restart)
   * finds the alarms overdue in Postgres and arms their slot again.
   */
  private async processSlot(job: Job<SlotData>, token?: string): Promise<string> {
    const slot = Number(job.data.slot);
    if (!Number.isFinite(slot)) throw new UnrecoverableError(`sla slot job ${job.id} has no slot`);
    if (this.closing) return this.sleepAgain(job, slot, token); // left in Redis for whoever runs next
    if (slot - this.clock.now() > this.leadMs + 1000) {
      this.stats.early++;
      return this.sleepAgain(job, slot, token);
    }
    const alarms = await this.repository.alarmsIn(this.dataSource.manager, slot, slot + this.slotMs);
    for (const alarm of alarms) this.hold(alarm);
    return `${alarms.length} alarm(s)`;
  }

  /** An alarm that failed to fire in a process: read it again, fire it inside the job (a failure is retried by BullMQ). */
  private async processRetry(job: Job<RetryData>, token?: string): Promise<string> {
    const parsed = parseAlarmJobId(job.id ?? '');
    if (!parsed) throw new UnrecoverableError(`sla alarm ${job.id} has no <deadline>.<warn|breach>.<version> id`);
    const next = (await this.repository.nextAlarms(this.dataSource.manager, [parsed.deadlineId])).get(parsed.deadlineId);
    if (!next || next.version !== parsed.version || next.kind !== parsed.kind) {
      this.stats.stale++;
      return 'stale';
    }
    if (next.at - this.clock.now() > this.leadMs + 1000) return this.sleepAgain(job, next.at, token);
    const outcome = await this.fireAt(parsed, next.at);
    if (outcome.result === 'early') return this.sleepAgain(job, outcome.at, token);
    return outcome.result === 'fired' ? `fired ${outcome.kind}` : 'stale';
  }

  /** Holds an alarm until its moment and fires it; a failure goes back to BullMQ as a job of its own. */
  private hold(alarm: PendingAlarm): void {
    const key = keyOf(alarm);
    if (this.holding.has(key) || this.closing) return;
    this.stats.taken++;
    this.stats.held++;
    if (this.stats.held > this.stats.maxHeld) this.stats.maxHeld = this.stats.held;
    if (alarm.at < this.clock.now() - 50) this.stats.lateDeliveries++;
    const request: FireRequest = { deadlineId: alarm.deadlineId, kind: alarm.kind, version: alarm.version };
    const done = this.fireAt(request, alarm.at)
      .then(async (outcome) => {
        // Shutting down, or its moment moved without a new version (cannot happen, but be safe): back to Redis.
        if (outcome.result === 'early') await this.addSlots([this.slotOf(outcome.at)]);
      })
      .catch(async (error: unknown) => {
        this.logger.warn({ err: error, deadlineId: alarm.deadlineId, kind: alarm.kind }, 'sla alarm failed to fire; handing it to the queue to retry');
        await this.addRetry(request).catch(() => undefined);
      })
      .finally(() => {
        this.stats.held--;
        this.holding.delete(key);
      });
    this.holding.set(key, done);
  }

  /** Waits until `at`, then fires; re-waits (a few times) when the firing finds it early. */
  private async fireAt(request: FireRequest, at: number): Promise<FireOutcome> {
    let moment = at;
    for (let round = 0; round < 5; round++) {
      await this.timer.wait(moment);
      if (this.closing) return { result: 'early', kind: request.kind, at: moment };
      const outcome = await this.fires.request(request);
      if (outcome.result === 'fired') {
        this.stats.fired++;
        return outcome;
      }
      if (outcome.result === 'stale' || outcome.kind !== request.kind) {
        this.stats.stale++;
        return { result: 'stale' };
      }
      this.stats.early++;
      if (outcome.at - this.clock.now() > this.leadMs + 1000) return outcome;
      moment = outcome.at;
    }
    return { result: 'early', kind: request.kind, at: moment };
  }

  /** Puts a job that came early back to sleep until `leadMs` before its moment. */
  private async sleepAgain(job: Job<JobData>, at: number, token?: string): Promise<never> {
    await job.moveToDelayed(Math.max(this.clock.now(), at - this.leadMs), token);
    throw new DelayedError();
  }

  /** The jobs in Redis by state (for tests, health and the benchmark). */
  async jobCounts(): Promise<Record<string, number>> {
    return this.producer().getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed', 'prioritized');
  }

  /** Whether the job that rings for an alarm ringing at `at` is in Redis. */
  async isArmed(at: Date | number): Promise<boolean> {
    return (await this.producer().getJob(this.jobIdOf({ at: typeof at === 'number' ? at : at.getTime() }))) !== undefined;
  }

  /** The queue (tests add early, late and repeated alarms through it). */
  get bullQueue(): Queue<JobData> {
    return this.producer();
  }

  /** The Redis client (tests flush it; the benchmark reads its memory). */
  get redisClient(): Redis {
    return this.client();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
