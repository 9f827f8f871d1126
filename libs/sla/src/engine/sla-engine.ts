import { DomainError, Holder, Level, LEVELS, SlaTarget, uuidv7 } from '@grievance/contracts';
import { MessagingLogger, OutboxTransaction, silentLogger, TransactionalOutbox } from '@grievance/messaging';
import { DataSource } from 'typeorm';
import { AlarmClock, AlarmClockOptions } from '../alarm/alarm-clock';
import { DeadlineFiring, FiredDeadline, SlaHandlers } from '../alarm/firing';
import { SlaClock, systemClock } from '../alarm/precise-timer';
import {
  consumedAt,
  handOver,
  pause as pauseClock,
  remainingAt,
  resume as resumeClock,
  schedule,
  startState,
  Verdict,
  verdictAt,
} from '../deadline/deadline-math';
import { budgetOf, clockOf, isOpen, SlaDeadline, timelineOf, withClock } from '../deadline/deadline';
import { parseTimeScale, Timeline } from '../deadline/time-scale';
import { DeadlineRepository, PendingAlarm } from '../persistence/deadline-repository';
import { GrievanceFacts } from '../policy/policy';
import { resolveBudget, SlaSettings, SlaSettingsSource } from '../settings/settings';
import { SlaSettingsStore } from '../settings/settings-store';
import { afterCommit, beforeCommit, installAfterCommit, savepointRolledBack } from './after-commit';
import { startedEvent } from './started';

export interface SlaEngineOptions {
  dataSource: DataSource;
  /** The service's outbox: starts write sla.started.v1, firings sla.warned.v1 / sla.breached.v1 through it. */
  outbox: TransactionalOutbox;
  /** The BullMQ queue of the owning service, a stable constant: `routing.sla`. */
  queueName: string;
  redisUrl: string;
  /** BullMQ key prefix (tests give each suite its own). Default `bull`. */
  prefix?: string;
  /** Policies and calendars. Default: a SlaSettingsStore on the same database, seeded with the defaults. */
  settings?: SlaSettingsSource;
  /** The owner's reaction to a warning or a breach, in the firing transaction. */
  handlers?: SlaHandlers;
  /** Whether the engine writes sla.started.v1, sla.warned.v1 and sla.breached.v1 itself. Default true. */
  publishEvents?: boolean;
  /** SLA_TIME_SCALE: multiplies every duration (1 = real time). */
  timeScale?: number;
  clock?: SlaClock;
  logger?: MessagingLogger;
  /** Told after commit about every warning and breach that fired (metrics, tests, the benchmark). */
  onFired?: (fired: readonly FiredDeadline[]) => void;
  /** Tuning of the alarm clock (horizon window, lead, sweep interval, concurrency, batching). */
  alarms?: Omit<AlarmClockOptions, 'queueName' | 'redisUrl' | 'prefix' | 'clock' | 'logger'>;
}

/** A new deadline: the grievance reached a holder who now owes it something. */
export interface StartDeadline {
  /** Default: a new UUID v7. Starting again with the id of a deadline already started returns it, and publishes nothing new. */
  id?: string;
  grievanceId: string;
  /** What within the grievance: `grievance` (default), `ticket:<id>`, `rung:<level>`. One open deadline per grievance, subject and target. */
  subject?: string;
  target: SlaTarget;
  holder: Holder;
  /** What the policy is matched against (stage: the rung or the ticket stage). */
  grievance: GrievanceFacts;
  /** When the grievance reached the holder (dispatch, routing), not when the holder accepted it. Default now. */
  at?: Date;
  /** Start with the clock stopped (already waiting for the reporter). */
  paused?: boolean;
  correlationId: string;
  causationId?: string | null;
  /**
   * The caller knows no deadline of this grievance, subject and target is open (it read them in
   * this transaction, or the subject was made in it): the engine does not read them again. A
   * second one is still refused, by the database's one-open-deadline index.
   */
  noneOpen?: boolean;
}

