/**
 * The relay and the consumers across a broker outage, on a private broker (the shared one
 * of the integration tier must stay up): nothing written through the outbox is lost, and
 * every event is applied exactly once, however the broker went away.
 */
import { EventEnvelope, GrievanceSubmittedV1, uuidv7 } from '@grievance/contracts';
import { createTestDatabase, eventually, manholeReport, PrivateKafka, startPrivateKafka, TestDatabase, waitForMessages } from '@grievance/testing';
import { DataSource } from 'typeorm';
import { EventConsumer } from './consumer/event-consumer';
import { KafkaConnection, TopicToCreate } from './kafka-connection';
import { MESSAGING_MIGRATIONS } from './migrations';
import { OutboxRelay } from './outbox/outbox-relay';
import { TransactionalOutbox } from './outbox/outbox-transaction';

// A broker start takes a few seconds, a restart after SIGKILL a few more, and a consumer
// group needs a moment to form again: more than the tier's 60 s per test.
jest.setTimeout(120_000);

const TOPIC = 'grievance.submitted.v1';
const TOPICS: TopicToCreate[] = [
  { topic: TOPIC, partitions: 3 },
  { topic: `${TOPIC}.dlq`, partitions: 3 },
];

const update = (grievanceId: string, title: string) => manholeReport(grievanceId, { title });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the outbox relay and the consumers across a broker outage (a private broker)', () => {
  let kafka: PrivateKafka;
  let database: TestDatabase;
  let dataSource: DataSource;
  let relay: OutboxRelay | undefined;
  let consumers: EventConsumer[] = [];
  /** What the run measured, printed at the end. */
  const timings: string[] = [];
  const time = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await fn();
    timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  /** The events of `grievances` grievances, `perGrievance` each, committed one by one, the grievances interleaved. */
  async function commitUpdates(outbox: TransactionalOutbox, grievances: string[], perGrievance: number, label: string, pauseMs = 0) {
    const written: EventEnvelope<GrievanceSubmittedV1>[] = [];
    for (let n = 0; n < perGrievance; n++) {
      for (const grievanceId of grievances) {
        const event = update(grievanceId, `${label} ${n}`);
        await outbox.run((tx) => tx.publish(TOPIC, event));
        written.push(event);
        if (pauseMs) await sleep(pauseMs);
      }
    }
    return written;
  }

  /** How many messages the topic holds, from its partitions' offsets (duplicates included). */
  async function messagesOnTopic(connection: KafkaConnection): Promise<number> {
    const admin = connection.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(connection.topic(TOPIC));
      return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('broker_outage');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MESSAGING_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(
      `CREATE TABLE effects (seq bigserial PRIMARY KEY, grievance_id uuid NOT NULL, event_id uuid NOT NULL, title text NOT NULL, consumer text NOT NULL)`,
    );
    kafka = await startPrivateKafka({ label: 'outage', start: false });
    await time('private broker first start (format + start)', () => kafka.start());
  });

  afterEach(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    consumers = [];
    await relay?.stop();
    relay = undefined;
    await dataSource.query(`DELETE FROM messaging_outbox`);
  });

  afterAll(async () => {
    await kafka?.dispose();
    await dataSource?.destroy();
    await database?.drop();
    if (timings.length) console.log(`broker outage timings: ${timings.join('; ')}`);
  });

  it('a relay that starts while the broker is down publishes everything once the broker is back', async () => {
    const topics = await kafka.createTopics('relay-outage', TOPICS);
    await time('clean stop', () => kafka.stop());

    relay = new OutboxRelay(dataSource, topics, { pollIntervalMs: 200, maxBackoffMs: 1000 });
    relay.start();
    const outbox = new TransactionalOutbox(dataSource, relay);
    const grievances = Array.from({ length: 5 }, () => uuidv7());
    const written = await commitUpdates(outbox, grievances, 10, 'update');
    expect(written).toHaveLength(50);

    // The relay keeps trying (and recording why it fails) but loses and publishes nothing.
    await eventually(
      async () => ((await dataSource.query(`SELECT min(attempts)::int AS n FROM messaging_outbox`)) as { n: number }[])[0]!.n,
      (attempts) => attempts >= 2,
      { timeoutMs: 30_000, what: 'every row tried at least twice' },
    );
    expect(await relay.pendingCount()).toBe(50);
    expect(relay.publishedCount).toBe(0);
    const [failed] = (await dataSource.query(`SELECT last_error FROM messaging_outbox ORDER BY seq LIMIT 1`)) as { last_error: string }[];
    expect(failed?.last_error).toBeTruthy();

    await time('restart after clean stop', () => kafka.start());
    await time('relay caught up after restart', () =>
      eventually(() => relay!.pendingCount(), (n) => n === 0, { timeoutMs: 60_000, intervalMs: 250, what: 'the outbox drained' }),
    );

    // Everything is acknowledged now: read all the topic holds.
    const total = await messagesOnTopic(topics);
    const onTopic = await waitForMessages(topics, TOPIC, total, () => true, 30_000);
    const ids = onTopic.map((m) => m.headers['x-event-id']);
    const distinct = new Set(ids);
    expect([...distinct].sort()).toEqual(written.map((e) => e.eventId).sort());
    timings.push(`relay outage: ${total} messages for ${distinct.size} events (${total - distinct.size} duplicates)`);
    // The broker was down for the whole time the rows waited: no send ever reached it before
    // it came back, so there is nothing a retry could have sent twice.
    expect(total).toBe(50);

    // Each grievance's events are on one partition, in the order they were committed.
    for (const grievanceId of grievances) {
      const mine = onTopic.filter((m) => m.key === grievanceId);
      expect(new Set(mine.map((m) => m.partition)).size).toBe(1);
      const firstSeen = [...new Set(mine.map((m) => m.headers['x-event-id']))];
      expect(firstSeen).toEqual(written.filter((e) => e.grievanceId === grievanceId).map((e) => e.eventId));
    }
  });

  it('a consumer started while the broker is down consumes once it is back, and an outage in the middle loses nothing', async () => {
    const topics = await kafka.createTopics('consumer-outage', TOPICS);
    await kafka.stop();

    relay = new OutboxRelay(dataSource, topics, { pollIntervalMs: 200, maxBackoffMs: 1000 });
    relay.start();
    const outbox = new TransactionalOutbox(dataSource, relay);
    const consumer = new EventConsumer(topics, dataSource, {
      groupId: 'outage',
      retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
    }).on(TOPIC, async (event, tx) => {
      await tx.manager.query(`INSERT INTO effects (grievance_id, event_id, title, consumer) VALUES ($1, $2, $3, 'outage')`, [
        event.grievanceId,
        event.eventId,
        event.payload.title,
      ]);
    });
    consumers.push(consumer);
    let joined = false;
    const starting = consumer.start().then(() => {
      joined = true;
    });

    const grievances = Array.from({ length: 4 }, () => uuidv7());
    const written = await commitUpdates(outbox, grievances, 5, 'before');
    await sleep(2000);
    expect(joined).toBe(false);
    expect(consumer.stats.applied).toBe(0);
    expect(await relay.pendingCount()).toBe(20);

    await time('restart with a consumer waiting', () => kafka.start());
    await time('consumer joined after restart', () => starting);
    await eventually(() => consumer.stats.applied, (n) => n === 20, { timeoutMs: 60_000, what: 'the first 20 events applied' });

    // Events keep coming; the broker dies (SIGKILL) while they flow, more are written while it
    // is down, then it comes back.
    const flowing = commitUpdates(outbox, grievances, 10, 'during', 50);
    await eventually(() => consumer.stats.applied, (n) => n >= 30, { timeoutMs: 30_000, what: 'events flowing again' });
    await kafka.kill();
    const appliedAtKill = consumer.stats.applied;
    written.push(...(await flowing));
    written.push(...(await commitUpdates(outbox, grievances, 5, 'after')));
    expect(written).toHaveLength(80);
    expect(await relay.pendingCount()).toBeGreaterThan(0);

    await time('restart after SIGKILL', () => kafka.start());
    await time('consumer caught up after SIGKILL', () =>
      eventually(
        async () => ((await dataSource.query(`SELECT count(*)::int AS n FROM effects`)) as { n: number }[])[0]!.n,
        (n) => n >= written.length,
        { timeoutMs: 90_000, intervalMs: 250, what: 'all 80 events applied' },
      ),
    );
    await eventually(() => relay!.pendingCount(), (n) => n === 0, { timeoutMs: 30_000, what: 'the outbox drained' });

    // Exactly once: one effect and one inbox row per event, none extra.
    const effects = (await dataSource.query(`SELECT grievance_id, event_id, title FROM effects ORDER BY seq`)) as {
      grievance_id: string;
      event_id: string;
      title: string;
    }[];
    expect(effects.map((e) => e.event_id).sort()).toEqual(written.map((e) => e.eventId).sort());
    const inbox = (await dataSource.query(`SELECT event_id FROM messaging_inbox WHERE consumer = 'outage'`)) as { event_id: string }[];
    expect(inbox.map((r) => r.event_id).sort()).toEqual(written.map((e) => e.eventId).sort());
    // ... and each grievance's events applied in the order they were committed.
    for (const grievanceId of grievances) {
      expect(effects.filter((e) => e.grievance_id === grievanceId).map((e) => e.event_id)).toEqual(
        written.filter((e) => e.grievanceId === grievanceId).map((e) => e.eventId),
      );
    }
    expect(consumer.stats).toMatchObject({ applied: 80, deadLettered: 0 });
    const total = await messagesOnTopic(topics);
    timings.push(
      `consumer outage: killed after ${appliedAtKill} applied; ${total} messages on the topic for 80 events, ` +
        `${consumer.stats.duplicates} redeliveries skipped by the inbox`,
    );
  });
});
