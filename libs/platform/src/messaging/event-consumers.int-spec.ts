import { DynamicModule, Injectable, Module, Type } from '@nestjs/common';
import { createEnvelope, deadLetterTopic, uuidv7 } from '@grievance/contracts';
import { consumerSubscriptions, EventPublisher, KafkaConnection, MESSAGING_MIGRATIONS, OutboxTransaction } from '@grievance/messaging';
import {
  createServiceApp,
  createTestDatabase,
  eventually,
  FixtureConfig,
  manholeReport,
  TEST_KAFKA_BROKERS,
  testConfigEnv,
  TestDatabase,
  TestServiceApp,
  uniqueTopicPrefix,
} from '@grievance/testing';
import { DataSource } from 'typeorm';
import { PlatformModule } from '../platform.module';
import { BeforeConsuming, ConsumerGroupOptions, EventConsumers, EventConsumersModule } from './event-consumers.module';
import { ConsumedEvent, EventMeta, HandlesEvent, skipped } from './handles-event';

const GROUP = 'ledger';

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** What the handlers below did, as rows: (event id, topic, whether the group was prepared first). */
async function effects(dataSource: DataSource): Promise<{ event_id: string; topic: string; prepared: boolean }[]> {
  return dataSource.query(`SELECT event_id::text, topic, prepared FROM ledger_effects ORDER BY topic`);
}

@Injectable()
class LedgerHandler implements BeforeConsuming {
  prepared = false;

  async beforeConsuming(): Promise<void> {
    this.prepared = true;
  }

  @HandlesEvent('grievance.submitted.v1')
  async submitted(event: ConsumedEvent<'grievance.submitted.v1'>, tx: OutboxTransaction, meta: EventMeta<'grievance.submitted.v1'>) {
    if (event.payload.kind === 'suggestion') return skipped('suggestions are not kept in the ledger');
    await this.record(event.eventId, meta.topic, tx);
  }

  @HandlesEvent('grievance.closed.v1', 'grievance.reopened.v1')
  async ended(event: ConsumedEvent<'grievance.closed.v1' | 'grievance.reopened.v1'>, tx: OutboxTransaction, meta: EventMeta<'grievance.closed.v1' | 'grievance.reopened.v1'>) {
    await this.record(event.eventId, meta.topic, tx);
  }

  private async record(eventId: string, topic: string, tx: OutboxTransaction): Promise<void> {
    await tx.manager.query(`INSERT INTO ledger_effects (event_id, topic, prepared) VALUES ($1, $2, $3)`, [eventId, topic, this.prepared]);
  }
}

@Injectable()
class SecondSubmittedHandler {
  @HandlesEvent('grievance.submitted.v1')
  async submitted(): Promise<void> {
    // Never runs: a group that lists it beside LedgerHandler is refused.
  }
}

@Injectable()
class MisnamedTopicHandler {
  // A department code has no spaces or capitals: the name fits the type but names no topic.
  @HandlesEvent('department.Water Works.issues.v1')
  async issue(): Promise<void> {
    // Never runs: the group is refused.
  }
}

@Injectable()
class PlainProvider {}

/** A service of the chassis with one consumer group; `providers` are the module's own (the handlers' home). */
function consumingService(group: ConsumerGroupOptions, providers: Type[], logs: LogLine[] = []) {
  @Module({})
  class ConsumingService {
    static readonly configClass = FixtureConfig;

    static forRoot(config: FixtureConfig): DynamicModule {
      return {
        module: ConsumingService,
        imports: [
          PlatformModule.forRoot({
            config,
            migrations: MESSAGING_MIGRATIONS,
            logDestination: { write: (line: string) => logs.push(JSON.parse(line) as LogLine) },
          }),
          EventConsumersModule.forGroup(group),
        ],
        providers,
      };
    }
  }
  return ConsumingService;
}

