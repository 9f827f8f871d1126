import type { EventEnvelope } from '@grievance/contracts';
import { byGrievanceTime, holderKey, HolderRef, holderOf, payloadField } from './event-facts';

export type DeadlineOutcome =
  /** Done by its due time. */
  | 'met'
  /** Done, but after its due time. */
  | 'late'
  /** Missed, and not done by that holder since. */
  | 'breached'
  /** No longer owed, neither done nor missed: handed to the next holder (a later sla.started carries it on), or the grievance ended (closed, linked). */
  | 'stopped'
  /** Neither done nor missed yet (as far as the events tell). */
  | 'open';

/** One deadline's story, replayed from its SLA events and the events that completed it. */
export interface DeadlineReplay {
  deadlineId: string;
  target: string;
  holder: HolderRef;
  level?: string;
  /** The stage and policy it was planned under (from sla.started). */
  stage?: string;
  policyId?: string;
  startedAt: string;
  dueAt: string;
  budgetMs: number;
  /** When the 80 % warning was planned (from sla.started), whether or not it fired. */
  warnAt?: string;
  warnedAt?: string;
  breachedAt?: string;
  /** The event that did what the deadline asked for (accept, respond, verify, resolve). */
  completedAt?: string;
  completedBy?: { eventId: string; type: string };
  /** When it stopped being owed without being done (outcome `stopped`), and the event that says so. */
  stoppedAt?: string;
  stoppedBy?: { eventId: string; type: string };
  outcome: DeadlineOutcome;
  /** completedAt − startedAt, when done. */
  tookMs?: number;
  /** How long past due it was done, or has been overdue at the last event seen. */
  overdueMs?: number;
  /** The holder's questions to the reporter while the deadline ran (grievance.paused → grievance.replied), when there were any. */
  pauses?: { pausedAt: string; resumedAt: string | null; pausedMs: number | null }[];
}

export interface SlaReplay {
  deadlines: DeadlineReplay[];
  /** The grievance's final SLA verdict, from grievance.closed.v1 when it has one. */
  verdict?: { slaMet: boolean; at: string; eventId: string };
}

interface Fired {
  deadlineId: string;
  target: string;
  holder: HolderRef;
  level?: string;
  startedAt: string;
  dueAt: string;
  firedAt: string;
  budgetMs: number;
}

interface Started {
  deadlineId: string;
  target: string;
  holder: HolderRef;
  level?: string;
  stage?: string;
  policyId: string;
  previousDeadlineId?: string;
  startedAt: string;
  dueAt?: string;
  warnAt?: string;
  budgetMs: number;
}

const STARTED_TYPE = 'sla.started';
/** Events after which the grievance owes nothing more (its open deadlines are cancelled). */
const ENDS_GRIEVANCE = ['grievance.closed', 'grievance.linked'];

/** Which event types complete a deadline of each target. */
const PAUSED_TYPE = 'grievance.paused';
const REPLIED_TYPE = 'grievance.replied';

const COMPLETES: Readonly<Record<string, readonly string[]>> = {
  accept: ['ticket.accepted', 'grievance.accepted'],
  respond: ['grievance.accepted', 'grievance.acknowledged', 'ticket.accepted'],
  verify: ['ticket.verified'],
  resolve: ['grievance.resolved', 'grievance.rejected'],
};

/** A deadline as its first SLA event tells it (the due time may come later, with a warning, for a clock that started stopped). */
type Replaying = Omit<DeadlineReplay, 'dueAt'> & { dueAt?: string };

function fromEvent(first: Fired | Started): Replaying {
  const level = first.level ?? first.holder.level;
  return {
    deadlineId: first.deadlineId,
    target: first.target,
    holder: first.holder,
    ...(level ? { level } : {}),
    startedAt: first.startedAt,
    ...(first.dueAt ? { dueAt: first.dueAt } : {}),
    budgetMs: first.budgetMs,
    outcome: 'open',
  };
}

/**
 * Replays every deadline of the grievance: those sla.started announced (met ones included),
 * and those only an sla.warned / sla.breached names (older events, from before deadlines were
 * announced). For each: target, holder and rung, stage and policy, start, due, the planned
 * and fired warning, the breach, and the first later event by the same holder that did what
 * the deadline asked (so met, late, breached, stopped or still open, and the time it took).
 */
