import { EventEnvelope, PayloadOf, supervisionRoundOf, TopicName } from '@grievance/contracts';
import { message, type Message } from '@grievance/i18n';

/** The topics whose events the reporter and co-reporters of a grievance are told about. */
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
  'grievance.contested.v1',
  'grievance.referred-to-supervision.v1',
] as const satisfies readonly TopicName[];

export type NotifiedTopic = (typeof NOTIFIED_TOPICS)[number];

const MAX_QUOTE = 300;

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE - 1)}…` : clean;
}

/** The message of each notified topic; undefined when the event is not worth a message. */
const MESSAGES: { [K in NotifiedTopic]: (p: PayloadOf<K>) => Message | undefined } = {
  'grievance.submitted.v1': (p) => message('notification.submitted', { trackingNo: p.trackingNo, title: quote(p.title) }),
  'grievance.linked.v1': () => message('notification.linked'),
  'grievance.routed.v1': (p) => message('notification.routed', { holder: p.holder.name }),
  'ticket.dispatched.v1': () => message('notification.dispatched'),
  'ticket.verified.v1': (p) => {
    if (p.verdict === 'confirmed') return message('notification.verified.confirmed');
    if (p.verdict === 'duplicate') return message('notification.verified.duplicate');
    return p.note.trim() ? message('notification.verified.invalidWithNote', { note: quote(p.note) }) : message('notification.verified.invalid');
  },
  'grievance.assigned.v1': (p) => message(p.reason === 'reopened' ? 'notification.assigned.reopened' : 'notification.assigned', { holder: p.holder.name }),
  'grievance.accepted.v1': (p) => message('notification.accepted', { holder: p.holder.name }),
  'grievance.resolved.v1': (p) => message('notification.resolved', { holder: p.resolvedBy.name, resolution: quote(p.resolution) }),
  'grievance.rejected.v1': (p) => message('notification.rejected', { reason: quote(p.reason) }),
  'grievance.reopened.v1': (p) => message('notification.reopened', { holder: p.reopenedTo.name }),
  'grievance.escalated.v1': (p) => {
    if (p.trigger === 'arbitration') return message('notification.escalated.arbitration', { to: p.toHolder.name });
    if (p.automatic || p.trigger === 'deadline_missed') return message('notification.escalated.deadlineMissed', { to: p.toHolder.name, from: p.fromHolder.name });
    return message('notification.escalated.byHand', { to: p.toHolder.name, reason: quote(p.reason) });
  },
  'grievance.returned.v1': (p) => message('notification.returned', { to: p.toHolder.name, reason: quote(p.reason) }),
  // The unit that supervises (督办单位) is named as supervisor; older events name only the holder.
  'grievance.supervised.v1': (p) => {
    const supervisor = (p.supervisor ?? p.holder).name;
    if (supervisionRoundOf(p) > 1) return message('notification.supervised.followUp', { holder: supervisor, round: supervisionRoundOf(p) });
    return message(p.cause === 'reporter_unsatisfied' ? 'notification.supervised.reporterUnsatisfied' : 'notification.supervised.deadlineMissed', { holder: supervisor });
  },
  'grievance.paused.v1': (p) => message('notification.paused', { holder: p.holder.name, question: quote(p.question) }),
  'grievance.contested.v1': () => message('notification.contested'),
  'grievance.referred-to-supervision.v1': (p) => message('notification.referredToSupervision', { holder: p.toHolder.name }),
  'grievance.closed.v1': (p) => {
    if (p.outcome === 'rejected') return message('notification.closed.rejected');
    if (p.outcome === 'duplicate') return message('notification.closed.duplicate');
    return message(p.rating ? 'notification.closed.rated' : 'notification.closed.unrated');
  },
};

/**
 * The short message a reporter reads about one event of their grievance, as a message of the
 * catalogue (rendered in the reader's language when read or sent). Pure: the same event
 * always gives the same message. Undefined when the event is not worth a message.
 */
export function notificationMessage<T extends NotifiedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Message | undefined {
  const write: ((p: PayloadOf<T>) => Message | undefined) | undefined = MESSAGES[topic];
  return write?.(event.payload);
}

/**
 * What a co-reporter (whose own report was joined to this grievance as a duplicate) is told
 * where it differs from the reporter's message: they are told of the resolution and the close
 * of the grievance they joined, named by its tracking number, but not asked to rate it (only the
 * grievance's reporter rates it), nor asked the holder's questions (those are for the reporter).
 * Undefined: the event is not worth a message to them; other topics read as the reporter's.
 */
const CO_REPORTER_MESSAGES: { [K in NotifiedTopic]?: (p: PayloadOf<K>, trackingNo: string) => Message | undefined } = {
  'grievance.resolved.v1': (p, trackingNo) =>
    message(p.attachmentIds.length > 0 ? 'notification.joined.resolved.withPhotos' : 'notification.joined.resolved', {
      trackingNo,
      holder: p.resolvedBy.name,
      resolution: quote(p.resolution),
    }),
  'grievance.paused.v1': () => undefined,
  'grievance.closed.v1': (p, trackingNo) => message(p.outcome === 'rejected' ? 'notification.joined.closed.rejected' : 'notification.joined.closed', { trackingNo }),
};

/** The message a co-reporter of the grievance `trackingNo` reads about one of its events (pure). */
export function coReporterNotificationMessage<T extends NotifiedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>, trackingNo: string): Message | undefined {
  const write: ((p: PayloadOf<T>, trackingNo: string) => Message | undefined) | undefined = CO_REPORTER_MESSAGES[topic];
  return write ? write(event.payload, trackingNo) : notificationMessage(topic, event);
}
