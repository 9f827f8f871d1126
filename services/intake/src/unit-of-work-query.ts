import type { DataSource } from 'typeorm';
import { currentTransaction } from '@grievance/messaging';

/**
 * Runs a statement of a repository in the unit of work's current transaction (UnitOfWork.run,
 * an event handler's batch), taken from its context; outside any (a read, an upload's one row)
 * on the data source.
 */
export function queryInUnitOfWork<R = Record<string, unknown>>(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<R[]> {
  return (currentTransaction(dataSource)?.manager ?? dataSource.manager).query(sql, params) as Promise<R[]>;
}
