import { DomainError } from '@grievance/contracts';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Action = () => Promise<void> | void;

const PENDING = 'grievance.sla.afterCommit';
const BEFORE = 'grievance.sla.beforeCommit';
const SAVEPOINT_ROLLED_BACK = 'grievance.sla.savepointRolledBack';

function pendingOf(runner: QueryRunner): Action[] | undefined {
  return runner.data[PENDING] as Action[] | undefined;
}

/**
 * Runs what was registered with `afterCommit` once the outermost transaction of a query
 * runner commits, and drops it when it rolls back. TypeORM awaits this before the
 * caller's `transaction()` returns, so once `TransactionalOutbox.run` resolves the alarms
 * of what it changed are set. An action never fails the commit: it has happened.
 */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  /** The outermost transaction is about to commit: run what must commit with it (a failure rolls it back). */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (depthOf(runner) > 1) return; // a savepoint is being released; the outer transaction goes on
    const actions = runner.data[BEFORE] as Action[] | undefined;
    if (!actions) return;
    delete runner.data[BEFORE];
    for (const action of actions) await action();
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the outer transaction goes on
    delete runner.data[SAVEPOINT_ROLLED_BACK];
    const actions = pendingOf(runner);
    if (!actions) return;
    delete runner.data[PENDING];
    for (const action of actions) {
      try {
        await action();
      } catch {
        // Actions handle their own failures (the alarm clock re-arms from Postgres anyway).
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) {
      // A savepoint rolled back: what was written inside it is gone, the outer transaction goes on.
      runner.data[SAVEPOINT_ROLLED_BACK] = true;
      return;
    }
    delete runner.data[PENDING];
    delete runner.data[BEFORE];
    delete runner.data[SAVEPOINT_ROLLED_BACK];
  }
}

const SUBSCRIBER = new AfterCommitSubscriber();

/** Makes sure the data source broadcasts commits to the subscriber (idempotent). */
export function installAfterCommit(dataSource: DataSource): void {
  if (!dataSource.subscribers.includes(SUBSCRIBER)) dataSource.subscribers.push(SUBSCRIBER);
}

/**
 * Whether a savepoint of the transaction of `manager` has rolled back so far, taking with it
 * what was written inside it (seen once installAfterCommit ran for its data source).
 */
export function savepointRolledBack(manager: EntityManager): boolean {
  return manager.queryRunner?.data[SAVEPOINT_ROLLED_BACK] === true;
}

/** Registers an action to run once the transaction of `manager` has committed. */
export function afterCommit(manager: EntityManager, action: Action): void {
  register(manager, PENDING, action);
}

/**
 * Registers an action to run inside the transaction of `manager`, just before it commits
 * (after everything the caller did in it); if it throws, the transaction rolls back.
 */
export function beforeCommit(manager: EntityManager, action: Action): void {
  register(manager, BEFORE, action);
}

function register(manager: EntityManager, key: string, action: Action): void {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    throw new DomainError('invalid', 'SLA deadlines change only inside a transaction (TransactionalOutbox.run)', undefined, { key: 'error.sla.outsideTransaction' });
  }
  installAfterCommit(runner.dataSource);
  let actions = runner.data[key] as Action[] | undefined;
  if (!actions) {
    actions = [];
    runner.data[key] = actions;
  }
  actions.push(action);
}

/** How deep the runner's transactions nest (1: the outermost; more: savepoints). */
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}
