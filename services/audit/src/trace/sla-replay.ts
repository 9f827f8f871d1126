import type { EventEnvelope } from '@grievance/contracts';
import { byMatterTime, holderKey, HolderRef, holderOf, payloadField } from './event-facts';

export type DeadlineOutcome =
  /** Done by its due time. */
  | 'met'
  /** Done, but after its due time. */
  | 'late'
  /** Missed, and not done by that holder since. */
  | 'breached'
  /** Neither done nor missed yet (as far as the events tell). */
  | 'open';

/** One deadline's story, replayed from its SLA events and the events that completed it. */
export interface DeadlineReplay {
  deadlineId: string;
  target: string;
  holder: HolderRef;
  level?: string;
  startedAt: string;
  dueAt: string;
  budgetMs: number;
  warnedAt?: string;
  breachedAt?: string;
  /** The event that did what the deadline asked for (accept, respond, verify, resolve). */
  completedAt?: string;
  completedBy?: { eventId: string; type: string };
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
  /** The matter's final SLA verdict, from grievance.closed.v1 when it has one. */
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

/** Which event types complete a deadline of each target. */
const PAUSED_TYPE = 'grievance.paused';
const REPLIED_TYPE = 'grievance.replied';

const COMPLETES: Readonly<Record<string, readonly string[]>> = {
  accept: ['ticket.accepted', 'grievance.accepted'],
  respond: ['grievance.accepted', 'grievance.acknowledged', 'ticket.accepted'],
  verify: ['ticket.verified'],
  resolve: ['grievance.resolved', 'grievance.rejected'],
};

/**
 * Replays every deadline the matter's sla.warned / sla.breached events name: its target,
 * holder and rung, start, due, warning, breach, and the first later event by the same
 * holder that did what the deadline asked (so met, late, breached or still open, and the
 * time it took). A deadline that never warned nor broke leaves no event and is not listed.
 */
export function replaySla(events: readonly EventEnvelope[]): SlaReplay {
  const sorted = [...events].sort(byMatterTime);
  const deadlines = new Map<string, DeadlineReplay>();
  for (const event of sorted) {
    if (event.type !== 'sla.warned' && event.type !== 'sla.breached') continue;
    const fired = event.payload as Fired;
    const d =
      deadlines.get(fired.deadlineId) ??
      ({
        deadlineId: fired.deadlineId,
        target: fired.target,
        holder: fired.holder,
        ...(fired.level ?? fired.holder.level ? { level: fired.level ?? fired.holder.level } : {}),
        startedAt: fired.startedAt,
        dueAt: fired.dueAt,
        budgetMs: fired.budgetMs,
        outcome: 'open',
      } satisfies DeadlineReplay);
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
  for (const d of deadlines.values()) {
    const start = Date.parse(d.startedAt);
    const due = Date.parse(d.dueAt);
    const completing = COMPLETES[d.target] ?? [];
    const done = sorted.find((e) => {
      if (!completing.includes(e.type) || Date.parse(e.occurredAt) < start) return false;
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
    }
    const end = d.completedAt ? Date.parse(d.completedAt) : Number.POSITIVE_INFINITY;
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
    deadlines: [...deadlines.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.deadlineId < b.deadlineId ? -1 : 1)),
    ...(closed ? { verdict: { slaMet: payloadField<boolean>(closed, 'slaMet')!, at: closed.occurredAt, eventId: closed.eventId } } : {}),
  };
}
