import { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';

/** The topics whose events the reporter and co-reporters of a matter are told about. */
export const NOTIFIED_TOPICS = [
  'grievance.submitted.v1',
  'grievance.linked.v1',
  'grievance.routed.v1',
  'ticket.dispatched.v1',
  'ticket.verified.v1',
  'grievance.assigned.v1',
  'grievance.accepted.v1',
  'grievance.resolved.v1',
  'grievance.rejected.v1',
  'grievance.reopened.v1',
  'grievance.escalated.v1',
  'grievance.returned.v1',
  'grievance.supervised.v1',
  'grievance.paused.v1',
  'grievance.closed.v1',
] as const satisfies readonly TopicName[];

export type NotifiedTopic = (typeof NOTIFIED_TOPICS)[number];

const MAX_QUOTE = 300;

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE - 1)}…` : clean;
}

/**
 * The short human message a reporter reads about one event of their matter. Pure: the
 * same event always reads the same. Undefined when the event is not worth a message.
 */
export function notificationMessage<T extends NotifiedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): string | undefined {
  switch (topic) {
    case 'grievance.submitted.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.submitted.v1'>>).payload;
      return `We received your report ${p.trackingNo}: "${quote(p.title)}".`;
    }
    case 'grievance.linked.v1':
      return 'Your report was linked to an earlier report of the same problem; you will hear how it goes.';
    case 'grievance.routed.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.routed.v1'>>).payload;
      return `Your report went to ${p.holder.name}.`;
    }
    case 'ticket.dispatched.v1':
      return 'A grid worker is checking your report.';
    case 'ticket.verified.v1': {
      const p = (event as EventEnvelope<PayloadOf<'ticket.verified.v1'>>).payload;
      if (p.verdict === 'confirmed') return 'The grid worker confirmed the problem on site.';
      if (p.verdict === 'duplicate') return 'The grid worker found this was already reported; you will follow the earlier report.';
      return p.note.trim() ? `The grid worker could not confirm the problem on site: ${quote(p.note)}` : 'The grid worker could not confirm the problem on site.';
    }
    case 'grievance.assigned.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.assigned.v1'>>).payload;
      return p.reason === 'reopened'
        ? `${p.holder.name} is working on it again.`
        : `${p.holder.name} is now in charge of your report.`;
    }
    case 'grievance.accepted.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.accepted.v1'>>).payload;
      return `${p.holder.name} is working on it.`;
    }
    case 'grievance.resolved.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.resolved.v1'>>).payload;
      return `${p.resolvedBy.name} resolved it: ${quote(p.resolution)} Please rate the result.`;
    }
    case 'grievance.rejected.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.rejected.v1'>>).payload;
      return `Your report was not taken up: ${quote(p.reason)}`;
    }
    case 'grievance.reopened.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.reopened.v1'>>).payload;
      return `Reopened: ${p.reopenedTo.name} will look at it again.`;
    }
    case 'grievance.escalated.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.escalated.v1'>>).payload;
      const to = `Your appeal was passed up to ${p.toHolder.name}`;
      if (p.trigger === 'arbitration') return `${to} to settle, after it was handed back and forth.`;
      if (p.automatic || p.trigger === 'deadline_missed') return `${to}: ${p.fromHolder.name} did not act in time.`;
      return `${to}: ${quote(p.reason)}`;
    }
    case 'grievance.returned.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.returned.v1'>>).payload;
      return `Your appeal was handed back to ${p.toHolder.name}: ${quote(p.reason)}`;
    }
    case 'grievance.supervised.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.supervised.v1'>>).payload;
      const why = p.cause === 'reporter_unsatisfied' ? 'you were not satisfied with its answer' : 'it was not dealt with in time';
      return `Your appeal is now under supervision (督办) at ${p.holder.name}, because ${why}; it will not be dropped.`;
    }
    case 'grievance.paused.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.paused.v1'>>).payload;
      return `${p.holder.name} asks: "${quote(p.question)}" Reply in the app; their deadline waits for your answer.`;
    }
    case 'grievance.closed.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.closed.v1'>>).payload;
      if (p.outcome === 'rejected') return 'Your report is closed without action.';
      if (p.outcome === 'duplicate') return 'Your report is closed as a duplicate of an earlier one.';
      return p.rating ? 'Closed. Thank you for your rating.' : 'Closed: nobody rated the result in time, so it counts as done.';
    }
    default:
      return undefined;
  }
}
