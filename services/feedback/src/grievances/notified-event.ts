import type { EventEnvelope } from '@grievance/contracts';
import type { ConsumedEvent } from '@grievance/platform';
import { NOTIFIED_TOPICS, NotifiedTopic } from '../notifications/messages';

/** An event of a topic the reporter is told about, with its topic: switching on `topic` types its payload. */
export type NotifiedEvent = { [K in NotifiedTopic]: { topic: K; event: ConsumedEvent<K> } }[NotifiedTopic];

/**
 * The event as read from `topic`. Its payload was validated against that topic's when it was
 * consumed; this pairing (the one place the compiler takes it on trust) is what lets every later
 * `switch (topic)` type the payload.
 */
export function notifiedEvent(topic: NotifiedTopic, event: EventEnvelope): NotifiedEvent {
  return { topic, event } as NotifiedEvent;
}

/** A kept event (see FeedbackRepository.holdUntilKnown) as it was consumed; undefined for a topic no longer notified. */
export function keptEvent(topic: string, event: EventEnvelope): NotifiedEvent | undefined {
  const notified = NOTIFIED_TOPICS.find((t) => t === topic);
  return notified && notifiedEvent(notified, event);
}