/** A deadline passing to a new holder (reassignment, escalation). */
export interface CarryOver {
  holder: Holder;
  at?: Date;
  /**
   * `keep` (default): the same budget goes on, consumed time and fired alarms included
   * (reassignment). `fresh`: the new holder gets the budget its own policy gives, from
   * zero (the next rung of the chain). A pause goes on either way.
   */
  budget?: 'keep' | 'fresh';
  /** The grievance's stage at the new holder (for `fresh`, the policy is matched with it). Default: unchanged. */
  stage?: string;
  /** Default: unchanged. */
  subject?: string;
  correlationId?: string;
  causationId?: string | null;
}

export interface Completed {
  deadline: SlaDeadline;
  verdict: Verdict;
}

/**
 * The SLA engine of one service: deadlines as rows in the service's own database, changed
 * inside the caller's OutboxTransaction (so a deadline starts, stops or moves atomically
 * with the state change that causes it), with BullMQ as the alarm clock. Alarms are set
 * after the transaction commits; a firing re-checks the row, so nothing depends on an
 * alarm being on time, unique or still relevant.
 */
export class SlaEngine {
  readonly settings: SlaSettingsSource;
  readonly timeScale: number;
  readonly alarms: AlarmClock;
  private readonly repository = new DeadlineRepository();
  private readonly clock: SlaClock;
  private readonly logger: MessagingLogger;
  private readonly firing: DeadlineFiring;

  constructor(private readonly options: SlaEngineOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.timeScale = parseTimeScale(options.timeScale);
    this.settings = options.settings ?? new SlaSettingsStore(options.dataSource);
    this.firing = new DeadlineFiring(options.outbox, this.repository, this.clock, options.handlers ?? {}, options.publishEvents ?? true, {
      committed: (tx, fired) => {
        const next = fired.filter((f) => f.deadline.nextAlarm).map((f) => alarmOf(f.deadline)!);
        afterCommit(tx.manager, async () => {
          await this.alarms.arm(next);
          try {
            options.onFired?.(fired);
          } catch (error) {
            this.logger.warn({ err: error }, 'an sla onFired observer threw');
          }
        });
      },
    });
    this.alarms = new AlarmClock(options.dataSource, this.repository, (requests) => this.firing.fire(requests), {
      ...options.alarms,
      queueName: options.queueName,
      redisUrl: options.redisUrl,
      prefix: options.prefix,
      clock: this.clock,
      logger: this.logger,
    });
    // Listening from the start (not from the first deadline), so announce sees every savepoint rolled back.
    if (options.dataSource.isInitialized) installAfterCommit(options.dataSource);
  }

  /** Seeds the default settings into a new database, starts the alarm clock and re-arms every open deadline in the window. */
  async open(): Promise<void> {
    installAfterCommit(this.options.dataSource);
    if (this.settings instanceof SlaSettingsStore) await this.settings.seedDefaults();
    await this.alarms.open();
  }

  /** Stops firing (a shutdown's first step); deadlines can still be started and moved, their alarms ring in the next process. */
  async quiesce(): Promise<void> {
    await this.alarms.quiesce();
  }

  async close(): Promise<void> {
    await this.alarms.close();
  }

  // ---------------------------------------------------------------- deadlines

  /** Starts a deadline: the clock runs from when the grievance reached the holder. */
  async start(tx: OutboxTransaction, input: StartDeadline): Promise<SlaDeadline> {
    const same = input.id ? await this.repository.find(tx.manager, input.id) : undefined;
    if (same && same.grievanceId === input.grievanceId && same.target === input.target && same.subject === (input.subject ?? 'grievance')) return same;
    const existing = input.noneOpen ? undefined : await this.repository.findOpenFor(tx.manager, input.grievanceId, input.subject ?? 'grievance', input.target);
    if (existing) {
      throw new DomainError('conflict', `grievance ${input.grievanceId} already has an open ${input.target} deadline for ${existing.subject}`, {
        deadlineId: existing.id,
      }, { key: 'error.sla.deadlineOpen', params: { grievanceId: input.grievanceId, target: input.target, subject: existing.subject } });
    }
    const [deadline] = await this.startMany(tx, [input]);
    return deadline!;
  }

  /** Starts many deadlines in one statement (imports, the benchmark). No duplicate check beyond the unique index. */
  async startMany(tx: OutboxTransaction, inputs: readonly StartDeadline[]): Promise<SlaDeadline[]> {
    const settings = await this.settings.current(tx.manager);
    const now = this.clock.now();
    const deadlines = inputs.map((input) => this.plan(settings, input, now));
    await this.repository.insert(tx.manager, deadlines);
    this.announce(tx, deadlines);
    this.alarmsAfterCommit(tx, deadlines);
    return deadlines;
  }

