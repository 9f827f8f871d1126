import { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { currentTransaction, withTransaction } from '../unit-of-work';
import { toWireMessage } from '../wire';

/** An event to record, its payload typed by its topic. */
export type OutboxEvent = { [T in TopicName]: { topic: T; envelope: EventEnvelope<PayloadOf<T>> } }[TopicName];

/** Rows an event handler leaves to be written with those of the other events of its transaction, at once, just before it commits. */
export interface BatchWriter {
  /** Writes what was added since the last flush (a few multi-row statements, whatever the number of events). */
  flush(): Promise<void>;
}

/**
 * The batch writers of one transaction, shared by every event applied in it (an event
 * consumer applies a fetched group of events in one transaction): each handler adds its rows
 * to its writer, and the writers write them together before the commit, so a group of events
 * costs a few statements per table instead of a few per event. Flushed in the order the
 * writers were first asked for; a failing flush fails the transaction like any statement.
 * Until the flush its rows are nowhere in the database: a handler that needs what an earlier
 * event of the group left asks the writer (intake's TrackingWrites.current), not a query.
 */
export class TransactionBatch {
  private readonly writers = new Map<unknown, BatchWriter>();

  constructor(
    /**
     * The grievances the events applied in this transaction are about, when they are known
     * before the first is applied (an event consumer's group): a writer that reads each one it
     * touches may read them all at once (intake's TrackingWrites). Empty: not known.
     */
    readonly grievanceIds: readonly string[] = [],
  ) {}

  /** The transaction's writer under `key`, made by `create` the first time. */
  writer<W extends BatchWriter>(key: unknown, create: () => W): W {
    let writer = this.writers.get(key);
    if (!writer) {
      writer = create();
      this.writers.set(key, writer);
    }
    return writer as W;
  }

  /** Writes what every writer holds (called by whoever commits, right before the commit). */
  async flush(): Promise<void> {
    for (const writer of this.writers.values()) await writer.flush();
  }
}

/**
 * One Postgres transaction in which a service changes its state and records the events
 * that change causes. Either both are committed or neither is: there is no gap between
 * "saved" and "published" for a crash to fall into.
 */
export class OutboxTransaction {
  private readonly pending: { topic: string; envelope: EventEnvelope }[] = [];
  private readonly committed: (() => Promise<void> | void)[] = [];

  constructor(
    readonly manager: EntityManager,
    /** Shared with the other events applied in the same Postgres transaction (see TransactionBatch). */
    readonly batch: TransactionBatch = new TransactionBatch(),
  ) {}

  /**
   * A writer whose rows are written with those of every other event of this Postgres
   * transaction, just before it commits (see TransactionBatch): `create` makes it the first time.
   */
  batchWriter<W extends BatchWriter>(key: unknown, create: (manager: EntityManager) => W): W {
    return this.batch.writer(key, () => create(this.manager));
  }

  /**
   * Work to do once the transaction has committed, and only then (a live notice of what it
   * wrote, on Redis): run in order by whoever committed it (an event consumer, TransactionalOutbox.run);
   * a failure there is logged and changes nothing that was committed. Never run when it rolls back.
   */
  afterCommit(work: () => Promise<void> | void): void {
    this.committed.push(work);
  }

  /** The after-commit work recorded so far (see afterCommit). */
  get afterCommitWork(): readonly (() => Promise<void> | void)[] {
    return this.committed;
  }

  /** Records an event to publish once the transaction commits. */
  async publish<T extends TopicName>(topic: T, envelope: EventEnvelope<PayloadOf<T>>): Promise<void> {
    const wire = toWireMessage(envelope as EventEnvelope);
    await this.manager.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, $5)`,
      [envelope.eventId, topic, wire.key, wire.value, JSON.stringify(wire.headers)],
    );
    this.pending.push({ topic, envelope: envelope as EventEnvelope });
  }

  /**
   * Records many events in one statement, in the given order (a burst of SLA alarms, a
   * bulk import): one INSERT per call instead of one per event.
   */
  async publishMany(events: readonly OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map(({ topic, envelope }) => {
      const wire = toWireMessage(envelope as EventEnvelope);
      return { event_id: envelope.eventId, topic, message_key: wire.key, envelope: wire.value, headers: wire.headers };
    });
    // One JSON document for the batch; WITH ORDINALITY keeps the given order in the outbox's sequence.
    await this.manager.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers)
       SELECT event_id, topic, message_key, envelope::jsonb, headers
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (event_id uuid, topic text, message_key text, envelope text, headers jsonb))
              WITH ORDINALITY AS e(event_id, topic, message_key, envelope, headers, n)
        ORDER BY n`,
      [JSON.stringify(rows)],
    );
    for (const { topic, envelope } of events) this.pending.push({ topic, envelope: envelope as EventEnvelope });
  }

  /** The events recorded so far in this transaction. */
  get events(): readonly { topic: string; envelope: EventEnvelope }[] {
    return this.pending;
  }
}

