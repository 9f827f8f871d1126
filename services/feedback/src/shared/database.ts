import { currentTransaction } from '@grievance/messaging';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Where a repository's statement runs: the transaction of the current unit of work (a
 * consumed batch, an SLA firing, a use case's `UnitOfWork.run`), taken from its context, never
 * handed down; a read outside any transaction runs on the data source.
 */
export function databaseOf(dataSource: DataSource): EntityManager {
  return currentTransaction(dataSource)?.manager ?? dataSource.manager;
}

/**
 * The transaction of the current unit of work, for a statement that means nothing outside one
 * (a row locked until the transaction ends); throws outside one (a bug, not bad input).
 */
export function transactionOf(dataSource: DataSource): EntityManager {
  const tx = currentTransaction(dataSource);
  if (!tx) throw new Error('no transaction: lock rows inside UnitOfWork.run, an event handler or an SLA firing');
  return tx.manager;
}
