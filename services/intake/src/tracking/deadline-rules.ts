import type { EventEnvelope, PayloadOf, SlaTarget, TopicName } from '@grievance/contracts';
import { TRACKED_TOPICS } from './tracking-rules';

/** The topics that tell the current holder's deadline: every tracked one, a deadline starting, and the SLA warning that names the due time. */
export const DEADLINE_TOPICS = [...TRACKED_TOPICS, 'sla.started.v1', 'sla.warned.v1'] as const satisfies readonly TopicName[];
export type DeadlineTopic = (typeof DEADLINE_TOPICS)[number];

/** What an event says of the holder's deadline: this time, or none known (the holder changed, met it, missed it, or stopped). */
export interface DeadlineAfter {
  dueAt: Date | null;
}

/**
 * The deadlines the reporter waits on: the grid worker's accept and on-site check, and the
 * holder's resolution. A holder's `respond` deadline (to acknowledge or take the grievance up) is
 * a step inside the resolution: its start, warning and breach leave the resolution's due time
 * as it was, and so does the take-up that meets it.
 */
const REPORTER_TARGETS: ReadonlySet<SlaTarget> = new Set<SlaTarget>(['accept', 'verify', 'resolve']);

/** Events that say nothing of the deadline: the submission (nobody holds it yet), the reporter's rating, and a take-up (the resolution is still owed, by the same time). */
const SILENT: ReadonlySet<DeadlineTopic> = new Set<DeadlineTopic>(['grievance.submitted.v1', 'feedback.rated.v1', 'grievance.accepted.v1']);

/** An SLA event about a deadline the reporter does not wait on says nothing (see REPORTER_TARGETS). */
const ABOUT_A_STEP: { [K in DeadlineTopic]?: (p: PayloadOf<K>) => boolean } = {
  'sla.started.v1': (p) => !REPORTER_TARGETS.has(p.target),
  'sla.warned.v1': (p) => !REPORTER_TARGETS.has(p.target),
  'sla.breached.v1': (p) => !REPORTER_TARGETS.has(p.target),
};

const SETS: { [K in DeadlineTopic]?: (p: PayloadOf<K>) => Date | null } = {
  // The grid worker is to accept the ticket by then (grid-dispatch's accept deadline).
  'ticket.dispatched.v1': (p) => (p.acceptBy ? new Date(p.acceptBy) : null),
  // The engine that armed a holder's deadline announces it, with its due time (none while its clock starts stopped).
  'sla.started.v1': (p) => (p.dueAt ? new Date(p.dueAt) : null),
  // The SLA check warns the holder before its deadline, and names it (moved by the time paused since it started).
  'sla.warned.v1': (p) => new Date(p.dueAt),
};

/**
 * The holder's deadline after one event (pure), or undefined when the event does not touch it.
 * A dispatch (its accept-by), a deadline starting and an SLA warning (their due time) name one;
 * every other move (a new holder, the ticket taken or checked, a pause, a missed deadline, the
 * grievance resolved or closed) leaves none known until the next one names it. The engine writes
 * sla.started as its transaction commits, so it is never older than the move that caused it.
 */
export function deadlineAfter<T extends DeadlineTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): DeadlineAfter | undefined {
  if (SILENT.has(topic)) return undefined;
  const step = ABOUT_A_STEP[topic] as ((p: PayloadOf<T>) => boolean) | undefined;
  if (step?.(event.payload)) return undefined;
  const set = SETS[topic] as ((p: PayloadOf<T>) => Date | null) | undefined;
  return { dueAt: set ? set(event.payload) : null };
}
