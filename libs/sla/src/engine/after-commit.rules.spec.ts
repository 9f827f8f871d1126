import { strictMock } from '@grievance/testing/unit';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { afterCommit, beforeCommit } from './after-commit';

/** A query runner in a transaction, and the commit and rollback TypeORM would announce for it. */
function transaction() {
  const subscribers: EntitySubscriberInterface[] = [];
  // What TypeORM's query runner offers the hook (plain, as the transaction's state changes).
  const runner = { isTransactionActive: true, transactionDepth: 1, data: {}, dataSource: strictMock<DataSource>({ subscribers }, 'dataSource') };
  const manager = strictMock<EntityManager>({ queryRunner: runner as unknown as QueryRunner }, 'manager');
  const event = { queryRunner: runner } as unknown as TransactionCommitEvent & TransactionRollbackEvent;
  const subscriber = () => subscribers[0]!;
  return {
    manager,
    subscribers,
    /** The outermost transaction ends (`nested`: only a savepoint is released). */
    commit: async (nested = false) => {
      runner.transactionDepth = nested ? 2 : 1;
      await subscriber().beforeTransactionCommit!(event);
      runner.isTransactionActive = nested;
      await subscriber().afterTransactionCommit!(event);
    },
    rollback: async () => {
      runner.isTransactionActive = false;
      await subscriber().afterTransactionRollback!(event);
    },
  };
}

describe('alarms are set only for what committed', () => {
  it('runs the actions once the outermost transaction commits, in order, and only once', async () => {
    const t = transaction();
    const ran: string[] = [];
    afterCommit(t.manager, () => void ran.push('arm warning'));
    afterCommit(t.manager, async () => void ran.push('arm breach'));
    await t.commit(true);
    expect(ran).toEqual([]);
    await t.commit();
    expect(ran).toEqual(['arm warning', 'arm breach']);
    await t.commit();
    expect(ran).toHaveLength(2);
    expect(t.subscribers).toHaveLength(1);
  });

  it('drops them when the transaction rolls back', async () => {
    const t = transaction();
    const arm = jest.fn();
    afterCommit(t.manager, arm);
    await t.rollback();
    await t.commit();
    expect(arm).not.toHaveBeenCalled();
  });

  it('lets a failing action neither fail the commit nor stop the next one', async () => {
    const t = transaction();
    const next = jest.fn();
    afterCommit(t.manager, () => {
      throw new Error('redis away');
    });
    afterCommit(t.manager, next);
    await expect(t.commit()).resolves.toBeUndefined();
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('runs what must commit with the transaction just before the outermost commit, before what waits for it, and once', async () => {
    const t = transaction();
    const ran: string[] = [];
    afterCommit(t.manager, () => void ran.push('arm alarm'));
    beforeCommit(t.manager, async () => void ran.push('announce start'));
    await t.commit(true);
    expect(ran).toEqual([]);
    await t.commit();
    expect(ran).toEqual(['announce start', 'arm alarm']);
    await t.commit();
    expect(ran).toHaveLength(2);
  });

  it('fails the commit when what must commit with it fails, and drops it on a rollback', async () => {
    const failing = transaction();
    beforeCommit(failing.manager, () => {
      throw new Error('outbox full');
    });
    await expect(failing.commit()).rejects.toThrow('outbox full');
    const rolledBack = transaction();
    const announce = jest.fn();
    beforeCommit(rolledBack.manager, announce);
    await rolledBack.rollback();
    await rolledBack.commit();
    expect(announce).not.toHaveBeenCalled();
  });

  it('refuses a deadline change outside a transaction', () => {
    expect(() => afterCommit(strictMock<EntityManager>({ queryRunner: undefined }), () => undefined)).toThrow(
      expect.objectContaining({ code: 'invalid', message: 'SLA deadlines change only inside a transaction (TransactionalOutbox.run)' }),
    );
  });
});