/** Something to nudge when new outbox rows are committed (the relay of this process). */
export interface OutboxWaker {
  wake(): void;
}

/**
 * Runs units of work that change state and record events atomically, then wakes the
 * relay of this process so the events go out promptly after commit (the relay also polls,
 * so rows written by another process or before a crash are published too).
 */
export class TransactionalOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly waker?: OutboxWaker,
  ) {}

  async run<R>(work: (tx: OutboxTransaction) => Promise<R>): Promise<R> {
    let ran: OutboxTransaction | undefined;
    let after: readonly (() => Promise<void> | void)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new OutboxTransaction(manager);
      ran = tx;
      // The transaction is also the current one for what `work` calls (UnitOfWork, publish below).
      const value = await withTransaction(tx, () => work(tx));
      await tx.batch.flush();
      after = tx.afterCommitWork;
      return value;
    });
    // Counted once committed: events recorded as it committed (an SLA deadline's start) wake the relay too.
    if (ran && ran.events.length > 0) this.waker?.wake();
    await runAfterCommit(after);
    return result;
  }

  /** The transaction of this outbox's database the caller runs in (run, UnitOfWork, an event handler), if any. */
  current(): OutboxTransaction | undefined {
    return currentTransaction(this.dataSource);
  }

  /**
   * Records an event in the caller's current transaction (see UnitOfWork), to publish once it
   * commits; throws outside one, so an event is never recorded apart from the change it reports.
   */
  async publish<T extends TopicName>(topic: T, envelope: EventEnvelope<PayloadOf<T>>): Promise<void> {
    const tx = this.current();
    if (!tx) throw new Error(`no transaction to record ${topic} in: publish inside UnitOfWork.run or an event handler`);
    await tx.publish(topic, envelope);
  }
}

/**
 * Runs reads that must agree with each other (a grievance's state and its history, an anchor and
 * the heads it covers) in one REPEATABLE READ transaction: every statement sees the database as
 * of the first, so a commit landing between two of them cannot show a history line beside the
 * state from before it. The repositories reach the transaction as in a unit of work; inside one
 * already, `work` just runs there.
 */
export function readConsistently<R>(dataSource: DataSource, work: () => Promise<R>): Promise<R> {
  if (currentTransaction(dataSource)) return work();
  return dataSource.transaction('REPEATABLE READ', (manager) => withTransaction(new OutboxTransaction(manager), work));
}

/**
 * Runs after-commit work (OutboxTransaction.afterCommit) in order; a failure is passed to
 * `failed` (what was committed stays committed) and the rest still runs.
 */
export async function runAfterCommit(work: readonly (() => Promise<void> | void)[], failed?: (error: unknown) => void): Promise<void> {
  for (const step of work) {
    try {
      await step();
    } catch (error) {
      failed?.(error);
    }
  }
}
