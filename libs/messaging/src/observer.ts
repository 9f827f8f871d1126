/**
 * What the consumers and the relay of one connection tell whoever watches them (the
 * service's metrics). Every method is optional and called synchronously on the hot path:
 * an observer only counts, it never waits.
 */
export interface MessagingObserver {
  /** A consumer group of this process reads these topics (logical names). */
  consumerStarted?(groupId: string, topics: readonly string[]): void;
  /** Events applied (their handlers ran and committed) by a group. */
  eventsApplied?(groupId: string, topic: string, count: number): void;
  /** Redeliveries the inbox recognised and skipped. */
  eventsDuplicate?(groupId: string, topic: string, count: number): void;
  /** A message parked on `<topic>.dlq`; `errorClass` is `InvalidMessage` for a contract failure. */
  eventParked?(groupId: string, topic: string, errorClass: string): void;
  /** Outbox rows the relay published. */
  outboxPublished?(topic: string, count: number): void;
}

/** The observers of one connection, called in turn; one that throws does not stop the others or the caller. */
export class MessagingObservers {
  private readonly list: MessagingObserver[] = [];

  add(observer: MessagingObserver): void {
    this.list.push(observer);
  }

  notify<K extends keyof MessagingObserver>(event: K, ...args: Parameters<NonNullable<MessagingObserver[K]>>): void {
    for (const observer of this.list) {
      try {
        (observer[event] as ((...a: unknown[]) => void) | undefined)?.apply(observer, args);
      } catch {
        // Counting must never break consuming or relaying.
      }
    }
  }
}
