/**
 * How a consumer treats a failure. Nothing is retried forever and nothing is dropped
 * silently: a message is applied, retried with backoff, or parked on `<topic>.dlq`.
 */

/** The message can never be applied (bad data, a rule it breaks): park it at once. */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/** The message is not for this consumer after all: acknowledge it and move on. */
export class IgnoreEventError extends Error {
  override readonly name = 'IgnoreEventError';
}

export type FailureClass = 'retry' | 'dead-letter' | 'ignore';

/** Anything not marked permanent or ignorable is taken as transient (a database blip, a timeout). */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof PermanentEventError) return 'dead-letter';
  if (error instanceof IgnoreEventError) return 'ignore';
  return 'retry';
}

export interface RetryPolicy {
  /** Tries in all, the first included, before the message is parked. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5000 };

/** Exponential backoff with full jitter, so replicas that failed together do not retry together. */
export function retryDelay(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const INFRASTRUCTURE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * True when our own database is unreachable or has no connection free in time (pg-pool's
 * "timeout exceeded when trying to connect": the service is overloaded), rather than the
 * message being at fault. Such a failure is waited out (the partition pauses) instead of
 * parking good messages.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') {
    // Postgres SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown).
    if (code.startsWith('08') || code.startsWith('57P')) return true;
    if (INFRASTRUCTURE_CODES.has(code)) return true;
  }
  const message = String((error as Error)?.message ?? '');
  return /Connection terminated|connection timeout|Connection refused|timeout exceeded when trying to connect/i.test(message);
}
