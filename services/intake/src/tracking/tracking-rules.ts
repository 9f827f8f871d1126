import { grievanceStateAfter, linkedByDuplicateCheck, supervisionRoundOf, TOP_LEVEL, type EventEnvelope, type GrievanceState, type Holder, type HolderRef, type PayloadOf, type TopicName } from '@grievance/contracts';
import { formatDateTime, message, type Message } from '@grievance/i18n';

/**
 * The part of a grievance the tracking view follows from events: the grievance's state as the
 * contracts read it (status, holder, level, supervision, with the times that order them),
 * and the original a duplicate follows.
 */
export interface TrackedState extends Omit<GrievanceState, 'holder' | 'statusAt'> {
  /** From the submission on. */
  statusAt: Date;
  /** The view always names the holder: a grid worker known only by id is named by it. */
  holder: Holder | null;
  duplicateOf: string | null;
}

/** The topics the tracking view follows. */
export const TRACKED_TOPICS = [
  'grievance.submitted.v1',
  'grievance.routed.v1',
  'grievance.escalated.v1',
  'grievance.returned.v1',
  'grievance.supervised.v1',
  'grievance.paused.v1',
  'grievance.replied.v1',
  'ticket.dispatched.v1',
  'ticket.accepted.v1',
  'ticket.verified.v1',
  'grievance.assigned.v1',
  'grievance.accepted.v1',
  'grievance.rejected.v1',
  'grievance.linked.v1',
  'grievance.resolved.v1',
  'feedback.rated.v1',
  'grievance.reopened.v1',
  'grievance.closed.v1',
  'grievance.contested.v1',
  'grievance.referred-to-supervision.v1',
  'sla.breached.v1',
] as const satisfies readonly TopicName[];

export type TrackedTopic = (typeof TRACKED_TOPICS)[number];

const named = (h: HolderRef): Holder => ({ ...h, name: h.name ?? h.id });

/**
 * The tracked state after one event (pure): the grievance's state by the contracts' reducer,
 * so order and redelivery do not grievance, and the original of a duplicate, set once.
 */
export function trackedStateAfter<T extends TrackedTopic>(state: TrackedState, topic: T, event: EventEnvelope<PayloadOf<T>>): TrackedState {
  const next = grievanceStateAfter(state, topic, event);
  const link = linkOf(topic, event);
  return {
    ...next,
    statusAt: next.statusAt ?? state.statusAt,
    holder: next.holder === null ? null : named(next.holder),
    duplicateOf: state.duplicateOf ?? link?.duplicateOf ?? null,
  };
}

/** The link a grievance.linked makes: the original, and the co-reporter it gains. */
export interface Link {
  duplicateOf: string;
  reporterId: string;
}

const LINKS: { [K in TrackedTopic]?: (p: PayloadOf<K>) => Link } = {
  'grievance.linked.v1': (p) => ({ duplicateOf: p.duplicateOf, reporterId: p.reporterId }),
};

/** The link an event makes, if it makes one (pure). */
export function linkOf<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Link | undefined {
  return LINKS[topic]?.(event.payload);
}

/** The category an on-site check corrected the grievance to, if it corrected one (pure). */
export function correctedCategoryOf<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): string | undefined {
  if (topic !== 'ticket.verified.v1') return undefined;
  const p = event.payload as PayloadOf<'ticket.verified.v1'>;
  return p.verdict === 'confirmed' ? p.correctedCategory : undefined;
}

/** A resolution as the tracking view keeps it: who resolved the grievance, what they said, and their fix photos. */
export interface Resolution {
  resolvedAt: Date;
  resolvedBy: Holder;
  resolution: string;
  attachmentIds: string[];
}

/** The resolution an event reports, if it reports one (pure). */
export function resolutionOf<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Resolution | undefined {
  if (topic !== 'grievance.resolved.v1') return undefined;
  const p = event.payload as PayloadOf<'grievance.resolved.v1'>;
  return { resolvedAt: new Date(event.occurredAt), resolvedBy: named(p.resolvedBy), resolution: p.resolution, attachmentIds: [...new Set(p.attachmentIds)] };
}

/** The parameters that name a holder in a history line: its name (its id when it has none) and its type. */
const holderOf = (h: Holder) => ({ holder: h.name || h.id, holderType: h.type });

