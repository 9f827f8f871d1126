import type { DataSource, EntityManager } from 'typeorm';
import { currentTransaction } from '@grievance/messaging';

/**
 * The EntityManager a repository's statements go through: the unit of work's current transaction
 * (a use case's run, a consumer's batch, an SLA firing), taken from its context; outside any (a
 * read) the data source.
 */
export function managerInUnitOfWork(dataSource: DataSource): EntityManager {
  return currentTransaction(dataSource)?.manager ?? dataSource.manager;
}
