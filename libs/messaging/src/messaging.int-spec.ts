import { EventEnvelope, GrievanceSubmittedV1, uuidv7 } from '@grievance/contracts';
import { createTestDatabase, createTestKafka, eventually, manholeReport, StatementCounter, TestDatabase, waitForMessages } from '@grievance/testing';
import { DataSource, EntityManager } from 'typeorm';
import { PermanentEventError } from './consumer/errors';
import { EventConsumer } from './consumer/event-consumer';
import { KafkaConnection } from './kafka-connection';
import { MESSAGING_MIGRATIONS } from './migrations';
import { OutboxRelay } from './outbox/outbox-relay';
import { BatchWriter, TransactionalOutbox } from './outbox/outbox-transaction';
import { EventPublisher } from './publisher';
import { DLQ_HEADER } from './wire';

describe('the outbox, the relay and the idempotent inbox on a real broker and database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  // Each test gets topics of its own, so no consumer sees another test's messages.
  let kafka: KafkaConnection;
  let relay: OutboxRelay;
  let outbox: TransactionalOutbox;
  let consumers: EventConsumer[] = [];

  /** Rows the test handlers write: the "effect" of applying an event. */
  const effects = async (grievanceId: string) =>
    ((await dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE grievance_id = $1`, [grievanceId])) as { n: number }[])[0]!.n;

  function consumer(groupId: string, handler: (e: EventEnvelope<GrievanceSubmittedV1>) => Promise<void> | void = () => undefined) {
    const c = new EventConsumer(kafka, dataSource, { groupId, retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 } }).on(
      'grievance.submitted.v1',
      async (event, tx) => {
        await handler(event);
        await tx.manager.query(`INSERT INTO effects (grievance_id, event_id, consumer) VALUES ($1, $2, $3)`, [
          event.grievanceId,
          event.eventId,
          groupId,
        ]);
      },
    );
    consumers.push(c);
    return c;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MESSAGING_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE effects (grievance_id uuid NOT NULL, event_id uuid NOT NULL, consumer text NOT NULL)`);
  });

  beforeEach(async () => {
    kafka = await createTestKafka('messaging', [
      { topic: 'grievance.submitted.v1', partitions: 3 },
      { topic: 'grievance.submitted.v1.dlq', partitions: 3 },
    ]);
    relay = new OutboxRelay(dataSource, kafka, { pollIntervalMs: 200 });
    relay.start();
    outbox = new TransactionalOutbox(dataSource, relay);
  });

  afterEach(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    consumers = [];
    await relay.stop();
    // Rows this test's relay did not publish must not leak into the next test's topics.
    await dataSource.query(`DELETE FROM messaging_outbox`);
    await kafka.deletePrefixedTopics();
    await kafka.disconnect();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('applies an event written through the outbox exactly once even when it is delivered twice', async () => {
    const applier = consumer('exactly-once');
    await applier.start();
    const event = manholeReport();

    await outbox.run(async (tx) => {
      await tx.manager.query(`INSERT INTO effects (grievance_id, event_id, consumer) VALUES ($1, $2, 'intake-state')`, [
        event.grievanceId,
        event.eventId,
      ]);
      await tx.publish('grievance.submitted.v1', event);
    });
    // The same event a second time, as a relay that crashed between send and mark would send it.
    const publisher = new EventPublisher(kafka);
    await publisher.publish('grievance.submitted.v1', event);
    await publisher.disconnect();

    const onTopic = await waitForMessages(kafka, 'grievance.submitted.v1', 2, (m) => m.key === event.grievanceId);
    expect(onTopic).toHaveLength(2);
    await eventually(() => applier.stats.applied + applier.stats.duplicates, (n) => n >= 2, { what: 'both deliveries handled' });
    expect(applier.stats).toMatchObject({ applied: 1, duplicates: 1, deadLettered: 0 });
    expect(await effects(event.grievanceId)).toBe(2); // the state change of intake + one application
    const [published] = (await dataSource.query(`SELECT published_at FROM messaging_outbox WHERE event_id = $1`, [event.eventId])) as {
      published_at: Date | null;
    }[];
    expect(published?.published_at).not.toBeNull();
  });

  it('publishes nothing for a unit of work that rolls back', async () => {
    const event = manholeReport();
    await expect(
      outbox.run(async (tx) => {
        await tx.publish('grievance.submitted.v1', event);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const rows = (await dataSource.query(`SELECT 1 FROM messaging_outbox WHERE event_id = $1`, [event.eventId])) as unknown[];
    expect(rows).toHaveLength(0);
  });

  it('keeps the events of one grievance in the order they were committed', async () => {
    const grievanceId = uuidv7();
    const seen: string[] = [];
    const ordered = consumer('ordering', (e) => {
      if (e.grievanceId === grievanceId) seen.push(e.payload.title);
    });
    await ordered.start();
    const titles = Array.from({ length: 30 }, (_, i) => `update ${i}`);
    for (const title of titles) {
      await outbox.run((tx) => tx.publish('grievance.submitted.v1', manholeReport(grievanceId, { title })));
    }
    await eventually(() => seen.length, (n) => n >= titles.length, { what: 'all 30 events applied' });
    expect(seen).toEqual(titles);
  });

  it('relays a commit in one round of three statements: begin, the lock with the claim and the mark, commit', async () => {
    const counter = StatementCounter.start(database.url);
    try {
      const before = relay.publishedCount;
      await outbox.run((tx) => tx.publish('grievance.submitted.v1', manholeReport()));
      await eventually(() => relay.publishedCount, (n) => n > before, { what: 'the event relayed' });
      // Every round has the same shape, whether it found the row or (woken once more) nothing.
      const rounds = counter.transactionsWith(/pg_try_advisory_xact_lock/);
      expect(rounds.length).toBeGreaterThan(0);
      expect([...new Set(rounds.map((t) => t.statements.length))]).toEqual([3]);
    } finally {
      counter.stop();
    }
  });

  it('publishes a commit at once even while another replica holds the relay lock, instead of waiting for the next poll', async () => {
    // A poll far beyond the test's patience: only the wake after the commit, and trying again
    // once the other replica lets go of the lock, can publish the event in time.
    await relay.stop();
    relay = new OutboxRelay(dataSource, kafka, { pollIntervalMs: 600_000 });
    relay.start();
    outbox = new TransactionalOutbox(dataSource, relay);
    // Another replica's relay round, holding the lock while our commit wakes our relay.
    const otherReplica = dataSource.createQueryRunner();
    await otherReplica.connect();
    await otherReplica.startTransaction();
    await otherReplica.query(`SELECT pg_advisory_xact_lock(hashtext('messaging_outbox_relay'))`);
    const event = manholeReport();
    try {
      await outbox.run((tx) => tx.publish('grievance.submitted.v1', event));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(relay.publishedCount).toBe(0); // it could not relay while the other held the lock
    } finally {
      await otherReplica.rollbackTransaction();
      await otherReplica.release();
    }
    const onTopic = await waitForMessages(kafka, 'grievance.submitted.v1', 1, (m) => m.key === event.grievanceId, 10_000);
    expect(onTopic).toHaveLength(1);
  });

  it('parks an invalid payload on the dead-letter topic with its reason and still consumes the next message of the partition', async () => {
    const applier = consumer('poison');
    await applier.start();
    const grievanceId = uuidv7();
    const bad = manholeReport(grievanceId, { location: { lat: 999, lng: 115.86 } });
    const good = manholeReport(grievanceId);
    const producer = kafka.createProducer();
    await producer.connect();
    // Same key, so the same partition: the poison message stands right before the good one.
    await producer.send({
      topic: kafka.topic('grievance.submitted.v1'),
      messages: [
        { key: grievanceId, value: JSON.stringify(bad) },
        { key: grievanceId, value: '{"not": "an envelope"' },
        { key: grievanceId, value: JSON.stringify(good) },
      ],
    });
    await producer.disconnect();

    await eventually(() => effects(grievanceId), (n) => n === 1, { what: 'the good message applied' });
    const parked = await waitForMessages(kafka, 'grievance.submitted.v1.dlq', 2, (m) => m.key === grievanceId);
    expect(parked.map((m) => m.headers[DLQ_HEADER.reason])).toEqual([
      expect.stringContaining('payload.location.lat'),
      expect.stringContaining('not JSON'),
    ]);
    expect(parked[0]!.headers).toMatchObject({
      [DLQ_HEADER.originalTopic]: 'grievance.submitted.v1',
      [DLQ_HEADER.consumer]: 'poison',
    });
    expect(applier.stats).toMatchObject({ applied: 1, deadLettered: 2 });
  });

  it('retries a transient failure with backoff and applies the event once it succeeds', async () => {
    const event = manholeReport();
    let failuresLeft = 2;
    const flaky = consumer('flaky', (e) => {
      if (e.eventId === event.eventId && failuresLeft-- > 0) throw new Error('lock timeout');
    });
    await flaky.start();
    await outbox.run((tx) => tx.publish('grievance.submitted.v1', event));
    await eventually(() => effects(event.grievanceId), (n) => n === 1, { what: 'the event applied after retries' });
    expect(flaky.stats).toMatchObject({ applied: 1, retried: 2, deadLettered: 0 });
  });

  it('parks a message whose handler keeps failing, without leaving half its effects, and moves on', async () => {
    const doomed = manholeReport();
    const next = manholeReport(doomed.grievanceId);
    const broken = consumer('broken', (e) => {
      if (e.eventId === doomed.eventId) throw new Error('category has no route');
    });
    await broken.start();
    await outbox.run(async (tx) => {
      await tx.publish('grievance.submitted.v1', doomed);
      await tx.publish('grievance.submitted.v1', next);
    });
    await eventually(() => broken.stats.applied, (n) => n === 1, { what: 'the next message applied' });
    const parked = await waitForMessages(kafka, 'grievance.submitted.v1.dlq', 1, (m) => m.headers['x-event-id'] === doomed.eventId);
    expect(parked[0]!.headers).toMatchObject({ [DLQ_HEADER.attempts]: '3', [DLQ_HEADER.reason]: 'category has no route' });
    const inbox = (await dataSource.query(`SELECT event_id FROM messaging_inbox WHERE consumer = 'broken'`)) as { event_id: string }[];
    expect(inbox.map((r) => r.event_id)).toEqual([next.eventId]);
  });

  it("tells the connection's observers (the service's metrics) what it applied, skipped as a redelivery, parked and published", async () => {
    const seen: string[] = [];
    kafka.observers.add({
      consumerStarted: (group, topics) => seen.push(`started ${group} ${topics.join(',')}`),
      eventsApplied: (group, topic, n) => seen.push(`applied ${group} ${topic} ${n}`),
      eventsDuplicate: (group, topic, n) => seen.push(`duplicate ${group} ${topic} ${n}`),
      eventParked: (group, topic, errorClass) => seen.push(`parked ${group} ${topic} ${errorClass}`),
      outboxPublished: (topic, n) => seen.push(`published ${topic} ${n}`),
    });
    const good = manholeReport();
    const doomed = manholeReport();
    const watched = consumer('watched', (e) => {
      if (e.eventId === doomed.eventId) throw new PermanentEventError('unknown district');
    });
    await watched.start();
    await outbox.run((tx) => tx.publish('grievance.submitted.v1', good));
    await eventually(() => watched.stats.applied, (n) => n === 1, { what: 'the good event applied' });
    await new EventPublisher(kafka).publish('grievance.submitted.v1', good).catch(() => undefined);
    await outbox.run((tx) => tx.publish('grievance.submitted.v1', doomed));
    await eventually(() => watched.stats.deadLettered + watched.stats.duplicates, (n) => n === 2, { what: 'the redelivery skipped and the doomed event parked' });

    expect(seen).toEqual(
      expect.arrayContaining([
        'started watched grievance.submitted.v1',
        'published grievance.submitted.v1 1',
        'applied watched grievance.submitted.v1 1',
        'duplicate watched grievance.submitted.v1 1',
        'parked watched grievance.submitted.v1 PermanentEventError',
      ]),
    );
    expect(seen.filter((s) => s.startsWith('published')).length).toBe(2);
  });

  it('parks a permanent failure at once, without retrying', async () => {
    const event = manholeReport();
    const strict = consumer('strict', (e) => {
      if (e.eventId === event.eventId) throw new PermanentEventError('unknown district');
    });
    await strict.start();
    await outbox.run((tx) => tx.publish('grievance.submitted.v1', event));
    await eventually(() => strict.stats.deadLettered, (n) => n === 1, { what: 'the event parked' });
    expect(strict.stats.retried).toBe(0);
  });

  it('applies a backlog of one partition in grouped transactions, each event once', async () => {
    const first = manholeReport();
    const events = [first, ...Array.from({ length: 29 }, () => manholeReport(first.grievanceId))];
    // On the topic before the consumer joins: its first fetch holds them all, one partition (one key).
    await outbox.run(async (tx) => {
      for (const event of events) await tx.publish('grievance.submitted.v1', event);
    });
    await waitForMessages(kafka, 'grievance.submitted.v1', events.length, (m) => m.key === first.grievanceId);
    const grouped = consumer('grouped');
    await grouped.start();
    await eventually(() => effects(first.grievanceId), (n) => n === events.length, { what: 'every event applied' });
    expect(grouped.stats).toMatchObject({ applied: events.length, duplicates: 0, deadLettered: 0, groupFallbacks: 0 });
    expect(grouped.stats.groupedTransactions).toBeGreaterThan(0);
    const inbox = (await dataSource.query(`SELECT event_id FROM messaging_inbox WHERE consumer = 'grouped' ORDER BY processed_at`)) as { event_id: string }[];
    expect(new Set(inbox.map((r) => r.event_id))).toEqual(new Set(events.map((e) => e.eventId)));
  });

  it('with fetchGatherMs, takes events that come one by one in a few fetches and transactions, each applied once', async () => {
    /** Each consumer's transactions, told apart by the entity manager (one per database transaction) its handler was given. */
    const transactions = new Map<string, Set<unknown>>();
    const member = (groupId: string, fetchGatherMs: number) => {
      transactions.set(groupId, new Set());
      const c = new EventConsumer(kafka, dataSource, { groupId, fetchGatherMs }).on('grievance.submitted.v1', async (event, tx) => {
        transactions.get(groupId)!.add(tx.manager);
        await tx.manager.query(`INSERT INTO effects (grievance_id, event_id, consumer) VALUES ($1, $2, $3)`, [event.grievanceId, event.eventId, groupId]);
      });
      consumers.push(c);
      return c;
    };
    const gathering = member('gathering', 1500);
    const eager = member('eager', 0);
    await Promise.all([gathering.start(), eager.start()]);

    const first = manholeReport();
    const events = [first, ...Array.from({ length: 9 }, () => manholeReport(first.grievanceId))];
    for (const event of events) {
      await outbox.run((tx) => tx.publish('grievance.submitted.v1', event));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const appliedBy = async (groupId: string) =>
      ((await dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE grievance_id = $1 AND consumer = $2`, [first.grievanceId, groupId])) as {
        n: number;
      }[])[0]!.n;
    await eventually(() => appliedBy('gathering'), (n) => n === events.length, { what: 'every event applied by the gathering consumer' });
    await eventually(() => appliedBy('eager'), (n) => n === events.length, { what: 'every event applied by the eager consumer' });

    expect(gathering.stats).toMatchObject({ applied: events.length, duplicates: 0, deadLettered: 0 });
    // A second of events, one every 100 ms: the first fetch brings the first, the next the rest.
    expect(transactions.get('gathering')!.size).toBeLessThanOrEqual(3);
    expect(transactions.get('eager')!.size).toBeGreaterThan(transactions.get('gathering')!.size);
  });

  it('with fetchGatherMs, applies the partitions of one fetch in one transaction, and each on its own when that transaction fails', async () => {
    // Nine grievances (nine keys, so every partition has some), on the topic before the consumers join: their first fetch brings them all.
    const events = Array.from({ length: 9 }, () => manholeReport());
    const doomed = events[4]!;
    await outbox.run(async (tx) => {
      for (const event of events) await tx.publish('grievance.submitted.v1', event);
    });
    await waitForMessages(kafka, 'grievance.submitted.v1', events.length);
    /** Each consumer's transactions (one entity manager per database transaction) and the partitions its events came from. */
    const seen = new Map<string, { transactions: Set<unknown>; partitions: Set<number> }>();
    const member = (groupId: string, fails: (eventId: string) => boolean) => {
      seen.set(groupId, { transactions: new Set(), partitions: new Set() });
      const c = new EventConsumer(kafka, dataSource, { groupId, fetchGatherMs: 200 }).on('grievance.submitted.v1', async (event, tx, meta) => {
        seen.get(groupId)!.transactions.add(tx.manager);
        seen.get(groupId)!.partitions.add(meta.partition);
        if (fails(event.eventId)) throw new PermanentEventError('unknown district');
        await tx.manager.query(`INSERT INTO effects (grievance_id, event_id, consumer) VALUES ($1, $2, $3)`, [event.grievanceId, event.eventId, groupId]);
      });
      consumers.push(c);
      return c;
    };
    const whole = member('whole-fetch', () => false);
    const failing = member('failing-fetch', (eventId) => eventId === doomed.eventId);
    await Promise.all([whole.start(), failing.start()]);

    const appliedBy = async (groupId: string) =>
      ((await dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE consumer = $1`, [groupId])) as { n: number }[])[0]!.n;
    await eventually(() => appliedBy('whole-fetch'), (n) => n === events.length, { what: 'every event applied' });
    expect(seen.get('whole-fetch')!.partitions.size).toBeGreaterThan(1);
    expect(seen.get('whole-fetch')!.transactions.size).toBe(1);
    expect(whole.stats).toMatchObject({ applied: events.length, duplicates: 0, groupedTransactions: 1, groupFallbacks: 0 });

    // The whole fetch rolled back, then each partition applied on its own: the others once, the doomed one parked.
    const parked = await waitForMessages(kafka, 'grievance.submitted.v1.dlq', 1, (m) => m.headers['x-event-id'] === doomed.eventId);
    expect(parked).toHaveLength(1);
    await eventually(() => appliedBy('failing-fetch'), (n) => n === events.length - 1, { what: 'every other event applied' });
    expect(failing.stats).toMatchObject({ applied: events.length - 1, deadLettered: 1 });
    expect(failing.stats.groupFallbacks).toBeGreaterThanOrEqual(1);
    const rows = (await dataSource.query(`SELECT event_id FROM effects WHERE consumer = 'failing-fetch'`)) as { event_id: string }[];
    expect(rows.map((r) => r.event_id).sort()).toEqual(events.filter((e) => e !== doomed).map((e) => e.eventId).sort());
  });

  it("writes a group's rows through its batch writer once, before the commit, and a redelivered group adds nothing", async () => {
    /** Rows of the group, written in one statement by flush. */
    class EffectRows implements BatchWriter {
      rows: { grievance_id: string; event_id: string }[] = [];
      constructor(private readonly manager: EntityManager) {}
      async flush(): Promise<void> {
        const rows = this.rows;
        this.rows = [];
        flushes.push(rows.length);
        if (rows.length === 0) return;
        await this.manager.query(
          `INSERT INTO effects (grievance_id, event_id, consumer) SELECT grievance_id, event_id, 'batched' FROM jsonb_to_recordset($1::jsonb) AS r(grievance_id uuid, event_id uuid)`,
          [JSON.stringify(rows)],
        );
      }
    }
    const flushes: number[] = [];
    const first = manholeReport();
    const events = [first, ...Array.from({ length: 19 }, () => manholeReport(first.grievanceId))];
    // On the topic before the consumer joins, twice (a redelivery of the whole group): one partition (one key).
    await outbox.run(async (tx) => {
      for (const event of events) await tx.publish('grievance.submitted.v1', event);
    });
    const publisher = new EventPublisher(kafka);
    for (const event of events) await publisher.publish('grievance.submitted.v1', event);
    await publisher.disconnect();
    await waitForMessages(kafka, 'grievance.submitted.v1', 2 * events.length, (m) => m.key === first.grievanceId);
    const batched = new EventConsumer(kafka, dataSource, { groupId: 'batched' }).on('grievance.submitted.v1', async (event, tx) => {
      tx.batchWriter(EffectRows, (manager) => new EffectRows(manager)).rows.push({ grievance_id: event.grievanceId, event_id: event.eventId });
    });
    consumers.push(batched);
    await batched.start();
    await eventually(() => batched.stats.applied + batched.stats.duplicates, (n) => n === 2 * events.length, { what: 'every copy consumed' });
    expect(await effects(first.grievanceId)).toBe(events.length);
    expect(batched.stats).toMatchObject({ applied: events.length, duplicates: events.length, groupFallbacks: 0 });
    // One flush per transaction that applied something: far fewer than the events.
    expect(flushes.reduce((a, b) => a + b, 0)).toBe(events.length);
    expect(flushes.length).toBeLessThanOrEqual(batched.stats.groupedTransactions);
  });

  it('takes a group with a failing event apart: the others applied once, the failing one parked', async () => {
    const first = manholeReport();
    const events = [first, ...Array.from({ length: 19 }, () => manholeReport(first.grievanceId))];
    const doomed = events[7]!;
    await outbox.run(async (tx) => {
      for (const event of events) await tx.publish('grievance.submitted.v1', event);
    });
    await waitForMessages(kafka, 'grievance.submitted.v1', events.length, (m) => m.key === first.grievanceId);
    const picky = consumer('picky', (e) => {
      if (e.eventId === doomed.eventId) throw new PermanentEventError('unknown district');
    });
    await picky.start();
    await eventually(() => picky.stats.applied + picky.stats.deadLettered, (n) => n === events.length, { what: 'every event handled' });
    expect(picky.stats).toMatchObject({ applied: events.length - 1, deadLettered: 1, retried: 0 });
    expect(picky.stats.groupFallbacks).toBeGreaterThan(0);
    expect(await effects(first.grievanceId)).toBe(events.length - 1);
    const inbox = (await dataSource.query(`SELECT event_id FROM messaging_inbox WHERE consumer = 'picky'`)) as { event_id: string }[];
    expect(inbox.map((r) => r.event_id).sort()).toEqual(events.filter((e) => e !== doomed).map((e) => e.eventId).sort());
  });
});
