import { Actor, createEnvelope, EventEnvelope, NewEvent, PayloadOf, TopicName, uuidv7 } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection, toWireMessage } from '@grievance/messaging';
import { Env, ServiceConfig, ServiceModule } from '@grievance/platform';
import { queryDatabase } from './database';
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

  /** Publishes an event as another service would, at the matter's own time `at`; returns its envelope (for redelivery). */
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

  /**
   * Publishes envelopes in one produce request, as a relay's batch goes out: each partition's
   * share lands at once, so a consumer fetches it as one batch.
   */
  async publishAll(events: readonly { topic: TopicName; envelope: EventEnvelope }[]): Promise<void> {
    const producer = this.kafka.createProducer();
    await producer.connect();
    try {
      const byTopic = new Map<string, ReturnType<typeof toWireMessage>[]>();
      for (const { topic, envelope } of events) {
        const name = this.kafka.topic(topic);
        byTopic.set(name, [...(byTopic.get(name) ?? []), toWireMessage(envelope)]);
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    } finally {
      await producer.disconnect();
    }
  }

  async query<R extends Record<string, unknown> = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    return queryDatabase<R>(this.service.config.DATABASE_URL, sql, params);
  }
}
