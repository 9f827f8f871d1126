/**
 * A grievance's state — its status, who holds it and at which rung of the chain — read from
 * its events. One reducer, and every reader of the state (intake's tracking view, feedback's
 * grievances, audit's grievance index) uses it.
 *
 * Why a reducer every reader uses, and not "every event carries the state": each fact has
 * its own producer, which knows its part and no more (grid-dispatch knows the ticket, not the
 * rung; feedback knows the rating, not the department). Putting the whole state on every
 * payload would make each producer keep a copy of the others' facts, and would change every
 * topic on the wire (a new version of each). The events stay as they are; what they mean for
 * the state is written once, here, beside the catalogue it reads, so a topic added to the
 * catalogue does not compile until it says what it does to the state.
 *
 * The reading does not depend on the order events arrive in, nor on redelivery:
 * - the status only moves forward (by STATUS_RANK), and closed is final;
 * - a reopening later than the current status sends the grievance back to in_progress, and from
 *   then on events that occurred before it change no status;
 * - a contest of an invalid verdict is a reopening that may bring back even a rejected or closed
 *   grievance (to routed: it waits for another grid worker's check); the rejection and close it
 *   answers occurred before it, so they change no status after it;
 * - holder and level follow the latest event (by occurredAt) that sets them, but an event whose
 *   status was refused as stale moves no holder;
 * - underSupervision, once true, stays true; supervisionRound is the highest round of 督办 seen
 *   (a grievance.supervised.v1 without a round is round 1).
 * A reader that keeps no times (null) gets the same rules, with arrival order breaking ties.
 */
import type { EventEnvelope } from './envelope';
import type { Holder } from './events/common';
import { supervisionRoundOf } from './events/escalation-chain.v1';
import { CatalogueTopic, PayloadOf, TopicPayloads, TOPICS } from './topics';
import type { GrievanceStatus, HolderType, Level } from './vocabulary';

/** Who must act on the grievance, whatever the payload called it (holder, toHolder, reopenedTo, resolvedBy, a grid worker's id). */
export interface HolderRef {
  type: HolderType;
  id: string;
  /** Absent when the event names only an id (a grid worker of a ticket). */
  name?: string;
  /** The rung of the escalation chain, when the holder is one. */
  level?: Level;
}

export interface GrievanceState {
  status: GrievanceStatus;
  /** Null before anyone holds it, and after it is rejected or closed. */
  holder: HolderRef | null;
  level: Level | null;
  /** 督办: the top rung missed its deadline, or the reporter rejected what it did. */
  underSupervision: boolean;
  /** Which round of 督办 the grievance is in: 0 before any grievance.supervised, then 1, 2, … (each missed follow-up adds one). */
  supervisionRound: number;
  /** When the status was reached (occurredAt of the event that set it). */
  statusAt: Date | null;
  /** The occurredAt of the last reopening: events of the cycle before it change no status. */
  reopenedAt: Date | null;
  holderAt: Date | null;
  levelAt: Date | null;
}

/** A grievance just handed in; `submittedAt` when the reader knows it. */
export const submittedGrievanceState = (submittedAt: Date | null = null): GrievanceState => ({
  status: 'submitted',
  holder: null,
  level: null,
  underSupervision: false,
  supervisionRound: 0,
  statusAt: submittedAt,
  reopenedAt: null,
  holderAt: null,
  levelAt: null,
});

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

/** The top rung: a breach there puts the grievance under supervision. */
export const TOP_LEVEL: Level = 'two_new_committee';

/** What one event says about the state. */
interface StateReading {
  status?: GrievanceStatus;
  /** The event sends a resolved grievance back to work (grievance.reopened). */
  reopen?: true;
  /** The reopening may bring back a rejected or closed grievance too (grievance.contested). */
  revive?: true;
  /** The holder after the event; null: nobody holds it any more. */
  holder?: HolderRef | null;
  level?: Level;
  underSupervision?: true;
  /** The round of supervision the event starts (grievance.supervised). */
  supervisionRound?: number;
}

