import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxTransaction, TransactionalOutbox } from './outbox/outbox-transaction';

/**
 * The transaction the code running now belongs to. AsyncLocalStorage follows one call chain
 * through every await, so two requests or two batches running side by side never see each
 * other's transaction.
 */
const scope = new AsyncLocalStorage<OutboxTransaction>();

/** Runs `work` with `tx` as its current transaction: what UnitOfWork.manager() and TransactionalOutbox.publish() reach. */
export function withTransaction<R>(tx: OutboxTransaction, work: () => R): R {
  return scope.run(tx, work);
}

/**
 * The transaction the caller runs in, if any. With a DataSource: only one of that database
 * (a process running several services, as some tests do, never joins another's transaction).
 */
export function currentTransaction(dataSource?: DataSource): OutboxTransaction | undefined {
  const tx = scope.getStore();
  return tx && (dataSource === undefined || tx.manager.connection === dataSource) ? tx : undefined;
}

/**
 * One business operation, one Postgres transaction, without handing the transaction from
 * call to call: a use case wraps its work in `run`, and the repositories it calls take the
 * transaction's EntityManager from `manager()`. An event handler already runs inside its
 * consumer's transaction, so `run` there joins it (the handler's writes commit with the
 * inbox row, or not at all).
 *
 * Joining is all-or-nothing: there are no savepoints, so a nested `run` that throws rolls
 * back the whole transaction once the error leaves the outermost one.
 */
export class UnitOfWork {
  constructor(private readonly outbox: TransactionalOutbox) {}

  /** Runs `work` in the current transaction, or in a new one (committed when `work` resolves, rolled back when it throws). */
  run<R>(work: () => Promise<R>): Promise<R> {
    return this.outbox.current() ? work() : this.outbox.run(() => work());
  }

  /** Runs `work` inside a transaction opened elsewhere and handed over (the SLA engine's firing transaction). */
  join<R>(tx: OutboxTransaction, work: () => Promise<R>): Promise<R> {
    return withTransaction(tx, work);
  }

  /** The current transaction; throws when called outside `run`, `join` or an event handler (a bug, not bad input). */
  transaction(): OutboxTransaction {
    const tx = this.outbox.current();
    if (!tx) throw new Error('no transaction: call this inside UnitOfWork.run, UnitOfWork.join or an event handler');
    return tx;
  }

  /** The current transaction's EntityManager: every statement through it is part of the unit of work. */
  manager(): EntityManager {
    return this.transaction().manager;
  }
}
