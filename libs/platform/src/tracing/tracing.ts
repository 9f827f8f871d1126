import type { IncomingMessage, ServerResponse } from 'node:http';
import { Context, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  Sampler,
  SimpleSpanProcessor,
  SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

export interface TracingOptions {
  /** `service.name` of the spans, unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say otherwise. */
  serviceName: string;
  /** The standard OTEL_* variables (process.env by default). */
  env?: NodeJS.ProcessEnv;
  /** Export here instead of what the variables name, span by span (tests: an InMemorySpanExporter). */
  exporter?: SpanExporter;
}

let provider: TracerProvider | undefined;

/**
 * Whether the OTEL_* variables ask for traces: an OTLP endpoint, or OTEL_TRACES_EXPORTER
 * other than `none`; never with OTEL_SDK_DISABLED=true.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Registers the process's tracer provider, W3C propagators and async context, once. Off
 * (nothing registered, every span a no-op, no header written) unless `tracingRequested` or
 * an exporter is given. The OTLP exporter reads OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT,
 * _HEADERS, _TIMEOUT itself (OTLP/HTTP, JSON); OTEL_TRACES_SAMPLER and _ARG pick the sampler.
 * @returns whether tracing is on.
 */
export function startTracing(options: TracingOptions): boolean {
  if (provider) return true;
  const env = options.env ?? process.env;
  if (!options.exporter && !tracingRequested(env)) return false;
  const exporter = options.exporter ?? exporterFrom(env);
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }).merge(detectResources({ detectors: [envDetector] })),
    sampler: samplerFrom(env),
    // A test's exporter sees each span as it ends; a real one gets batches in the background.
    spanProcessors: [options.exporter ? new SimpleSpanProcessor({ exporter }) : new BatchSpanProcessor({ exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(provider);
  return true;
}

/** Sends the spans still buffered (at shutdown). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** Flushes and unregisters everything startTracing registered (tests). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  if (!current) return;
  await current.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

function exporterFrom(env: NodeJS.ProcessEnv): SpanExporter {
  const names = (env.OTEL_TRACES_EXPORTER ?? 'otlp').split(',').map((n) => n.trim().toLowerCase());
  return names.includes('console') && !names.includes('otlp') ? new ConsoleSpanExporter() : new OTLPTraceExporter();
}

function samplerFrom(env: NodeJS.ProcessEnv): Sampler {
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? '1');
  const safeRatio = Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : 1;
  switch (env.OTEL_TRACES_SAMPLER?.trim().toLowerCase()) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(safeRatio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(safeRatio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

const REQUEST_CONTEXT = Symbol.for('grievance.traceContext');
type TracedRequest = IncomingMessage & { [REQUEST_CONTEXT]?: Context; route?: { path?: unknown } };

/**
 * Express middleware opening the server span of each request, child of the caller's
 * `traceparent` when it sends one. Named `METHOD /route/:pattern` once the route is known.
 */
export function startRequestSpan(serviceName: string) {
  const tracer = trace.getTracer('@grievance/platform');
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!provider) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span: Span = tracer.startSpan(
      `${req.method ?? 'GET'}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': (req.url ?? '/').split('?')[0]!, 'grievance.service': serviceName } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    (req as TracedRequest)[REQUEST_CONTEXT] = active;
    res.once('finish', () => {
      const route = (req as TracedRequest).route?.path;
      if (typeof route === 'string' && !route.includes('*')) {
        span.setAttribute('http.route', route);
        span.updateName(`${req.method ?? 'GET'} ${route}`);
      }
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(active, next);
  };
}

/**
 * Makes the request's span current again for the handlers. Body parsing resumes from the
 * socket's events, outside the context the first middleware set; this runs after it.
 */
export function enterRequestSpan(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  const active = (req as TracedRequest)[REQUEST_CONTEXT];
  if (active) context.with(active, next);
  else next();
}