/** The same holder, with only the fields of a holder (a payload may carry it as a class instance). */
export const holderRef = (h: Pick<Holder, 'type' | 'id'> & { name?: string; level?: Level }): HolderRef => ({
  type: h.type,
  id: h.id,
  ...(h.name !== undefined ? { name: h.name } : {}),
  ...(h.level !== undefined ? { level: h.level } : {}),
});

const gridWorker = (id: string): HolderRef => ({ type: 'grid_worker', id });

/**
 * The holders one event names, whatever the payload called them: the one it hands the grievance
 * to, or that acted or was timed as its holder (`holder`, with its rung), and the one it took
 * the grievance from (`from`). A reader of single events (a trace, a rate) reads holders here.
 */
export interface NamedHolders {
  holder?: HolderRef;
  level?: Level;
  from?: HolderRef;
}

/** A holder the event names, at the rung the event gives, else the holder's own. */
const named = (holder: Holder, level?: Level): NamedHolders => {
  const ref = holderRef(holder);
  const rung = level ?? ref.level;
  return { holder: ref, ...(rung ? { level: rung } : {}) };
};

const NO_CHANGE: StateReading = {};

/** Every topic of the catalogue and what it says about the state: a new topic must be added here. */
const READINGS: { [K in CatalogueTopic]: (payload: TopicPayloads[K]) => StateReading } = {
  'grievance.submitted.v1': () => ({ status: 'submitted' }),
  'grievance.routed.v1': (p) => ({ status: 'routed', ...named(p.holder, p.level) }),
  'grievance.escalated.v1': (p) => named(p.toHolder, p.toLevel),
  'grievance.returned.v1': (p) => named(p.toHolder, p.toLevel),
  'grievance.supervised.v1': (p) => ({ underSupervision: true, supervisionRound: supervisionRoundOf(p) }),
  'grievance.department-returned.v1': (p) => named(p.toHolder),
  'grievance.transferred.v1': (p) => named(p.toHolder),
  'grievance.paused.v1': () => NO_CHANGE,
  'grievance.replied.v1': () => NO_CHANGE,
  'ticket.dispatched.v1': (p) => ({ status: 'dispatched', holder: gridWorker(p.gridWorkerId) }),
  'ticket.accepted.v1': (p) => ({ status: 'accepted', holder: gridWorker(p.gridWorkerId) }),
  // The verdict is routing's to apply: the status moves with the grievance.assigned / rejected / linked it causes.
  'ticket.verified.v1': () => NO_CHANGE,
  'grievance.assigned.v1': (p) => ({
    status: p.reason === 'verified_on_site' ? 'verified' : p.reason === 'fallback' ? 'routed' : 'in_progress',
    ...named(p.holder),
  }),
  'grievance.accepted.v1': (p) => ({ status: 'in_progress', holder: holderRef(p.holder) }),
  'grievance.rejected.v1': () => ({ status: 'rejected', holder: null }),
  // The duplicate follows its original (its readers keep the link): neither its status nor its holder moves.
  'grievance.linked.v1': () => NO_CHANGE,
  'grievance.resolved.v1': (p) => ({ status: 'resolved', holder: holderRef(p.resolvedBy) }),
  'feedback.rated.v1': () => NO_CHANGE,
  'grievance.reopened.v1': (p) => ({ status: 'in_progress', reopen: true, ...named(p.reopenedTo, p.level) }),
  'grievance.closed.v1': () => ({ status: 'closed', holder: null }),
  // The invalid verdict is contested: nobody holds the grievance until another grid worker is dispatched.
  'grievance.contested.v1': () => ({ status: 'routed', reopen: true, revive: true }),
  'grievance.referred-to-supervision.v1': (p) => ({ status: 'in_progress', ...named(p.toHolder), underSupervision: true }),
  // A deadline starting moves nothing: the move that caused it (routed, escalated, dispatched...) says where the grievance is.
  'sla.started.v1': () => NO_CHANGE,
  'sla.warned.v1': () => NO_CHANGE,
  'sla.breached.v1': (p) => (p.level === TOP_LEVEL || p.holder.level === TOP_LEVEL ? { underSupervision: true } : NO_CHANGE),
  'sla.policy-changed.v1': () => NO_CHANGE,
  'points.awarded.v1': () => NO_CHANGE,
  'points.redeemed.v1': () => NO_CHANGE,
  'points.handed-over.v1': () => NO_CHANGE,
  'worker.registered.v1': () => NO_CHANGE,
  'benefit.applied.v1': () => NO_CHANGE,
  'benefit.decided.v1': () => NO_CHANGE,
  'directory.entry-changed.v1': () => NO_CHANGE,
};

