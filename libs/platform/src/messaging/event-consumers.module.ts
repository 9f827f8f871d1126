import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnModuleInit,
  Optional,
  Type,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { TopicName, topicSpec } from '@grievance/contracts';
import { EventConsumer, EventConsumerOptions, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { eventHandlerBindings, HandledEventReport } from './handles-event';

export interface ConsumerGroupOptions extends EventConsumerOptions {
  /**
   * The classes whose `@HandlesEvent` methods this group runs. Each is a provider of the
   * module that imports the group (it calls that module's use cases); one topic has one handler.
   */
  handlers: Type[];
}

/**
 * Optional on a handler class: work that must be done before the group takes its first
 * event (awaited on bootstrap; if it fails, the service does not start).
 */
export interface BeforeConsuming {
  beforeConsuming(): Promise<void>;
}

const prepares = (handler: object): handler is BeforeConsuming =>
  'beforeConsuming' in handler && typeof handler.beforeConsuming === 'function';

/** The consumer groups of this process, by group id. */
@Injectable()
export class EventConsumers {
  private readonly groups = new Map<string, { consumer: EventConsumer; handlers: readonly Type[] }>();

  register(groupId: string, consumer: EventConsumer, handlers: readonly Type[]): void {
    if (this.groups.has(groupId)) throw new Error(`consumer group ${groupId} is declared twice`);
    this.groups.set(groupId, { consumer, handlers });
  }

  /** The consumer of a group (its stats, for tests and operators). */
  get(groupId: string): EventConsumer {
    const group = this.groups.get(groupId);
    if (!group) throw new Error(`no consumer group ${groupId} in this process (there are: ${[...this.groups.keys()].join(', ') || 'none'})`);
    return group.consumer;
  }

  /** Whether some group lists this handler class. */
  lists(handlerClass: unknown): boolean {
    return [...this.groups.values()].some((group) => group.handlers.some((listed) => listed === handlerClass));
  }
}

@Global()
@Module({ providers: [EventConsumers], exports: [EventConsumers] })
class EventConsumersRegistryModule {}

const GROUP_OPTIONS = 'grievance:consumer-group-options';

/**
 * One consumer group's lifecycle: binds its handlers (refusing a topic outside the
 * catalogue, a topic with two handlers, a listed class with no handler or provided nowhere,
 * a handler class no group lists), starts on bootstrap without holding the app up (the
 * consumer keeps retrying while the broker or the topics are away), and leaves the group
 * before shutdown, while the database and the outbox relay are still open.
 */
@Injectable()
class ConsumerGroup implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer;
  private readonly groupId: string;
  private readonly handlers: object[] = [];
  private readonly report: HandledEventReport;

  constructor(
    @Inject(GROUP_OPTIONS) private readonly options: ConsumerGroupOptions,
    kafka: KafkaConnection,
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly registry: EventConsumers,
    private readonly discovery: DiscoveryService,
    private readonly logger: PinoLogger,
    @Optional() config?: ServiceConfig,
  ) {
    const { handlers, ...consumerOptions } = options;
    this.groupId = options.groupId;
    this.logger.setContext('consumer');
    this.consumer = new EventConsumer(
      kafka,
      dataSource,
      { ...config?.consumerSettings(), ...consumerOptions },
      logger,
      relay,
    );
    registry.register(this.groupId, this.consumer, handlers);
    const fields = (topic: TopicName, event: { eventId: string; grievanceId: string }, reason: string) => ({
      groupId: this.groupId,
      topic,
      eventId: event.eventId,
      grievanceId: event.grievanceId,
      reason,
    });
    this.report = {
      skipped: (topic, event, reason) => this.logger.warn(fields(topic, event, reason), 'event skipped'),
      ignored: (topic, event, reason) => this.logger.info(fields(topic, event, reason), 'event ignored'),
    };
  }

  onModuleInit(): void {
    const providers = this.discovery.getProviders();
    const handlerOf = new Map<TopicName, string>();
    for (const handlerClass of this.options.handlers) {
      const bindings = eventHandlerBindings(handlerClass);
      if (bindings.length === 0) throw this.refusal(`${handlerClass.name} has no @HandlesEvent method`);
      const provided = providers.filter((wrapper) => wrapper.metatype === handlerClass);
      if (provided.length !== 1) {
        throw this.refusal(`${handlerClass.name} must be provided by exactly one module (it is provided by ${provided.length})`);
      }
      const [wrapper] = provided;
      if (!wrapper!.isDependencyTreeStatic()) throw this.refusal(`${handlerClass.name} must be a singleton provider`);
      for (const binding of bindings) {
        const name = `${handlerClass.name}.${String(binding.method)}`;
        if (binding.topics.length === 0) throw this.refusal(`${name} declares no topic`);
        for (const topic of binding.topics) {
          if (!topicSpec(topic)) throw this.refusal(`${name} handles ${topic}, which is not a topic of the catalogue`);
          const other = handlerOf.get(topic);
          if (other) throw this.refusal(`${topic} has two handlers: ${other} and ${name}`);
          handlerOf.set(topic, name);
        }
      }
      const instance: object = wrapper!.instance;
      for (const binding of bindings) binding.register(this.consumer, instance, this.report);
      this.handlers.push(instance);
    }
    if (handlerOf.size === 0) throw this.refusal('it lists no handler');
    for (const wrapper of providers) {
      if (wrapper.metatype && eventHandlerBindings(wrapper.metatype).length > 0 && !this.registry.lists(wrapper.metatype)) {
        throw new Error(`${wrapper.metatype.name} has @HandlesEvent methods but no consumer group lists it in its handlers`);
      }
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const handler of this.handlers) if (prepares(handler)) await handler.beforeConsuming();
    // start() keeps retrying while the broker or the topics are away; the app does not wait for it.
    void this.consumer.start().catch((error: unknown) => this.logger.error({ err: error, groupId: this.groupId }, 'consumer stopped'));
  }

  /** Before the chassis closes the outbox relay, the database and the broker connection. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop().catch((error: unknown) => this.logger.warn({ err: error, groupId: this.groupId }, 'error while stopping the consumer'));
  }

  private refusal(why: string): Error {
    return new Error(`consumer group ${this.groupId}: ${why}`);
  }
}

/**
 * A Kafka consumer group of the service, declared once in the module whose use cases its
 * handlers call:
 *
 *     imports: [EventConsumersModule.forGroup({ groupId: 'routing', handlers: [RoutingConsumer] })],
 *     providers: [RoutingConsumer, …],
 *
 * where each handler method declares its topics with `@HandlesEvent(…)` (a handler class is
 * the service's thin consumer entry point, in a `*.consumer.ts`). The group's
 * consumer is an `EventConsumer` (idempotent inbox, retries, dead letters, metrics through
 * the connection's observers); `EventConsumers.get(groupId)` reaches it.
 */
@Module({})
export class EventConsumersModule {
  static forGroup(options: ConsumerGroupOptions): DynamicModule {
    return {
      module: EventConsumersModule,
      imports: [DiscoveryModule, EventConsumersRegistryModule],
      providers: [{ provide: GROUP_OPTIONS, useValue: options }, ConsumerGroup],
    };
  }
}
