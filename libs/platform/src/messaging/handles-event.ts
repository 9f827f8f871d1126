import type { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { EventConsumer, IgnoreEventError, MessageMeta, OutboxTransaction } from '@grievance/messaging';

/** An event of a topic of the catalogue, as its handler receives it. */
export type ConsumedEvent<T extends TopicName> = EventEnvelope<PayloadOf<T>>;

/** Where and how an event came, with its topic typed as one the handler declared. */
export type EventMeta<T extends TopicName> = Omit<MessageMeta, 'topic'> & { topic: T };

/** What a handler returns when it left an event alone on purpose: the group logs it with the reason. */
export class SkippedEvent {
  constructor(readonly reason: string) {}
}

/** `return skipped('a grievance this service does not hold')`: the event is acknowledged and logged as skipped. */
export const skipped = (reason: string): SkippedEvent => new SkippedEvent(reason);

/**
 * A handler method: it applies one event of a topic it declared, inside the transaction that
 * also records the event in the group's inbox (writes and the events it records through
 * `tx` commit together, or not at all). Throwing `PermanentEventError` parks the event,
 * `IgnoreEventError` acknowledges it; any other error is retried, then parked.
 */
export type ConsumedEventHandler<T extends TopicName> = (
  event: ConsumedEvent<T>,
  tx: OutboxTransaction,
  meta: EventMeta<T>,
) => Promise<void | SkippedEvent>;

/** What the group is told about events its handlers did not apply. */
export interface HandledEventReport {
  skipped(topic: TopicName, event: EventEnvelope, reason: string): void;
  ignored(topic: TopicName, event: EventEnvelope, reason: string): void;
}

/** One decorated method: its topics, and how it is put on a consumer for an instance of its class. */
export interface EventHandlerBinding {
  readonly method: string | symbol;
  readonly topics: readonly TopicName[];
  register(consumer: EventConsumer, instance: object, report: HandledEventReport): void;
}

const bindings = new WeakMap<object, EventHandlerBinding[]>();

/**
 * Declares a method of a provider as the handler of one or more topics of the catalogue:
 *
 *     @HandlesEvent('grievance.routed.v1')
 *     async routed(event: ConsumedEvent<'grievance.routed.v1'>, tx: OutboxTransaction): Promise<void> { … }
 *
 * The method must accept what those topics carry (a method for the wrong payload does not
 * compile). Its class is listed in `EventConsumersModule.forGroup({ handlers })`; a class
 * with handler methods that no group lists is refused at startup.
 */
export function HandlesEvent<T extends TopicName>(...topics: T[]) {
  return (target: object, method: string | symbol, descriptor: { value?: ConsumedEventHandler<T> }): void => {
    const handle = descriptor.value;
    if (!handle) throw new Error(`@HandlesEvent on ${String(method)}: not a method`);
    const binding: EventHandlerBinding = {
      method,
      topics,
      register(consumer, instance, report) {
        for (const topic of topics) {
          consumer.on(topic, async (event, tx, meta) => {
            try {
              const outcome = await handle.call(instance, event, tx, { ...meta, topic });
              if (outcome instanceof SkippedEvent) report.skipped(topic, event, outcome.reason);
            } catch (error) {
              if (error instanceof IgnoreEventError) report.ignored(topic, event, error.message);
              throw error;
            }
          });
        }
      },
    };
    bindings.set(target, [...(bindings.get(target) ?? []), binding]);
  };
}

/** The handler methods of a class (its own and those it inherits). */
export function eventHandlerBindings(handlerClass: { readonly prototype: object | null }): EventHandlerBinding[] {
  const found: EventHandlerBinding[] = [];
  for (let prototype: object | null = handlerClass.prototype; prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    found.push(...(bindings.get(prototype) ?? []));
  }
  return found;
}