const moved = (p: { fromHolder: Holder; toHolder: Holder; fromLevel?: Level; toLevel?: Level }): NamedHolders => ({
  ...named(p.toHolder, p.toLevel),
  from: holderRef({ ...p.fromHolder, level: p.fromLevel ?? p.fromHolder.level }),
});
const NOBODY: NamedHolders = {};

const NAMED: { [K in CatalogueTopic]: (payload: TopicPayloads[K]) => NamedHolders } = {
  'grievance.submitted.v1': () => NOBODY,
  'grievance.routed.v1': (p) => named(p.holder, p.level),
  'grievance.escalated.v1': moved,
  'grievance.returned.v1': moved,
  'grievance.supervised.v1': (p) => named(p.holder, p.level),
  'grievance.department-returned.v1': moved,
  'grievance.transferred.v1': moved,
  'grievance.paused.v1': (p) => named(p.holder),
  // The reporter answers; a holder that resumed the clock itself acted on the answer, not as holder.
  'grievance.replied.v1': () => NOBODY,
  'ticket.dispatched.v1': (p) => ({ holder: gridWorker(p.gridWorkerId) }),
  'ticket.accepted.v1': (p) => ({ holder: gridWorker(p.gridWorkerId) }),
  'ticket.verified.v1': (p) => ({ holder: gridWorker(p.gridWorkerId) }),
  'grievance.assigned.v1': (p) => named(p.holder),
  'grievance.accepted.v1': (p) => named(p.holder),
  'grievance.rejected.v1': (p) => named(p.rejectedBy),
  // linkedBy is the check that found the duplicate, not a holder of the grievance.
  'grievance.linked.v1': () => NOBODY,
  'grievance.resolved.v1': (p) => named(p.resolvedBy),
  'feedback.rated.v1': () => NOBODY,
  'grievance.reopened.v1': (p) => named(p.reopenedTo, p.level),
  'grievance.closed.v1': () => NOBODY,
  // The reporter contests; the grid worker whose verdict it is does not hold the grievance again.
  'grievance.contested.v1': () => NOBODY,
  'grievance.referred-to-supervision.v1': moved,
  'sla.started.v1': (p) => named(p.holder, p.level),
  'sla.warned.v1': (p) => named(p.holder, p.level),
  'sla.breached.v1': (p) => named(p.holder, p.level),
  'sla.policy-changed.v1': () => NOBODY,
  'points.awarded.v1': () => NOBODY,
  'points.redeemed.v1': () => NOBODY,
  'points.handed-over.v1': () => NOBODY,
  'worker.registered.v1': () => NOBODY,
  'benefit.applied.v1': () => NOBODY,
  'benefit.decided.v1': () => NOBODY,
  'directory.entry-changed.v1': () => NOBODY,
};

const isCatalogueTopic = (topic: string): topic is CatalogueTopic => Object.prototype.hasOwnProperty.call(READINGS, topic);

const namesOf = <T extends CatalogueTopic>(topic: T, payload: TopicPayloads[T]): NamedHolders => NAMED[topic](payload);
const readingOf = <T extends CatalogueTopic>(topic: T, payload: TopicPayloads[T]): StateReading => READINGS[topic](payload);