export function replaySla(events: readonly EventEnvelope[]): SlaReplay {
  const sorted = [...events].sort(byGrievanceTime);
  const deadlines = new Map<string, Replaying>();
  /** Deadlines carried on by a later one, and the event that started it. */
  const carriedOn = new Map<string, EventEnvelope>();
  for (const event of sorted) {
    if (event.type === STARTED_TYPE) {
      const started = event.payload as Started;
      const d = deadlines.get(started.deadlineId) ?? fromEvent(started);
      d.stage ??= started.stage;
      d.policyId ??= started.policyId;
      d.warnAt ??= started.warnAt;
      d.dueAt ??= started.dueAt;
      if (d.stage === undefined) delete d.stage;
      if (d.warnAt === undefined) delete d.warnAt;
      deadlines.set(d.deadlineId, d);
      if (started.previousDeadlineId && !carriedOn.has(started.previousDeadlineId)) carriedOn.set(started.previousDeadlineId, event);
      continue;
    }
    if (event.type !== 'sla.warned' && event.type !== 'sla.breached') continue;
    const fired = event.payload as Fired;
    const d = deadlines.get(fired.deadlineId) ?? fromEvent(fired);
    // The due time the firing names is the one that held (a clock that started stopped had none).
    d.dueAt = fired.dueAt;
    if (event.type === 'sla.warned') d.warnedAt ??= fired.firedAt;
    else d.breachedAt ??= fired.firedAt;
    deadlines.set(d.deadlineId, d);
  }

  // Pauses: a question to the reporter stops the clock until the reply (read by type, so they need no code when absent).
  const pauses: { holder: string; pausedAt: string; resumedAt: string | null }[] = [];
  for (const e of sorted) {
    const by = holderOf(e);
    if (e.type === PAUSED_TYPE && by) pauses.push({ holder: holderKey(by), pausedAt: e.occurredAt, resumedAt: null });
    if (e.type === REPLIED_TYPE) {
      const open = [...pauses].reverse().find((p) => p.resumedAt === null);
      if (open) open.resumedAt = e.occurredAt;
    }
  }

  const last = sorted.length > 0 ? Date.parse(sorted[sorted.length - 1]!.occurredAt) : undefined;
  // A clock that started stopped and was never seen running again has no due time to draw.
  const replayed = [...deadlines.values()].filter((d): d is DeadlineReplay => d.dueAt !== undefined);
  for (const d of replayed) {
    const start = Date.parse(d.startedAt);
    const due = Date.parse(d.dueAt);
    const completing = COMPLETES[d.target] ?? [];
    // Once carried on to the next holder, what the holder does later is not this deadline's doing.
    const handedOver = carriedOn.get(d.deadlineId);
    const until = handedOver ? Date.parse(handedOver.occurredAt) : Number.POSITIVE_INFINITY;
    const done = sorted.find((e) => {
      if (!completing.includes(e.type) || Date.parse(e.occurredAt) < start || Date.parse(e.occurredAt) > until) return false;
      const by = holderOf(e);
      return by !== undefined && holderKey(by) === holderKey(d.holder);
    });
    if (done) {
      const at = Date.parse(done.occurredAt);
      d.completedAt = done.occurredAt;
      d.completedBy = { eventId: done.eventId, type: done.type };
      d.tookMs = at - start;
      d.outcome = at <= due ? 'met' : 'late';
      if (at > due) d.overdueMs = at - due;
    } else if (d.breachedAt) {
      d.outcome = 'breached';
      if (last !== undefined && last > due) d.overdueMs = last - due;
    } else {
      const stop = handedOver ?? sorted.find((e) => ENDS_GRIEVANCE.includes(e.type) && Date.parse(e.occurredAt) >= start);
      if (stop) {
        d.outcome = 'stopped';
        d.stoppedAt = stop.type === STARTED_TYPE ? (stop.payload as Started).startedAt : stop.occurredAt;
        d.stoppedBy = { eventId: stop.eventId, type: stop.type };
      }
    }
    const end = d.completedAt ? Date.parse(d.completedAt) : d.stoppedAt ? Date.parse(d.stoppedAt) : Number.POSITIVE_INFINITY;
    const during = pauses.filter((p) => p.holder === holderKey(d.holder) && Date.parse(p.pausedAt) >= start && Date.parse(p.pausedAt) <= end);
    if (during.length > 0) {
      d.pauses = during.map((p) => ({
        pausedAt: p.pausedAt,
        resumedAt: p.resumedAt,
        pausedMs: p.resumedAt === null ? null : Date.parse(p.resumedAt) - Date.parse(p.pausedAt),
      }));
    }
  }

  const closed = [...sorted].reverse().find((e) => e.type === 'grievance.closed' && typeof payloadField(e, 'slaMet') === 'boolean');
  return {
    deadlines: replayed.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.deadlineId < b.deadlineId ? -1 : 1)),
    ...(closed ? { verdict: { slaMet: payloadField<boolean>(closed, 'slaMet')!, at: closed.occurredAt, eventId: closed.eventId } } : {}),
  };
}
