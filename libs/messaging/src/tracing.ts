import { Context, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * OpenTelemetry around Kafka: the W3C trace context (`traceparent`, `tracestate`) of the
 * span that recorded an event travels in the event's headers (and so in its outbox row),
 * the relay publishes it in a producer span, and the consumer applies it in a consumer
 * span under that one, so a grievance's trace runs from the HTTP request through every hop.
 * Without a registered tracer provider and propagator (tracing off) every call here is the
 * API's no-op: no header is added and no span recorded.
 */
const tracer = () => trace.getTracer('@grievance/messaging');

/** The trace context of the active span as message headers (none when tracing is off or no span is active). */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a message's headers carry (the root context when they carry none). */
export function contextFromHeaders(headers: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

export interface KafkaSpanAttributes {
  topic: string;
  clientId: string;
  groupId?: string;
  partition?: number;
  offset?: string;
  eventId?: string;
  grievanceId?: string;
}

function attributesOf(a: KafkaSpanAttributes): Record<string, string | number> {
  const attributes: Record<string, string | number> = {
    'messaging.system': 'kafka',
    'messaging.destination.name': a.topic,
    'messaging.client.id': a.clientId,
  };
  if (a.groupId !== undefined) attributes['messaging.consumer.group.name'] = a.groupId;
  if (a.partition !== undefined) attributes['messaging.destination.partition.id'] = String(a.partition);
  if (a.offset !== undefined) attributes['messaging.kafka.offset'] = a.offset;
  if (a.eventId !== undefined) attributes['messaging.message.id'] = a.eventId;
  if (a.grievanceId !== undefined) attributes['grievance.id'] = a.grievanceId;
  return attributes;
}

/**
 * A producer span for one outbox row, child of the context its headers carry; returns the
 * headers to send (the row's, with the trace context now naming this span) and the span to end.
 */
export function startPublishSpan(headers: Record<string, string>, attributes: KafkaSpanAttributes): { span: Span; headers: Record<string, string> } {
  const parent = contextFromHeaders(headers);
  const span = tracer().startSpan(`publish ${attributes.topic}`, { kind: SpanKind.PRODUCER, attributes: attributesOf(attributes) }, parent);
  if (!span.isRecording()) return { span, headers };
  const carrier = { ...headers };
  propagation.inject(trace.setSpan(parent, span), carrier);
  return { span, headers: carrier };
}

/** Ends spans, marking them failed when `error` is given. */
export function endSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) failSpan(span, error);
    span.end();
  }
}

/**
 * Runs `work` (a handler applying one event) in a consumer span, child of the producer span
 * the message's headers name; events the handler records carry this span's context on.
 */
export async function inConsumerSpan<R>(headers: Record<string, string>, attributes: KafkaSpanAttributes, work: () => Promise<R>): Promise<R> {
  const parent = contextFromHeaders(headers);
  const span = tracer().startSpan(`process ${attributes.topic}`, { kind: SpanKind.CONSUMER, attributes: attributesOf(attributes) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}
