import type { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { TRACKED_TOPICS } from './tracking-rules';

/** The topics that tell the current holder's deadline: every tracked one, and the SLA warning that names the due time. */
export const DEADLINE_TOPICS = [...TRACKED_TOPICS, 'sla.warned.v1'] as const satisfies readonly TopicName[];
export type DeadlineTopic = (typeof DEADLINE_TOPICS)[number];

/** What an event says of the holder's deadline: this time, or none known (the holder changed, met it, missed it, or stopped). */
export interface DeadlineAfter {
  dueAt: Date | null;
}

/** Events that say nothing of the deadline: the submission (nobody holds it yet) and the reporter's rating. */
const SILENT: ReadonlySet<DeadlineTopic> = new Set<DeadlineTopic>(['grievance.submitted.v1', 'feedback.rated.v1']);

const SETS: { [K in DeadlineTopic]?: (p: PayloadOf<K>) => Date | null } = {
  // The grid worker is to accept the ticket by then (grid-dispatch's accept deadline).
  'ticket.dispatched.v1': (p) => (p.acceptBy ? new Date(p.acceptBy) : null),
  // The SLA check warns the holder before its deadline, and names it.
  'sla.warned.v1': (p) => new Date(p.dueAt),
};

/**
 * The holder's deadline after one event (pure), or undefined when the event does not touch it.
 * Only a dispatch (its accept-by) and an SLA warning (its due time) name one; every other move
 * (a new holder, the ticket taken or checked, a pause, a missed deadline, the matter resolved or
 * closed) leaves none known until the next one names it.
 */
export function deadlineAfter<T extends DeadlineTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): DeadlineAfter | undefined {
  if (SILENT.has(topic)) return undefined;
  const set = SETS[topic] as ((p: PayloadOf<T>) => Date | null) | undefined;
  return { dueAt: set ? set(event.payload) : null };
}
