import type { EventEnvelope } from '@grievance/contracts';
import { byGrievanceTime, HolderRef, holderOf, levelOf, payloadField, SUPERVISED_TYPE } from '../trace/event-facts';

export interface BreachView {
  eventId: string;
  grievanceId: string;
  deadlineId: string;
  target: string;
  holder: HolderRef;
  level: string | null;
  startedAt: string;
  dueAt: string;
  firedAt: string;
  budgetMs: number;
}

export function breachView(e: EventEnvelope): BreachView {
  const p = e.payload as Omit<BreachView, 'eventId' | 'grievanceId' | 'level'> & { level?: string };
  return {
    eventId: e.eventId,
    grievanceId: e.grievanceId,
    deadlineId: p.deadlineId,
    target: p.target,
    holder: p.holder,
    level: p.level ?? p.holder?.level ?? null,
    startedAt: p.startedAt,
    dueAt: p.dueAt,
    firedAt: p.firedAt,
    budgetMs: p.budgetMs,
  };
}

export interface SupervisedGrievance {
  grievanceId: string;
  /** When the first supervising event happened. */
  since: string;
  /** Who held it at the top rung when it came under supervision. */
  holder?: HolderRef;
  level?: string;
  /** The supervising unit (督办单位) that owns the latest round; absent for a supervision recorded before owners were named. */
  owner?: HolderRef;
  /** The latest round of supervision (1 the first; each missed follow-up adds one). */
  round: number;
  /** When the owner must have followed the latest round up; null when no follow-up deadline was named. */
  followUpDueAt: string | null;
  /** The events that put (or kept) it under supervision, oldest first; a grievance.supervised names its round. */
  causes: { eventId: string; type: string; occurredAt: string; cause?: string; target?: string; round?: number; owner?: HolderRef; followUpDueAt?: string }[];
  /** When the grievance closed since, if it did. */
  closedAt: string | null;
}

/** Groups supervising events by grievance, oldest supervision first. */
export function supervisedGrievances(rows: readonly { envelope: EventEnvelope; closedAt: Date | null }[]): SupervisedGrievance[] {
  const byGrievance = new Map<string, SupervisedGrievance>();
  for (const { envelope: e, closedAt } of [...rows].sort((a, b) => byGrievanceTime(a.envelope, b.envelope))) {
    let m = byGrievance.get(e.grievanceId);
    if (!m) {
      const holder = holderOf(e);
      const level = levelOf(e);
      m = {
        grievanceId: e.grievanceId,
        since: e.occurredAt,
        ...(holder ? { holder } : {}),
        ...(level ? { level } : {}),
        round: 1,
        followUpDueAt: null,
        causes: [],
        closedAt: closedAt ? closedAt.toISOString() : null,
      };
      byGrievance.set(e.grievanceId, m);
    }
    const cause = payloadField<string>(e, 'cause');
    const target = payloadField<string>(e, 'target');
    const supervised = e.type === SUPERVISED_TYPE;
    const round = supervised ? payloadField<number>(e, 'round') ?? 1 : undefined;
    const owner = supervised ? payloadField<HolderRef>(e, 'supervisor') : undefined;
    const due = supervised ? payloadField<string>(e, 'followUpDueAt') : undefined;
    m.causes.push({
      eventId: e.eventId,
      type: e.type,
      occurredAt: e.occurredAt,
      ...(cause ? { cause } : {}),
      ...(target ? { target } : {}),
      ...(round !== undefined ? { round } : {}),
      ...(owner ? { owner } : {}),
      ...(due ? { followUpDueAt: due } : {}),
    });
    // The latest round speaks for the supervision (rounds only grow; a redelivered older round changes nothing).
    if (round !== undefined && round >= m.round) {
      m.round = round;
      if (owner) m.owner = owner;
      if (due) m.followUpDueAt = due;
    }
  }
  return [...byGrievance.values()];
}