describe('a consumer group declared through EventConsumersModule, on the real broker and database', () => {
  let database: TestDatabase;
  let admin: DataSource;
  const connections: KafkaConnection[] = [];
  const services: TestServiceApp[] = [];

  /** A connection under a fresh prefix (nothing created yet) and the env of a service on it. */
  function onFreshTopics(label: string, overrides: Record<string, string> = {}) {
    const prefix = uniqueTopicPrefix(label);
    const kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: `test-${label}`, topicPrefix: prefix });
    connections.push(kafka);
    return { kafka, env: testConfigEnv({ DATABASE_URL: database.url, KAFKA_TOPIC_PREFIX: prefix, ...overrides }) };
  }

  const topics = ['grievance.submitted.v1', 'grievance.closed.v1', 'grievance.reopened.v1'].flatMap((topic) => [
    { topic, partitions: 2 },
    { topic: deadLetterTopic(topic), partitions: 2 },
  ]);

  /** The groups (unprefixed) that have members reading a topic now. */
  const readersOf = async (kafka: KafkaConnection, topic: string) => [...((await consumerSubscriptions(kafka)).get(topic) ?? [])];

  beforeAll(async () => {
    database = await createTestDatabase('event-consumers');
    admin = new DataSource({ type: 'postgres', url: database.url });
    await admin.initialize();
    await admin.query(`CREATE TABLE ledger_effects (event_id uuid PRIMARY KEY, topic text NOT NULL, prepared boolean NOT NULL)`);
  });

  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
    for (const kafka of connections.splice(0)) {
      await kafka.deletePrefixedTopics().catch(() => undefined);
      await kafka.disconnect();
    }
  });

  afterAll(async () => {
    await admin?.destroy();
    await database?.drop();
  });

  it('boots while its topics are missing, says so and retries, then applies each event with the method its topic names', async () => {
    const logs: LogLine[] = [];
    const { kafka, env } = onFreshTopics('consumers', { LOG_LEVEL: 'info' });
    const service = await createServiceApp(consumingService({ groupId: GROUP, handlers: [LedgerHandler] }, [LedgerHandler], logs), env);
    services.push(service);

    // The app is up (createServiceApp returned) although the group cannot join yet.
    const retries = () => logs.filter((l) => l.msg === 'consumer could not start; will retry' && l.groupId === GROUP);
    await eventually(() => retries().length, (n) => n >= 2, { what: 'two logged start failures', timeoutMs: 45_000 });
    expect(retries()[0]).toMatchObject({ level: 'warn', retryInMs: expect.any(Number) });

    await kafka.ensureTopics(topics);
    await eventually(() => logs.some((l) => l.msg === 'consumer joined its group' && l.groupId === GROUP), Boolean, {
      what: 'the group to join once its topics exist',
      timeoutMs: 30_000,
    });

    const submitted = manholeReport();
    const suggestion = manholeReport(uuidv7(), { kind: 'suggestion' });
    const closed = createEnvelope({
      topic: 'grievance.closed.v1',
      grievanceId: submitted.grievanceId,
      actor: { id: 'feedback', role: 'system' },
      correlationId: 'req-consumers',
      payload: { outcome: 'resolved', rating: 'satisfied', slaMet: true },
    });
    const publisher = new EventPublisher(kafka);
    await publisher.publish('grievance.submitted.v1', submitted);
    await publisher.publish('grievance.submitted.v1', suggestion);
    await publisher.publish('grievance.closed.v1', closed);
    await publisher.disconnect();

    const consumer = service.app.get(EventConsumers).get(GROUP);
    await eventually(() => consumer.stats.applied, (n) => n >= 3, { what: 'three events applied' });
    const mine = (await effects(admin)).filter((row) => [submitted.eventId, closed.eventId].includes(row.event_id));
    expect(mine).toEqual([
      { event_id: closed.eventId, topic: 'grievance.closed.v1', prepared: true },
      { event_id: submitted.eventId, topic: 'grievance.submitted.v1', prepared: true },
    ]);
    expect(consumer.stats).toMatchObject({ applied: 3, deadLettered: 0 });
    expect(logs.find((l) => l.msg === 'event skipped')).toMatchObject({
      level: 'warn',
      groupId: GROUP,
      topic: 'grievance.submitted.v1',
      eventId: suggestion.eventId,
      grievanceId: suggestion.grievanceId,
      reason: 'suggestions are not kept in the ledger',
    });
  });

  it('leaves its group before the app shuts down, also when it is closed while still joining', async () => {
    const { kafka, env } = onFreshTopics('consumers-leave');
    await kafka.ensureTopics(topics);
    const service = await createServiceApp(consumingService({ groupId: GROUP, handlers: [LedgerHandler] }, [LedgerHandler]), env);
    await eventually(() => readersOf(kafka, 'grievance.submitted.v1'), (groups) => groups.includes(GROUP), { what: 'the group to have a member' });
    await service.close();
    // A clean leave empties the group at once, not after the session timeout.
    expect(await readersOf(kafka, 'grievance.submitted.v1')).toEqual([]);

    // Closed right after it booted: the join under way ends first, and nothing is left connected behind.
    const early = await createServiceApp(consumingService({ groupId: GROUP, handlers: [LedgerHandler] }, [LedgerHandler]), env);
    await early.close();
    await new Promise((resolve) => setTimeout(resolve, 8000));
    expect(await readersOf(kafka, 'grievance.submitted.v1')).toEqual([]);
  });

  describe('refuses to start', () => {
    const refusal = async (group: ConsumerGroupOptions, providers: Type[]) => {
      const { env } = onFreshTopics('consumers-refused');
      return createServiceApp(consumingService(group, providers), env).then(
        (started) => {
          services.push(started);
          return 'started';
        },
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    };

    it('a handler for a topic the catalogue does not have', async () => {
      expect(await refusal({ groupId: GROUP, handlers: [MisnamedTopicHandler] }, [MisnamedTopicHandler])).toBe(
        'consumer group ledger: MisnamedTopicHandler.issue handles department.Water Works.issues.v1, which is not a topic of the catalogue',
      );
    });

    it('two handlers for one topic', async () => {
      expect(await refusal({ groupId: GROUP, handlers: [LedgerHandler, SecondSubmittedHandler] }, [LedgerHandler, SecondSubmittedHandler])).toBe(
        'consumer group ledger: grievance.submitted.v1 has two handlers: LedgerHandler.submitted and SecondSubmittedHandler.submitted',
      );
    });

    it('a handler no group lists', async () => {
      expect(await refusal({ groupId: GROUP, handlers: [LedgerHandler] }, [LedgerHandler, SecondSubmittedHandler])).toBe(
        'SecondSubmittedHandler has @HandlesEvent methods but no consumer group lists it in its handlers',
      );
    });

    it('a listed handler that no module provides, or that handles nothing', async () => {
      expect(await refusal({ groupId: GROUP, handlers: [LedgerHandler] }, [])).toBe(
        'consumer group ledger: LedgerHandler must be provided by exactly one module (it is provided by 0)',
      );
      expect(await refusal({ groupId: GROUP, handlers: [PlainProvider] }, [PlainProvider])).toBe('consumer group ledger: PlainProvider has no @HandlesEvent method');
    });
  });
});
