import { trace } from '@opentelemetry/api';
import { toWireMessage } from '@grievance/messaging';
import { createEnvelope, uuidv7 } from '@grievance/contracts';
import { tracingRequested } from './tracing';

describe('tracing settings (the standard OTEL_* variables)', () => {
  it('is off when neither an OTLP endpoint nor a traces exporter is set', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'intake' })).toBe(false);
  });

  it('is on for an OTLP endpoint or a traces exporter other than none', () => {
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
  });

  it('stays off with OTEL_TRACES_EXPORTER=none or OTEL_SDK_DISABLED=true, endpoint or not', () => {
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
  });

  it('when off, events carry no trace headers and spans record nothing', () => {
    const envelope = createEnvelope({
      topic: 'grievance.closed.v1',
      grievanceId: uuidv7(),
      actor: { id: 'system', role: 'system' },
      correlationId: 'c-1',
      payload: { outcome: 'resolved', rating: 'satisfied', slaMet: true },
    });
    expect(Object.keys(toWireMessage(envelope).headers).sort()).toEqual(['x-correlation-id', 'x-event-id', 'x-event-type', 'x-event-version']);
    expect(trace.getTracer('any').startSpan('x').isRecording()).toBe(false);
  });
});
