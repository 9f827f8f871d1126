import type { EventEnvelope, GrievanceStatus, Holder, Level, PayloadOf, TopicName } from '@grievance/contracts';
import { message, type Message } from '@grievance/i18n';

/** The part of a matter the tracking view follows from events. */
export interface TrackedState {
  status: GrievanceStatus;
  /** When the current status was reached (occurredAt of the event that set it). */
  statusAt: Date;
  /** The occurredAt of the last reopening: events of the cycle before it change no status. */
  reopenedAt: Date | null;
  level: Level | null;
  levelAt: Date | null;
  holder: Holder | null;
  holderAt: Date | null;
  underSupervision: boolean;
  duplicateOf: string | null;
}

/** What one event says about a matter. */
export interface TrackingEffect {
  status?: GrievanceStatus;
  /** The event sends a resolved matter back to work (grievance.reopened). */
  reopen?: boolean;
  /** A new holder; null clears it (closed). */
  holder?: Holder | null;
  level?: Level;
  underSupervision?: true;
  duplicateOf?: string;
  /** A co-reporter the matter `duplicateOf` gains. */
  coReporter?: { grievanceId: string; reporterId: string };
  /** The history line, rendered in the reader's language when read. */
  summary: Message;
}

/** How far along the loop a status is; a status is never replaced by one of lower rank. */
export const STATUS_RANK: Readonly<Record<GrievanceStatus, number>> = {
  submitted: 0,
  routed: 1,
  dispatched: 2,
  accepted: 3,
  verified: 4,
  in_progress: 5,
  resolved: 6,
  rejected: 7,
  closed: 8,
};

const TOP_LEVEL: Level = 'two_new_committee';

/** The parameters that name a holder in a history line: its name (its id when it has none) and its type. */
const holderOf = (h: Holder) => ({ holder: h.name || h.id, holderType: h.type });

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
  'sla.breached.v1',
] as const satisfies readonly TopicName[];

export type TrackedTopic = (typeof TRACKED_TOPICS)[number];

/** What an event of a tracked topic says about its matter (pure). */
export function effectOf<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): TrackingEffect {
  const e = event as EventEnvelope<never>;
  switch (topic) {
    case 'grievance.submitted.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.submitted.v1'>>).payload;
      return { status: 'submitted', summary: message('history.submitted', { trackingNo: p.trackingNo }) };
    }
    case 'grievance.routed.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.routed.v1'>>).payload;
      return { status: 'routed', holder: p.holder, ...(p.level ? { level: p.level } : {}), summary: message(p.fallback ? 'history.routed.fallback' : 'history.routed', holderOf(p.holder)) };
    }
    case 'grievance.escalated.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.escalated.v1'>>).payload;
      return {
        holder: p.toHolder,
        level: p.toLevel,
        summary: message(p.automatic ? 'history.escalated.deadlineMissed' : 'history.escalated', { from: p.fromLevel, to: p.toLevel, reason: p.reason }),
      };
    }
    case 'grievance.returned.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.returned.v1'>>).payload;
      return { holder: p.toHolder, level: p.toLevel, summary: message('history.returned', { from: p.fromLevel, to: p.toLevel, ...holderOf(p.toHolder), reason: p.reason }) };
    }
    case 'grievance.supervised.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.supervised.v1'>>).payload;
      return { underSupervision: true, summary: message('history.supervised', { reason: p.reason }) };
    }
    case 'grievance.paused.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.paused.v1'>>).payload;
      return { summary: message('history.paused', { ...holderOf(p.holder), question: p.question }) };
    }
    case 'grievance.replied.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.replied.v1'>>).payload;
      return {
        summary: p.resumedBy ? message('history.resumed', { ...holderOf(p.resumedBy), message: p.message }) : message('history.replied', { message: p.message }),
      };
    }
    case 'ticket.dispatched.v1': {
      const p = (e as EventEnvelope<PayloadOf<'ticket.dispatched.v1'>>).payload;
      return {
        status: 'dispatched',
        holder: { type: 'grid_worker', id: p.gridWorkerId, name: p.gridWorkerId },
        summary: message(p.attempt > 1 ? 'history.dispatched.again' : 'history.dispatched', { gridWorker: p.gridWorkerId, attempt: p.attempt }),
      };
    }
    case 'ticket.accepted.v1': {
      const p = (e as EventEnvelope<PayloadOf<'ticket.accepted.v1'>>).payload;
      return { status: 'accepted', holder: { type: 'grid_worker', id: p.gridWorkerId, name: p.gridWorkerId }, summary: message('history.ticketAccepted', { gridWorker: p.gridWorkerId }) };
    }
    case 'ticket.verified.v1': {
      const p = (e as EventEnvelope<PayloadOf<'ticket.verified.v1'>>).payload;
      return { summary: p.note ? message('history.verified.withNote', { gridWorker: p.gridWorkerId, verdict: p.verdict, note: p.note }) : message('history.verified', { gridWorker: p.gridWorkerId, verdict: p.verdict }) };
    }
    case 'grievance.assigned.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.assigned.v1'>>).payload;
      const status: GrievanceStatus = p.reason === 'verified_on_site' ? 'verified' : p.reason === 'fallback' ? 'routed' : 'in_progress';
      return { status, holder: p.holder, summary: message('history.assigned', { ...holderOf(p.holder), reason: p.reason }) };
    }
    case 'grievance.accepted.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.accepted.v1'>>).payload;
      return { status: 'in_progress', holder: p.holder, summary: message('history.accepted', holderOf(p.holder)) };
    }
    case 'grievance.rejected.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.rejected.v1'>>).payload;
      return { status: 'rejected', holder: null, summary: message('history.rejected', { ...holderOf(p.rejectedBy), reason: p.reason }) };
    }
    case 'grievance.linked.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.linked.v1'>>).payload;
      return {
        duplicateOf: p.duplicateOf,
        coReporter: { grievanceId: p.duplicateOf, reporterId: p.reporterId },
        summary: message('history.linked', { duplicateOf: p.duplicateOf }),
      };
    }
    case 'grievance.resolved.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.resolved.v1'>>).payload;
      return { status: 'resolved', holder: p.resolvedBy, summary: message('history.resolved', { ...holderOf(p.resolvedBy), resolution: p.resolution }) };
    }
    case 'feedback.rated.v1': {
      const p = (e as EventEnvelope<PayloadOf<'feedback.rated.v1'>>).payload;
      return { summary: message('history.rated', { rating: p.rating }) };
    }
    case 'grievance.reopened.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.reopened.v1'>>).payload;
      return { status: 'in_progress', reopen: true, holder: p.reopenedTo, ...(p.level ? { level: p.level } : {}), summary: message('history.reopened', { ...holderOf(p.reopenedTo), reason: p.reason }) };
    }
    case 'grievance.closed.v1': {
      const p = (e as EventEnvelope<PayloadOf<'grievance.closed.v1'>>).payload;
      return { status: 'closed', holder: null, summary: p.rating ? message('history.closed.rated', { outcome: p.outcome, rating: p.rating }) : message('history.closed', { outcome: p.outcome }) };
    }
    case 'sla.breached.v1': {
      const p = (e as EventEnvelope<PayloadOf<'sla.breached.v1'>>).payload;
      const top = p.level === TOP_LEVEL || p.holder.level === TOP_LEVEL;
      return { ...(top ? { underSupervision: true as const } : {}), summary: message(top ? 'history.breached.supervised' : 'history.breached', { ...holderOf(p.holder), target: p.target }) };
    }
    default:
      return { summary: message('history.other', { type: event.type }) };
  }
}