/** The history line of each tracked topic, rendered in the reader's language when read. */
const HISTORY: { [K in TrackedTopic]: (p: PayloadOf<K>) => Message } = {
  'grievance.submitted.v1': (p) => message('history.submitted', { trackingNo: p.trackingNo }),
  'grievance.routed.v1': (p) => message(p.fallback ? 'history.routed.fallback' : 'history.routed', holderOf(p.holder)),
  'grievance.escalated.v1': (p) => message(p.automatic ? 'history.escalated.deadlineMissed' : 'history.escalated', { from: p.fromLevel, to: p.toLevel, reason: p.reason }),
  'grievance.returned.v1': (p) => message('history.returned', { from: p.fromLevel, to: p.toLevel, ...holderOf(p.toHolder), reason: p.reason }),
  'grievance.supervised.v1': (p) =>
    p.supervisor
      ? message('history.supervised.owned', {
          round: supervisionRoundOf(p),
          supervisor: p.supervisor.name || p.supervisor.id,
          ...holderOf(p.holder),
          due: p.followUpDueAt ? formatDateTime(new Date(p.followUpDueAt)) : '—',
          reason: p.reason,
        })
      : message('history.supervised', { reason: p.reason }),
  'grievance.paused.v1': (p) => message('history.paused', { ...holderOf(p.holder), question: p.question }),
  'grievance.replied.v1': (p) => (p.resumedBy ? message('history.resumed', { ...holderOf(p.resumedBy), message: p.message }) : message('history.replied', { message: p.message })),
  'ticket.dispatched.v1': (p) => message(p.attempt > 1 ? 'history.dispatched.again' : 'history.dispatched', { gridWorker: p.gridWorkerId, attempt: p.attempt }),
  'ticket.accepted.v1': (p) => message('history.ticketAccepted', { gridWorker: p.gridWorkerId }),
  'ticket.verified.v1': (p) =>
    p.correctedCategory
      ? message('history.verified.corrected', { gridWorker: p.gridWorkerId, verdict: p.verdict, category: p.correctedCategory })
      : p.note
      ? message('history.verified.withNote', { gridWorker: p.gridWorkerId, verdict: p.verdict, note: p.note })
      : message('history.verified', { gridWorker: p.gridWorkerId, verdict: p.verdict }),
  'grievance.assigned.v1': (p) => message('history.assigned', { ...holderOf(p.holder), reason: p.reason }),
  'grievance.accepted.v1': (p) => message('history.accepted', holderOf(p.holder)),
  'grievance.rejected.v1': (p) => message('history.rejected', { ...holderOf(p.rejectedBy), reason: p.reason }),
  'grievance.linked.v1': (p) => message(linkedByDuplicateCheck(p) ? 'history.linkedNearby' : 'history.linked', { duplicateOf: p.duplicateOf }),
  'grievance.resolved.v1': (p) => message('history.resolved', { ...holderOf(p.resolvedBy), resolution: p.resolution }),
  'feedback.rated.v1': (p) => message('history.rated', { rating: p.rating }),
  'grievance.reopened.v1': (p) => message('history.reopened', { ...holderOf(p.reopenedTo), reason: p.reason }),
  'grievance.closed.v1': (p) => (p.rating ? message('history.closed.rated', { outcome: p.outcome, rating: p.rating }) : message('history.closed', { outcome: p.outcome })),
  'grievance.contested.v1': (p) => message('history.contested', { gridWorker: p.verdictBy.name || p.verdictBy.id, reason: p.reason }),
  'grievance.referred-to-supervision.v1': (p) =>
    message('history.referredToSupervision', { count: p.unsatisfiedRatings, from: p.fromHolder.name || p.fromHolder.id, ...holderOf(p.toHolder), reason: p.reason }),
  'sla.breached.v1': (p) => {
    const top = p.level === TOP_LEVEL || p.holder.level === TOP_LEVEL;
    return message(top ? 'history.breached.supervised' : 'history.breached', { ...holderOf(p.holder), target: p.target });
  },
};

/** The history line one event of a tracked topic writes (pure). */
export function historyLine<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Message {
  const line: ((p: PayloadOf<T>) => Message) | undefined = HISTORY[topic];
  return line ? line(event.payload) : message('history.other', { type: event.type });
}