  /** Stops the clock (waiting for the reporter's reply). Pausing a paused or breached deadline changes nothing. */
  async pause(tx: OutboxTransaction, id: string, at?: Date): Promise<SlaDeadline> {
    const current = await this.lockOpen(tx, id, 'pause');
    if (current.status !== 'running') return current;
    const settings = await this.settings.current(tx.manager);
    const timeline = timelineOf(current, settings.calendar(current.calendarId));
    const clock = pauseClock(clockOf(current), this.instant(at), timeline);
    return this.save(tx, withClock(bump(current), clock, schedule(budgetOf(current), clock, timeline)));
  }

  /** Starts the clock again; the time paused is not counted. */
  async resume(tx: OutboxTransaction, id: string, at?: Date): Promise<SlaDeadline> {
    const current = await this.lockOpen(tx, id, 'resume');
    if (current.status !== 'paused') return current;
    const settings = await this.settings.current(tx.manager);
    const timeline = timelineOf(current, settings.calendar(current.calendarId));
    const clock = resumeClock(clockOf(current), this.instant(at));
    return this.save(tx, withClock(bump(current), clock, schedule(budgetOf(current), clock, timeline)));
  }

  /** The holder did what was owed: `met` in time, `late` otherwise (no breach event is sent for a late completion). */
  async complete(tx: OutboxTransaction, id: string, at?: Date): Promise<Completed> {
    const current = await this.lockExisting(tx, id);
    if (current.status === 'met' || current.status === 'late') return { deadline: current, verdict: current.status };
    if (!isOpen(current)) throw new DomainError('conflict', `SLA deadline ${id} is ${current.status}; it cannot be completed`, undefined, { key: 'error.sla.deadlineNotOpen', params: { id, status: current.status } });
    const settings = await this.settings.current(tx.manager);
    const when = this.instant(at);
    const timeline = timelineOf(current, settings.calendar(current.calendarId));
    const verdict = verdictAt(budgetOf(current), clockOf(current), when, timeline);
    return { deadline: await this.closeWith(tx, current, verdict, when, timeline), verdict };
  }

  /** The deadline is no longer owed (the grievance was withdrawn, rejected or merged). */
  async cancel(tx: OutboxTransaction, id: string, at?: Date): Promise<SlaDeadline> {
    const current = await this.lockExisting(tx, id);
    if (current.status === 'cancelled') return current;
    if (!isOpen(current)) throw new DomainError('conflict', `SLA deadline ${id} is ${current.status}; it cannot be cancelled`, undefined, { key: 'error.sla.deadlineNotOpen', params: { id, status: current.status } });
    const settings = await this.settings.current(tx.manager);
    return this.closeWith(tx, current, 'cancelled', this.instant(at), timelineOf(current, settings.calendar(current.calendarId)));
  }

  /**
   * Hands a deadline over to a new holder: closes this one (`handed_over`) and starts the
   * next of its chain. Consumed budget, a running pause and the time paused so far carry
   * over as `budget` says.
   */
  async carryOver(tx: OutboxTransaction, fromId: string, input: CarryOver): Promise<SlaDeadline> {
    const current = await this.lockOpen(tx, fromId, 'hand over');
    const settings = await this.settings.current(tx.manager);
    const when = this.instant(input.at);
    const oldTimeline = timelineOf(current, settings.calendar(current.calendarId));
    const mode = input.budget ?? 'keep';
    const clock = handOver(clockOf(current), when, oldTimeline, mode);
    const grievance: GrievanceFacts = { ...current.grievance, ...(input.stage !== undefined ? { stage: input.stage } : {}) };
    let next: SlaDeadline = {
      ...current,
      id: uuidv7(when),
      subject: input.subject ?? current.subject,
      holder: input.holder,
      level: levelOf(input.holder, grievance.stage),
      grievance,
      previousId: current.id,
      correlationId: input.correlationId ?? current.correlationId,
      causationId: input.causationId === undefined ? current.causationId : input.causationId,
      startedAt: new Date(when),
      version: 1,
      closedAt: null,
    };
    let timeline = oldTimeline;
    if (mode === 'fresh') {
      const budget = resolveBudget(settings, grievance, current.target);
      timeline = new Timeline(budget.calendar, this.timeScale, when);
      next = {
        ...next,
        policyId: budget.policyId,
        policyVersion: budget.policyVersion,
        budgetMs: budget.budgetMs,
        warnShare: budget.warnShare,
        calendarId: budget.calendarId,
        timeScale: this.timeScale,
        clockStartedAt: new Date(when),
        warnedAt: null,
        breachedAt: null,
        warnAt: null,
        dueAt: null,
      };
    }
    next = withClock(next, clock, schedule(budgetOf(next), clock, timeline));
    // The old row first: it leaves the "one open deadline" index before the new one enters it.
    const closed = this.closed(current, 'handed_over', when, oldTimeline);
    await this.repository.update(tx.manager, closed);
    await this.repository.insert(tx.manager, [next]);
    this.announce(tx, [next]);
    this.alarmsAfterCommit(tx, [next]);
    return next;
  }