/**
 * Applies an effect that occurred at `at` to a state, whatever order events arrive in:
 * - the status only moves forward (by STATUS_RANK); closed is final;
 * - a reopening (later than the current status) sends a resolved matter back to
 *   in_progress, and from then on events that occurred before it change no status;
 * - holder and level follow the latest event that set them (by occurredAt), except that an
 *   event whose status was refused as stale moves no holder;
 * - underSupervision, once true, stays true; duplicateOf is set once.
 */
export function applyEffect(state: TrackedState, effect: TrackingEffect, at: Date): TrackedState {
  const next: TrackedState = { ...state };
  const t = at.getTime();
  const beforeReopen = state.reopenedAt !== null && t < state.reopenedAt.getTime();
  if (effect.status !== undefined && state.status !== 'closed') {
    if (effect.reopen) {
      if (state.status !== 'rejected' && t > state.statusAt.getTime() && (state.reopenedAt === null || t > state.reopenedAt.getTime())) {
        next.status = effect.status;
        next.statusAt = at;
      }
    } else if (!beforeReopen && STATUS_RANK[effect.status] > STATUS_RANK[state.status]) {
      next.status = effect.status;
      next.statusAt = at;
    }
  }
  // A reopening is remembered even when it changes no status (e.g. it arrived after the close).
  if (effect.reopen && (state.reopenedAt === null || t > state.reopenedAt.getTime())) next.reopenedAt = at;
  // An event whose status was refused as stale does not move the holder either.
  const stale = beforeReopen || (effect.status !== undefined && next.status === state.status && effect.status !== state.status);
  if (effect.holder !== undefined && !stale && (state.holderAt === null || t >= state.holderAt.getTime())) {
    next.holder = effect.holder;
    next.holderAt = at;
  }
  if (effect.level !== undefined && (state.levelAt === null || t >= state.levelAt.getTime())) {
    next.level = effect.level;
    next.levelAt = at;
  }
  if (effect.underSupervision) next.underSupervision = true;
  if (effect.duplicateOf !== undefined && state.duplicateOf === null) next.duplicateOf = effect.duplicateOf;
  return next;
}
