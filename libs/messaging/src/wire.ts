import { EventEnvelope, topicSpec } from '@grievance/contracts';
import { traceHeaders } from './tracing';

/** Headers every event carries, so tools can route and trace without parsing the body. */
export const HEADER = {
  eventId: 'x-event-id',
  eventType: 'x-event-type',
  eventVersion: 'x-event-version',
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
} as const;

/** Headers a dead-lettered message gains on top of its original ones. */
export const DLQ_HEADER = {
  reason: 'x-dlq-reason',
  errorClass: 'x-dlq-error-class',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumer: 'x-dlq-consumer',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * An envelope as it goes on the wire: key = grievance id (or the topic's own key), JSON body,
 * tracing headers. Made where the event is recorded, so the W3C trace context is that of the
 * request or the event being applied at that moment (an outbox row keeps it until the relay sends it).
 */
export function toWireMessage(envelope: EventEnvelope): WireMessage {
  const headers: Record<string, string> = {
    ...traceHeaders(),
    [HEADER.eventId]: envelope.eventId,
    [HEADER.eventType]: envelope.type,
    [HEADER.eventVersion]: String(envelope.version),
    [HEADER.correlationId]: envelope.correlationId,
  };
  if (envelope.causationId) headers[HEADER.causationId] = envelope.causationId;
  const messageKey = topicSpec(`${envelope.type}.v${envelope.version}`)?.messageKey;
  return { key: messageKey ? messageKey(envelope.payload) : envelope.grievanceId, value: JSON.stringify(envelope), headers };
}

/** kafkajs headers are Buffers (or arrays of them); we only ever write single strings. */
export function decodeHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    const first = Array.isArray(value) ? value[0] : value;
    out[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}