const time = (at: Date | null): number => at?.getTime() ?? Number.NEGATIVE_INFINITY;

function apply(state: GrievanceState, reading: StateReading, at: Date): GrievanceState {
  const next: GrievanceState = { ...state };
  const t = at.getTime();
  const beforeReopen = t < time(state.reopenedAt);
  if (reading.status !== undefined && (state.status !== 'closed' || reading.revive)) {
    if (reading.reopen) {
      if ((reading.revive || state.status !== 'rejected') && t > time(state.statusAt) && t > time(state.reopenedAt)) {
        next.status = reading.status;
        next.statusAt = at;
      }
    } else if (!beforeReopen && STATUS_RANK[reading.status] > STATUS_RANK[state.status]) {
      next.status = reading.status;
      next.statusAt = at;
    }
  }
  // A reopening is remembered even when it changes no status (e.g. it arrived after the close).
  if (reading.reopen && t > time(state.reopenedAt)) next.reopenedAt = at;
  // An event whose status was refused as stale does not move the holder either.
  const stale = beforeReopen || (reading.status !== undefined && next.status === state.status && reading.status !== state.status);
  if (reading.holder !== undefined && !stale && t >= time(state.holderAt)) {
    next.holder = reading.holder;
    next.holderAt = at;
  }
  if (reading.level !== undefined && t >= time(state.levelAt)) {
    next.level = reading.level;
    next.levelAt = at;
  }
  if (reading.underSupervision) next.underSupervision = true;
  // The highest round wins, whatever order the rounds arrive in (a state stored before rounds has none).
  if (reading.supervisionRound !== undefined) next.supervisionRound = Math.max(state.supervisionRound ?? 0, reading.supervisionRound);
  return next;
}

/**
 * The state after one event of a topic (pure). A topic that says nothing about the state
 * (a rating, a directory change, a department's own issue topic) leaves it as it was.
 */
export function grievanceStateAfter<T extends CatalogueTopic>(previous: GrievanceState, topic: T, event: EventEnvelope<PayloadOf<T>>): GrievanceState {
  if (!isCatalogueTopic(topic)) return previous;
  // PayloadOf<T> is TopicPayloads[T] for a catalogue topic; the compiler does not see through the conditional type.
  return apply(previous, readingOf(topic, event.payload as TopicPayloads[T]), new Date(event.occurredAt));
}

/** The catalogue topic an envelope travelled on (its type and version), for readers that keep envelopes; undefined for one we do not know. */
export function topicOfEnvelope(event: Pick<EventEnvelope, 'type' | 'version'>): CatalogueTopic | undefined {
  const topic = `${event.type}.v${event.version}`;
  return isCatalogueTopic(topic) && TOPICS[topic].type === event.type ? topic : undefined;
}

/** The holders a kept envelope names (see NamedHolders); none for a topic we do not know. */
export function holdersNamedBy(event: EventEnvelope): NamedHolders {
  const topic = topicOfEnvelope(event);
  // A kept envelope was validated against its topic's payload class when it was consumed.
  return topic ? namesOf(topic, event.payload as TopicPayloads[typeof topic]) : NOBODY;
}

/**
 * The state after a kept envelope (validated when it was consumed), its topic told by its type
 * and version: for readers that fold a stored dossier. An envelope of a topic we do not know
 * changes nothing.
 */
export function grievanceStateAfterEnvelope(previous: GrievanceState, event: EventEnvelope): GrievanceState {
  const topic = topicOfEnvelope(event);
  // A kept envelope was validated against its topic's payload class when it was consumed.
  return topic ? apply(previous, readingOf(topic, event.payload as TopicPayloads[typeof topic]), new Date(event.occurredAt)) : previous;
}

/** The state after a grievance's events, whatever order they are given in. */
export function grievanceStateOf(events: readonly EventEnvelope[], from: GrievanceState = submittedGrievanceState()): GrievanceState {
  return events.reduce(grievanceStateAfterEnvelope, from);
}
