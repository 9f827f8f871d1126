import { createEnvelope, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { createTestDatabase, createTestKafka, eventually, manholeReport, TestDatabase } from '@grievance/testing';
import { DataSource } from 'typeorm';
import { EventConsumer } from './consumer/event-consumer';
import { MESSAGING_MIGRATIONS } from './migrations';
import { OutboxTransaction, TransactionalOutbox } from './outbox/outbox-transaction';
import { EventPublisher } from './publisher';
import { UnitOfWork, withTransaction } from './unit-of-work';

describe('the unit of work on a real database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let outbox: TransactionalOutbox;
  let unitOfWork: UnitOfWork;
  let woken = 0;

  /** A repository as services write them: no transaction parameter, the manager from the context. */
  const notes = {
    add: (text: string) => unitOfWork.manager().query(`INSERT INTO notes (text) VALUES ($1)`, [text]),
    backend: async () => ((await unitOfWork.manager().query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[])[0]!.pid,
  };
  const committed = async () => ((await dataSource.query(`SELECT text FROM notes ORDER BY text`)) as { text: string }[]).map((r) => r.text);
  const outboxRows = async () => ((await dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox`)) as { n: number }[])[0]!.n;
  const acceptedEvent = (grievanceId = uuidv7()) =>
    createEnvelope({ topic: 'ticket.accepted.v1', grievanceId, actor: SYSTEM_ACTOR, correlationId: 'uow-test', payload: { ticketId: uuidv7(), gridWorkerId: 'gw-1' } });

  beforeAll(async () => {
    database = await createTestDatabase('unit_of_work');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MESSAGING_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE notes (text text PRIMARY KEY)`);
    outbox = new TransactionalOutbox(dataSource, { wake: () => (woken += 1) });
    unitOfWork = new UnitOfWork(outbox);
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE notes, messaging_outbox`);
    woken = 0;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('commits what the work wrote, with the events it recorded, and wakes the relay', async () => {
    await unitOfWork.run(async () => {
      await notes.add('a');
      await outbox.publish('ticket.accepted.v1', acceptedEvent());
    });
    expect(await committed()).toEqual(['a']);
    expect(await outboxRows()).toBe(1);
    expect(woken).toBe(1);
  });

  it("writes what the work left to a batch writer once, before the commit; a failing flush rolls the whole work back", async () => {
    const notesOf = (tx: OutboxTransaction) =>
      tx.batchWriter('notes', (manager) => ({
        texts: [] as string[],
        async flush() {
          if (this.texts.length > 0) await manager.query(`INSERT INTO notes (text) SELECT unnest($1::text[])`, [this.texts]);
          this.texts = [];
        },
      }));
    await unitOfWork.run(async () => {
      notesOf(unitOfWork.transaction()).texts.push('a', 'b');
      await notes.add('c');
      notesOf(unitOfWork.transaction()).texts.push('d');
      expect(await committed()).toEqual([]); // nothing of it outside the transaction yet
    });
    expect(await committed()).toEqual(['a', 'b', 'c', 'd']);
    await expect(
      unitOfWork.run(async () => {
        await notes.add('e');
        notesOf(unitOfWork.transaction()).texts.push('a'); // already there: the flush fails
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await committed()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back every write and event of the work when it throws', async () => {
    await expect(
      unitOfWork.run(async () => {
        await notes.add('a');
        await outbox.publish('ticket.accepted.v1', acceptedEvent());
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await committed()).toEqual([]);
    expect(await outboxRows()).toBe(0);
    expect(woken).toBe(0);
  });

  it('joins the current transaction when nested: one connection, one commit, and an inner failure undoes the outer writes', async () => {
    const seen = await unitOfWork.run(async () => {
      await notes.add('outer');
      const outerBackend = await notes.backend();
      const inner = await unitOfWork.run(async () => {
        await notes.add('inner');
        return { backend: await notes.backend(), sees: (await unitOfWork.manager().query(`SELECT text FROM notes ORDER BY text`)) as unknown[] };
      });
      // Not committed yet: another connection sees nothing.
      return { outerBackend, inner, fromOutside: await committed() };
    });
    expect(seen.inner.backend).toBe(seen.outerBackend);
    expect(seen.inner.sees).toEqual([{ text: 'inner' }, { text: 'outer' }]);
    expect(seen.fromOutside).toEqual([]);
    expect(await committed()).toEqual(['inner', 'outer']);

    await expect(
      unitOfWork.run(async () => {
        await notes.add('outer-2');
        await unitOfWork.run(async () => {
          await notes.add('inner-2');
          throw new Error('inner refused');
        });
      }),
    ).rejects.toThrow('inner refused');
    expect(await committed()).toEqual(['inner', 'outer']);
  });

  it('keeps concurrent units apart: each sees only its own transaction, and one rolling back leaves the other committed', async () => {
    let release!: () => void;
    const bothInside = new Promise<void>((resolve) => (release = resolve));
    let inside = 0;
    const unit = (text: string, fail: boolean) =>
      unitOfWork.run(async () => {
        await notes.add(text);
        const backend = await notes.backend();
        if (++inside === 2) release();
        await bothInside; // both transactions are open at once
        const own = (await unitOfWork.manager().query(`SELECT text FROM notes`)) as { text: string }[];
        if (fail) throw new Error(`${text} refused`);
        return { backend, own: own.map((r) => r.text) };
      });
    const [a, b] = await Promise.allSettled([unit('a', false), unit('b', true)]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    const ok = (a as PromiseFulfilledResult<{ backend: number; own: string[] }>).value;
    expect(ok.own).toEqual(['a']);
    expect(await committed()).toEqual(['a']);
  });

  it('binds a transaction opened elsewhere (an event handler, an SLA firing), and TransactionalOutbox.run binds its own', async () => {
    await dataSource.transaction(async (manager) => {
      const handed = new OutboxTransaction(manager);
      await unitOfWork.join(handed, async () => {
        await notes.add('joined');
        await unitOfWork.run(() => outbox.publish('ticket.accepted.v1', acceptedEvent()));
      });
      expect(handed.events).toHaveLength(1);
      await withTransaction(handed, () => expect(unitOfWork.transaction()).toBe(handed));
    });
    await outbox.run(async (tx) => {
      expect(unitOfWork.transaction()).toBe(tx);
      await notes.add('run');
    });
    expect(await committed()).toEqual(['joined', 'run']);
  });

  it('runs an event handler in its consumer’s transaction: what it writes through the unit of work commits or rolls back with the inbox', async () => {
    const kafka = await createTestKafka('unit-of-work', [
      { topic: 'grievance.submitted.v1', partitions: 1 },
      { topic: 'grievance.submitted.v1.dlq', partitions: 1 },
    ]);
    const consumer = new EventConsumer(kafka, dataSource, { groupId: 'uow-handler', retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 100 } });
    let attempts = 0;
    const sameTransaction: boolean[] = [];
    consumer.on('grievance.submitted.v1', async (received, tx) => {
      attempts += 1;
      await unitOfWork.run(async () => {
        sameTransaction.push(unitOfWork.transaction() === tx);
        await notes.add(`${received.eventId}:${attempts}`);
        await outbox.publish('ticket.accepted.v1', acceptedEvent(received.grievanceId));
      });
      if (attempts === 1) throw new Error('the first try fails after writing');
    });
    const publisher = new EventPublisher(kafka);
    try {
      await consumer.start();
      const event = manholeReport();
      await publisher.publish('grievance.submitted.v1', event);
      await eventually(() => consumer.stats.applied, (n) => n === 1, { what: 'the event applied on its second try' });
      expect(attempts).toBe(2);
      expect(sameTransaction).toEqual([true, true]);
      // The failed try's note and event went with its rolled-back transaction.
      expect(await committed()).toEqual([`${event.eventId}:2`]);
      expect(await outboxRows()).toBe(1);
    } finally {
      await publisher.disconnect();
      await consumer.stop();
      await kafka.deletePrefixedTopics().catch(() => undefined);
      await kafka.disconnect();
    }
  });

  it('refuses to reach a transaction outside of one, and never joins one of another database', async () => {
    expect(() => unitOfWork.manager()).toThrow(/no transaction/);
    await expect(outbox.publish('ticket.accepted.v1', acceptedEvent())).rejects.toThrow(/no transaction to record ticket\.accepted\.v1/);

    const other = await createTestDatabase('unit_of_work_other');
    const otherSource = new DataSource({ type: 'postgres', url: other.url });
    await otherSource.initialize();
    try {
      await otherSource.transaction(async (manager) => {
        await withTransaction(new OutboxTransaction(manager), async () => {
          expect(outbox.current()).toBeUndefined();
          await unitOfWork.run(() => notes.add('own database'));
        });
      });
      expect(await committed()).toEqual(['own database']);
    } finally {
      await otherSource.destroy();
      await other.drop();
    }
  });
});
