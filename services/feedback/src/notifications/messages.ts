import { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { message, type Message } from '@grievance/i18n';

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
 * The short message a reporter reads about one event of their matter, as a message of the
 * catalogue (rendered in the reader's language when read or sent). Pure: the same event
 * always gives the same message. Undefined when the event is not worth a message.
 */
export function notificationMessage<T extends NotifiedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Message | undefined {
  switch (topic) {
    case 'grievance.submitted.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.submitted.v1'>>).payload;
      return message('notification.submitted', { trackingNo: p.trackingNo, title: quote(p.title) });
    }
    case 'grievance.linked.v1':
      return message('notification.linked');
    case 'grievance.routed.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.routed.v1'>>).payload;
      return message('notification.routed', { holder: p.holder.name });
    }
    case 'ticket.dispatched.v1':
      return message('notification.dispatched');
    case 'ticket.verified.v1': {
      const p = (event as EventEnvelope<PayloadOf<'ticket.verified.v1'>>).payload;
      if (p.verdict === 'confirmed') return message('notification.verified.confirmed');
      if (p.verdict === 'duplicate') return message('notification.verified.duplicate');
      return p.note.trim() ? message('notification.verified.invalidWithNote', { note: quote(p.note) }) : message('notification.verified.invalid');
    }
    case 'grievance.assigned.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.assigned.v1'>>).payload;
      return message(p.reason === 'reopened' ? 'notification.assigned.reopened' : 'notification.assigned', { holder: p.holder.name });
    }
    case 'grievance.accepted.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.accepted.v1'>>).payload;
      return message('notification.accepted', { holder: p.holder.name });
    }
    case 'grievance.resolved.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.resolved.v1'>>).payload;
      return message('notification.resolved', { holder: p.resolvedBy.name, resolution: quote(p.resolution) });
    }
    case 'grievance.rejected.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.rejected.v1'>>).payload;
      return message('notification.rejected', { reason: quote(p.reason) });
    }
    case 'grievance.reopened.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.reopened.v1'>>).payload;
      return message('notification.reopened', { holder: p.reopenedTo.name });
    }
    case 'grievance.escalated.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.escalated.v1'>>).payload;
      if (p.trigger === 'arbitration') return message('notification.escalated.arbitration', { to: p.toHolder.name });
      if (p.automatic || p.trigger === 'deadline_missed') return message('notification.escalated.deadlineMissed', { to: p.toHolder.name, from: p.fromHolder.name });
      return message('notification.escalated.byHand', { to: p.toHolder.name, reason: quote(p.reason) });
    }
    case 'grievance.returned.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.returned.v1'>>).payload;
      return message('notification.returned', { to: p.toHolder.name, reason: quote(p.reason) });
    }
    case 'grievance.supervised.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.supervised.v1'>>).payload;
      return message(p.cause === 'reporter_unsatisfied' ? 'notification.supervised.reporterUnsatisfied' : 'notification.supervised.deadlineMissed', {
        holder: p.holder.name,
      });
    }
    case 'grievance.paused.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.paused.v1'>>).payload;
      return message('notification.paused', { holder: p.holder.name, question: quote(p.question) });
    }
    case 'grievance.closed.v1': {
      const p = (event as EventEnvelope<PayloadOf<'grievance.closed.v1'>>).payload;
      if (p.outcome === 'rejected') return message('notification.closed.rejected');
      if (p.outcome === 'duplicate') return message('notification.closed.duplicate');
      return message(p.rating ? 'notification.closed.rated' : 'notification.closed.unrated');
    }
    default:
      return undefined;
  }
}
