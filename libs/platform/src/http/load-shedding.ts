import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServiceUnavailableException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** How long a refused caller is asked to wait before trying again. */
export const SHED_RETRY_AFTER_SECONDS = 1;

/** Paths that answer however busy the service is: health (for the orchestrator), metrics and the API docs. */
const ALWAYS_SERVED = /^\/(health|metrics|docs)(\/|-json|-yaml|\?|$)/;

/** How many queries are waiting for a connection of the DataSource's pool right now. */
export function databaseQueueOf(dataSource: DataSource): () => number {
  // TypeORM's Postgres driver keeps its pg Pool as `master`; pg-pool counts the callers waiting for a client.
  return () => (dataSource.driver as unknown as { master?: { waitingCount?: number } }).master?.waitingCount ?? 0;
}

/**
 * Refuses a request at once with 503 and Retry-After while more than `limit` queries wait for
 * a database connection. Under a flood, "busy, try again in a second" now is better for the
 * caller than a connection that times out after seconds into a 500, and the queue it would
 * join also holds the outbox relay and the event consumers, which must keep moving.
 */
export function shedLoadWhenDatabaseQueued(queued: () => number, limit: number) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (queued() <= limit || ALWAYS_SERVED.test(req.url ?? '')) return next();
    res.setHeader('Retry-After', String(SHED_RETRY_AFTER_SECONDS));
    next(
      new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        message: [`the service is busy; try again in ${SHED_RETRY_AFTER_SECONDS} s`],
      }),
    );
  };
}
