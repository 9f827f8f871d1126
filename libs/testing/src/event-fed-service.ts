import { Actor, createEnvelope, EventEnvelope, NewEvent, PayloadOf, TopicName, uuidv7 } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection, toWireMessage } from '@grievance/messaging';
import { Env, ServiceConfig, ServiceModule } from '@grievance/platform';
import { queryDatabase } from './provisioning';
import { eventually } from './kafka';
import type { StatementCounter } from './statement-counter';
import { createServiceApp, TestServiceApp, testConfigEnv } from './service-app';

/**
 * A service booted in-process with the catalogue's topics created, and a producer to feed it
 * events as the other services would: the base of a service's own test harness.
 */
export class EventFedService<C extends ServiceConfig> {
  protected constructor(
    readonly service: TestServiceApp<C>,
    readonly kafka: KafkaConnection,
    protected readonly publisher: EventPublisher,
  ) {}

  /** Boots the service and its topics (closing it again if the topics cannot be made). */
  protected static async boot<C extends ServiceConfig>(module: ServiceModule<C>, env: Env): Promise<[TestServiceApp<C>, KafkaConnection, EventPublisher]> {
    const service = await createServiceApp<C>(module, testConfigEnv(env));
    const kafka = service.app.get(KafkaConnection);
    try {
      await kafka.ensureTopics(catalogueTopicsToCreate());
    } catch (error) {
      await service.close().catch(() => undefined);
      throw error;
    }
    return [service, kafka, new EventPublisher(kafka)];
  }

  async close(): Promise<void> {
    await this.publisher.disconnect().catch(() => undefined);
    await this.service.close();
  }

  get url(): string {
    return this.service.url;
  }

  /** Publishes an event as another service would, at the grievance's own time `at`; returns its envelope (for redelivery). */
  async publish<T extends TopicName>(topic: T, grievanceId: string, payload: PayloadOf<T>, options: { at?: Date; actor?: Actor } = {}): Promise<EventEnvelope<PayloadOf<T>>> {
    const envelope = createEnvelope({
      topic,
      grievanceId,
      actor: options.actor ?? { id: 'system', role: 'system' },
      correlationId: uuidv7(),
      payload,
      occurredAt: options.at,
    } as NewEvent<T>);
    await this.publisher.publish(topic, envelope);
    return envelope;
  }

  /** Publishes the very same envelope again, as a broker redelivery would. */
  async redeliver<T extends TopicName>(topic: T, envelope: EventEnvelope<PayloadOf<T>>): Promise<void> {
    await this.publisher.publish(topic, envelope);
  }

  /** Publishes envelopes in one produce request (see publishAll below). */
  async publishAll(events: readonly { topic: TopicName; envelope: EventEnvelope }[]): Promise<void> {
    await publishAll(this.kafka, events);
  }

  /** Delivers `events` to the service and answers what its consumer's transactions cost (see deliverCounted below). */
  async deliverCounted(
    events: readonly { topic: TopicName; envelope: EventEnvelope }[],
    consumed: () => number,
    counter: StatementCounter,
  ): Promise<{ transactions: number; statements: number }> {
    return deliverCounted(this.kafka, events, consumed, counter);
  }

  /** Makes the next row inserted into `table` fail, once (see failNextInsertOnce below). */
  async failNextInsertOnce(table: string): Promise<() => Promise<void>> {
    return failNextInsertOnce(this.service.config.DATABASE_URL, table);
  }

  async query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    return queryDatabase<R>(this.service.config.DATABASE_URL, sql, params);
  }
}

/**
 * Publishes envelopes in one produce request, as a relay's batch goes out: each partition's
 * share lands at once, so a consumer fetches it as one batch.
 */
export async function publishAll(kafka: KafkaConnection, events: readonly { topic: TopicName; envelope: EventEnvelope }[]): Promise<void> {
  const producer = kafka.createProducer();
  await producer.connect();
  try {
    const byTopic = new Map<string, ReturnType<typeof toWireMessage>[]>();
    for (const { topic, envelope } of events) {
      const name = kafka.topic(topic);
      byTopic.set(name, [...(byTopic.get(name) ?? []), toWireMessage(envelope)]);
    }
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Publishes `events` in one produce request (publishAll) and waits until `consumed()` (the
 * group's applied + duplicate count) has grown by their number; answers what the consumer's
 * transactions cost meanwhile, as `counter` saw them.
 */
export async function deliverCounted(
  kafka: KafkaConnection,
  events: readonly { topic: TopicName; envelope: EventEnvelope }[],
  consumed: () => number,
  counter: StatementCounter,
): Promise<{ transactions: number; statements: number }> {
  const before = consumed();
  counter.reset();
  await publishAll(kafka, events);
  await eventually(consumed, (n) => n >= before + events.length, { timeoutMs: 30_000, what: `${events.length} events consumed` });
  return { transactions: counter.consumerTransactions().length, statements: counter.consumerStatements() };
}

/**
 * Makes the next row inserted into `table` of the database at `databaseUrl` fail, once (a
 * sequence is not rolled back with the transaction), as a crash in the middle of a batch
 * would; answers how to undo it.
 */
export async function failNextInsertOnce(databaseUrl: string, table: string): Promise<() => Promise<void>> {
  await queryDatabase(databaseUrl, `CREATE SEQUENCE IF NOT EXISTS fail_once`);
  await queryDatabase(
    databaseUrl,
    `CREATE OR REPLACE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF nextval('fail_once') = 1 THEN RAISE EXCEPTION 'crash in the middle of a batch'; END IF;
       RETURN NEW;
     END $$`,
  );
  await queryDatabase(databaseUrl, `CREATE TRIGGER fail_once BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION fail_once()`);
  return async () => {
    await queryDatabase(databaseUrl, `DROP TRIGGER fail_once ON ${table}`);
  };
}

/**
 * An event for a batch (publishAll, deliverCounted): `topic` with its envelope, by `actor`, at
 * the grievance's own time `minutesLater` minutes from now (events of one grievance in their order).
 */
export function batchEvent<T extends TopicName>(
  topic: T,
  grievanceId: string,
  payload: PayloadOf<T>,
  options: { actor: Actor; minutesLater?: number },
): { topic: TopicName; envelope: EventEnvelope } {
  const occurredAt = new Date(Date.now() + (options.minutesLater ?? 0) * 60_000);
  return { topic, envelope: createEnvelope({ topic, grievanceId, actor: options.actor, correlationId: uuidv7(), payload, occurredAt } as NewEvent<T>) as EventEnvelope };
}