  // ---------------------------------------------------------------- reads

  async get(id: string): Promise<SlaDeadline | undefined> {
    return this.repository.find(this.options.dataSource.manager, id);
  }

  /** The open deadlines of a grievance (read inside `tx` when given, to act on them). */
  async openFor(grievanceId: string, tx?: OutboxTransaction): Promise<SlaDeadline[]> {
    return this.repository.findOpen(tx?.manager ?? this.options.dataSource.manager, grievanceId);
  }

  /** The open deadlines of many grievances, by grievance id (an inbox showing time left; read inside `tx` when given). */
  async openForMany(grievanceIds: readonly string[], tx?: OutboxTransaction): Promise<Map<string, SlaDeadline[]>> {
    const byGrievance = new Map<string, SlaDeadline[]>();
    for (const d of await this.repository.findOpenOfMany(tx?.manager ?? this.options.dataSource.manager, grievanceIds)) {
      byGrievance.set(d.grievanceId, [...(byGrievance.get(d.grievanceId) ?? []), d]);
    }
    return byGrievance;
  }

  /** Every deadline a grievance had, in the order they started (who had it, which deadlines held and which broke). */
  async historyOf(grievanceId: string): Promise<SlaDeadline[]> {
    return this.repository.findByGrievance(this.options.dataSource.manager, grievanceId);
  }

  /** Open deadlines due before an instant, earliest first (breach lists). */
  async openDueBefore(before: Date, limit?: number): Promise<SlaDeadline[]> {
    return this.repository.openDueBefore(this.options.dataSource.manager, before, limit);
  }

  /** Budget left now (negative once overdue), in ms of the deadline's calendar time. */
  async remaining(deadline: SlaDeadline, at?: Date): Promise<number> {
    const settings = await this.settings.current();
    return remainingAt(budgetOf(deadline), clockOf(deadline), this.instant(at), timelineOf(deadline, settings.calendar(deadline.calendarId)));
  }

  // ---------------------------------------------------------------- internals

  private plan(settings: SlaSettings, input: StartDeadline, now: number): SlaDeadline {
    const budget = resolveBudget(settings, input.grievance, input.target);
    const at = input.at?.getTime() ?? now;
    const timeline = new Timeline(budget.calendar, this.timeScale, at);
    const clock = startState(at, input.paused ?? false);
    const id = input.id ?? uuidv7(now);
    const base: SlaDeadline = {
      id,
      grievanceId: input.grievanceId,
      subject: input.subject ?? 'grievance',
      target: input.target,
      holder: input.holder,
      level: levelOf(input.holder, input.grievance.stage),
      grievance: { ...input.grievance },
      chainId: id,
      previousId: null,
      policyId: budget.policyId,
      policyVersion: budget.policyVersion,
      budgetMs: budget.budgetMs,
      warnShare: budget.warnShare,
      calendarId: budget.calendarId,
      timeScale: this.timeScale,
      correlationId: input.correlationId,
      causationId: input.causationId ?? null,
      clockStartedAt: new Date(at),
      startedAt: new Date(at),
      runningSince: null,
      consumedMs: 0,
      pausedSince: null,
      pausedMs: 0,
      warnAt: null,
      dueAt: null,
      nextAlarm: null,
      status: 'running',
      warnedAt: null,
      breachedAt: null,
      closedAt: null,
      version: 1,
    };
    return withClock(base, clock, schedule(budgetOf(base), clock, timeline));
  }

