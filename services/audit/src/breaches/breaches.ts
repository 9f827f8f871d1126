import type { EventEnvelope } from '@grievance/contracts';
import { byMatterTime, HolderRef, holderOf, levelOf, payloadField } from '../trace/event-facts';

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

export interface SupervisedMatter {
  grievanceId: string;
  /** When the first supervising event happened. */
  since: string;
  /** Who held it at the top rung when it came under supervision. */
  holder?: HolderRef;
  level?: string;
  /** The events that put (or kept) it under supervision, oldest first. */
  causes: { eventId: string; type: string; occurredAt: string; cause?: string; target?: string }[];
  /** When the matter closed since, if it did. */
  closedAt: string | null;
}

/** Groups supervising events by matter, oldest supervision first. */
export function supervisedMatters(rows: readonly { envelope: EventEnvelope; closedAt: Date | null }[]): SupervisedMatter[] {
  const byMatter = new Map<string, SupervisedMatter>();
  for (const { envelope: e, closedAt } of [...rows].sort((a, b) => byMatterTime(a.envelope, b.envelope))) {
    let m = byMatter.get(e.grievanceId);
    if (!m) {
      const holder = holderOf(e);
      const level = levelOf(e);
      m = { grievanceId: e.grievanceId, since: e.occurredAt, ...(holder ? { holder } : {}), ...(level ? { level } : {}), causes: [], closedAt: closedAt ? closedAt.toISOString() : null };
      byMatter.set(e.grievanceId, m);
    }
    const cause = payloadField<string>(e, 'cause');
    const target = payloadField<string>(e, 'target');
    m.causes.push({ eventId: e.eventId, type: e.type, occurredAt: e.occurredAt, ...(cause ? { cause } : {}), ...(target ? { target } : {}) });
  }
  return [...byMatter.values()];
}
