import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { uuidv7 } from '@grievance/contracts';

/** The request and response header that carries the correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** What callers may send as a correlation id: short, printable, no separators that break logs. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface CorrelationContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();
const REQUEST_KEY = Symbol.for('grievance.correlationId');

/**
 * The correlation id of the work in progress: the HTTP request being served, or
 * whatever `runWithCorrelationId` was given (a Kafka message, a job). Undefined outside.
 */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/**
 * The id to stamp on an event written now: the current correlation id, or a new UUID v7
 * when the work did not start from a request or a message (a scheduled job, a script).
 */
export function correlationIdForNewWork(): string {
  return currentCorrelationId() ?? uuidv7();
}

/** Runs `fn` (and everything it awaits) with `correlationId` as the current one. */
export function runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** True for an id we are willing to pass along and log as is. */
export function isAcceptableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTABLE_ID.test(value);
}

/**
 * The correlation id of a request: the caller's `x-correlation-id` when it is sane,
 * otherwise a new UUID v7. Decided once per request (idempotent: the logger and the
 * middleware both ask) and echoed in the response header.
 */
export function requestCorrelationId(req: IncomingMessage, res?: ServerResponse): string {
  const holder = req as IncomingMessage & { [REQUEST_KEY]?: string };
  let id = holder[REQUEST_KEY];
  if (id === undefined) {
    const sent = req.headers[CORRELATION_HEADER];
    const candidate = Array.isArray(sent) ? sent[0] : sent;
    id = isAcceptableCorrelationId(candidate) ? candidate : uuidv7();
    holder[REQUEST_KEY] = id;
  }
  if (res && !res.headersSent && res.getHeader(CORRELATION_HEADER) === undefined) {
    res.setHeader(CORRELATION_HEADER, id);
  }
  return id;
}

/**
 * Makes the request's correlation id current for everything the request does
 * (guards, handlers, use cases, the outbox writes they make).
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = requestCorrelationId(req, res);
    storage.run({ correlationId }, next);
  }
}