  private closeWith(tx: OutboxTransaction, current: SlaDeadline, status: SlaDeadline['status'], at: number, timeline: Timeline): Promise<SlaDeadline> {
    return this.save(tx, this.closed(current, status, at, timeline));
  }

  /** The deadline closed at `at`: the clock folded into consumed and paused time, no alarm left. */
  private closed(current: SlaDeadline, status: SlaDeadline['status'], at: number, timeline: Timeline): SlaDeadline {
    const clock = clockOf(current);
    const paused = clock.pausedSince === null ? 0 : Math.max(0, at - clock.pausedSince);
    return {
      ...bump(current),
      consumedMs: consumedAt(clock, at, timeline),
      runningSince: null,
      pausedSince: null,
      pausedMs: clock.pausedMs + paused,
      nextAlarm: null,
      status,
      closedAt: new Date(at),
    };
  }

  private async save(tx: OutboxTransaction, after: SlaDeadline): Promise<SlaDeadline> {
    await this.repository.update(tx.manager, after);
    this.alarmsAfterCommit(tx, [after]);
    return after;
  }

  /**
   * sla.started.v1 for deadlines just started, written to the outbox as the transaction
   * commits (after the caller's own events, so a reader ordering by time sees the move first
   * and the deadline it started after it), exactly once with the rows that start them. A row
   * gone by then (a savepoint rolled back) is not announced.
   */
  private announce(tx: OutboxTransaction, started: readonly SlaDeadline[]): void {
    if (!(this.options.publishEvents ?? true) || started.length === 0) return;
    beforeCommit(tx.manager, async () => {
      // Rows go only with a savepoint rolled back: read which are left then, and only then.
      const kept = savepointRolledBack(tx.manager) ? new Set(await this.repository.existingIds(tx.manager, started.map((d) => d.id))) : undefined;
      const at = new Date(this.clock.now());
      await tx.publishMany(started.filter((d) => !kept || kept.has(d.id)).map((d) => ({ topic: 'sla.started.v1' as const, envelope: startedEvent(d, at) })));
    });
  }

  /**
   * After commit: arm the new alarms. Alarms that no longer ring need nothing: their slot
   * job finds them gone from the slot (or stale) and does nothing.
   */
  private alarmsAfterCommit(tx: OutboxTransaction, changed: readonly SlaDeadline[]): void {
    const arm = changed.map(alarmOf).filter((a): a is PendingAlarm => a !== null);
    if (arm.length === 0) return;
    afterCommit(tx.manager, () => this.alarms.arm(arm));
  }

  private async lockExisting(tx: OutboxTransaction, id: string): Promise<SlaDeadline> {
    const found = await this.repository.lock(tx.manager, id);
    if (!found) throw new DomainError('not_found', `SLA deadline ${id} not found`, undefined, { key: 'error.sla.deadlineNotFound', params: { id } });
    return found;
  }

  private async lockOpen(tx: OutboxTransaction, id: string, what: string): Promise<SlaDeadline> {
    const found = await this.lockExisting(tx, id);
    if (!isOpen(found)) throw new DomainError('conflict', `SLA deadline ${id} is ${found.status}; cannot ${what} it`, undefined, { key: 'error.sla.deadlineNotOpen', params: { id, status: found.status } });
    return found;
  }

  private instant(at?: Date): number {
    return at?.getTime() ?? this.clock.now();
  }
}

function bump(deadline: SlaDeadline): SlaDeadline {
  return { ...deadline, version: deadline.version + 1 };
}

function alarmOf(deadline: SlaDeadline): PendingAlarm | null {
  return deadline.nextAlarm ? { deadlineId: deadline.id, kind: deadline.nextAlarm.kind, version: deadline.version, at: deadline.nextAlarm.at.getTime() } : null;
}

/** The rung a deadline belongs to: the holder's, else the stage when it names a rung. */
function levelOf(holder: Holder, stage: string | undefined): Level | null {
  if (holder.level) return holder.level;
  return stage && (LEVELS as readonly string[]).includes(stage) ? (stage as Level) : null;
}
