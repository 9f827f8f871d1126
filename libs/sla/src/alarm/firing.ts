import { createEnvelope, EventEnvelope, SlaDeadlineFired, SYSTEM_ACTOR } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { AlarmKind } from '../deadline/deadline-math';
import { SlaDeadline } from '../deadline/deadline';
import { DeadlineRepository } from '../persistence/deadline-repository';
import { SlaClock } from './precise-timer';

/** An alarm that rang: which deadline, which alarm, for which version of its schedule. */
export interface FireRequest {
  deadlineId: string;
  kind: AlarmKind;
  version: number;
}

export type FireOutcome =
  /** The warning or the breach fired now (`kind` may be `breach` for a warn alarm that rang after the due moment). */
  | { result: 'fired'; kind: AlarmKind; firedAt: number }
  /** Nothing to do: the deadline moved on (paused, resumed, completed, handed over) or fired already. */
  | { result: 'stale' }
  /** Rang early: nothing is due yet; the alarm of this kind rings at `at`. */
  | { result: 'early'; kind: AlarmKind; at: number };

/** A warning or breach that fired, as the owner's handler and the observers see it. */
export interface FiredDeadline {
  kind: AlarmKind;
  /** The deadline after firing (warnedAt or breachedAt set). */
  deadline: SlaDeadline;
  firedAt: Date;
  /** The sla.warned.v1 / sla.breached.v1 envelope (written to the outbox unless publishing is off). */
  event: EventEnvelope<SlaDeadlineFired>;
}

/**
 * The owner's reaction, run inside the firing transaction (so a breach and its
 * escalation commit together, or neither does). Throwing rolls the firing back; the
 * alarm is retried with backoff, then kept as a failed job for inspection.
 */
export interface SlaHandlers {
  onWarned?(fired: FiredDeadline, tx: OutboxTransaction): Promise<void>;
  onBreached?(fired: FiredDeadline, tx: OutboxTransaction): Promise<void>;
}

export interface FiringHooks {
  /** Called inside the transaction with what fired, to arm the next alarms after commit. */
  committed(tx: OutboxTransaction, fired: FiredDeadline[]): void;
}

/**
 * What a deadline says an alarm that rang at `now` should do: the rule of firing. The
 * firing itself runs it in SQL (DeadlineRepository.fireDue, same conditions) and uses this
 * to tell early from stale for the alarms that did not fire.
 */
export function decide(deadline: SlaDeadline | undefined, request: FireRequest, now: number): FireOutcome | { result: 'fire'; kind: AlarmKind } {
  if (!deadline || deadline.version !== request.version || deadline.status !== 'running') return { result: 'stale' };
  if (deadline.breachedAt === null && deadline.dueAt !== null && deadline.dueAt.getTime() <= now) return { result: 'fire', kind: 'breach' };
  const next = deadline.nextAlarm;
  if (!next) return { result: 'stale' };
  if (next.kind === 'warn' && deadline.warnedAt === null && next.at.getTime() <= now) return { result: 'fire', kind: 'warn' };
  // Another alarm covers what comes next (the breach after a warning that fired).
  if (next.kind !== request.kind) return { result: 'stale' };
  return { result: 'early', kind: next.kind, at: next.at.getTime() };
}

export function firedPayload(deadline: SlaDeadline, firedAt: Date): SlaDeadlineFired {
  return {
    deadlineId: deadline.id,
    target: deadline.target,
    holder: deadline.holder,
    ...(deadline.level ? { level: deadline.level } : {}),
    startedAt: deadline.clockStartedAt.toISOString(),
    dueAt: (deadline.dueAt ?? firedAt).toISOString(),
    firedAt: firedAt.toISOString(),
    budgetMs: deadline.budgetMs,
  };
}

/**
 * Fires alarms that rang, many per transaction: one UPDATE locks the deadlines, re-checks
 * each against its current state (an early, late, stale or repeated alarm changes
 * nothing) and marks what is due as warned or breached at the real time of firing (never
 * back-dated); then the events go to the outbox and the owner's handlers run, all in the
 * same transaction.
 */
export class DeadlineFiring {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly repository: DeadlineRepository,
    private readonly clock: SlaClock,
    private readonly handlers: SlaHandlers,
    private readonly publishEvents: boolean,
    private readonly hooks: FiringHooks,
  ) {}

  async fire(requests: FireRequest[]): Promise<Map<FireRequest, FireOutcome>> {
    return this.outbox.run(async (tx) => {
      const now = this.clock.now();
      const firedAt = new Date(now);
      // Lock, re-check and mark in one statement (one request per deadline: the first wins).
      const byId = new Map<string, FireRequest>();
      for (const r of requests) if (!byId.has(r.deadlineId)) byId.set(r.deadlineId, r);
      const done = await this.repository.fireDue(tx.manager, [...byId.values()], firedAt);
      const outcomes = new Map<FireRequest, FireOutcome>();
      const firedById = new Map<string, FiredDeadline>();
      const fired: FiredDeadline[] = done.map(({ kind, deadline }) => {
        const event = createEnvelope({
          topic: topicOf(kind),
          grievanceId: deadline.grievanceId,
          actor: SYSTEM_ACTOR,
          correlationId: deadline.correlationId,
          causationId: deadline.causationId,
          payload: firedPayload(deadline, firedAt),
          occurredAt: firedAt,
        });
        const f: FiredDeadline = { kind, deadline, firedAt, event };
        firedById.set(deadline.id, f);
        return f;
      });
      // What did not fire was early or stale: read those (usually none) to say which.
      const rest = requests.filter((r) => !firedById.has(r.deadlineId) || byId.get(r.deadlineId) !== r);
      const current = rest.length ? new Map((await this.repository.findMany(tx.manager, [...new Set(rest.map((r) => r.deadlineId))])).map((d) => [d.id, d] as const)) : new Map<string, SlaDeadline>();
      for (const request of requests) {
        const f = firedById.get(request.deadlineId);
        if (f && byId.get(request.deadlineId) === request) {
          outcomes.set(request, { result: 'fired', kind: f.kind, firedAt: now });
          continue;
        }
        const decision = decide(current.get(request.deadlineId), request, now);
        outcomes.set(request, decision.result === 'fire' ? { result: 'early', kind: decision.kind, at: now } : decision);
      }
      if (fired.length === 0) return outcomes;
      if (this.publishEvents) await publishFired(tx, fired);
      for (const f of fired) {
        if (f.kind === 'warn') await this.handlers.onWarned?.(f, tx);
        else await this.handlers.onBreached?.(f, tx);
      }
      this.hooks.committed(tx, fired);
      return outcomes;
    });
  }
}

const topicOf = (kind: AlarmKind) => (kind === 'warn' ? 'sla.warned.v1' : 'sla.breached.v1');

/** Writes the events of a firing batch to the outbox, in order, in one statement. */
export async function publishFired(tx: OutboxTransaction, fired: readonly FiredDeadline[]): Promise<void> {
  await tx.publishMany(fired.map((f) => ({ topic: topicOf(f.kind), envelope: f.event })));
}
