import {
  decodeEvent,
  deadLetterTopic,
  EventEnvelope,
  PayloadOf,
  TopicName,
} from '@grievance/contracts';
import { Consumer, EachMessagePayload, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaConnection, MessagingLogger, silentLogger, withTimeout } from '../kafka-connection';
import { OutboxTransaction, OutboxWaker } from '../outbox/outbox-transaction';
import { decodeHeaders, DLQ_HEADER } from '../wire';
import {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  isInfrastructureFailure,
  RetryPolicy,
  retryDelay,
} from './errors';

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
  /** 1 on the first try; more when a transient failure is being retried. */
  attempt: number;
}

/**
 * Applies one event. It runs inside the transaction that also records the event in the
 * inbox: its writes and any events it records through `tx` commit together, or not at all.
 */
export type EventHandler<T extends TopicName> = (
  event: EventEnvelope<PayloadOf<T>>,
  tx: OutboxTransaction,
  meta: MessageMeta,
) => Promise<void>;

export interface EventConsumerOptions {
  /** The consumer group; also the consumer's name in the inbox. */
  groupId: string;
  /** Where a new group starts: true (default) reads everything the topics still hold. */
  fromBeginning?: boolean;
  retry?: Partial<RetryPolicy>;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Partitions processed in parallel; order within a partition always holds. */
  partitionsConsumedConcurrently?: number;
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  retried: number;
  deadLettered: number;
  ignored: number;
}

type Outcome = 'applied' | 'duplicate';

/**
 * A Kafka consumer with an idempotent inbox, manual offset commits and dead letters.
 *
 * For each message, in partition order:
 * 1. decode and validate it against the topic's contract; if invalid, park it on
 *    `<topic>.dlq` at once with the reason in its headers;
 * 2. in one Postgres transaction, record (consumer, event id) in the inbox and run the
 *    handler; an event already in the inbox is a redelivery and changes nothing;
 * 3. a transient failure is retried with backoff, then parked; a permanent one is
 *    parked at once; while the database itself is unreachable the partition waits;
 * 4. commit the offset only after the message is applied, skipped or parked, so a
 *    crash at any point redelivers rather than loses, and a parked message never
 *    holds up the messages behind it.
 */
export class EventConsumer {
  readonly stats: ConsumerStats = { applied: 0, duplicates: 0, retried: 0, deadLettered: 0, ignored: 0 };
  private readonly handlers = new Map<string, EventHandler<TopicName>>();
  private readonly retry: RetryPolicy;
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private stopping = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
    private readonly logger: MessagingLogger = silentLogger,
    private readonly outboxWaker?: OutboxWaker,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Registers the handler of a topic (logical name). */
  on<T extends TopicName>(topic: T, handler: EventHandler<T>): this {
    if (this.consumer) throw new Error('register handlers before start()');
    this.handlers.set(topic, handler as unknown as EventHandler<TopicName>);
    return this;
  }

  /**
   * Joins the group and starts consuming. Keeps trying while the broker is unreachable;
   * resolves once the group is joined, or when stop() is called first.
   */
  async start(): Promise<void> {
    if (this.handlers.size === 0) throw new Error(`consumer ${this.options.groupId} has no handlers`);
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.startOnce();
        return;
      } catch (error) {
        failures += 1;
        await this.disconnect();
        const wait = Math.min(5000, 250 * 2 ** Math.min(failures, 5));
        this.logger.warn({ err: error, groupId: this.options.groupId, retryInMs: wait }, 'consumer could not start; will retry');
        await sleep(wait);
      }
    }
  }

  private async restart(): Promise<void> {
    await this.disconnect();
    await this.start().catch((error: unknown) =>
      this.logger.error({ err: error, groupId: this.options.groupId }, 'consumer could not restart'),
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.disconnect();
  }

  private async startOnce(): Promise<void> {
    const consumer = this.connection.kafka.consumer({
      groupId: this.connection.topic(this.options.groupId),
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3000,
      allowAutoTopicCreation: false,
      // Whatever made the consumer crash (a broker restart, a lost coordinator), start again.
      retry: { retries: 5, restartOnFailure: async () => !this.stopping },
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.logger.error({ err: payload.error, groupId: this.options.groupId, restart: payload.restart }, 'consumer crashed');
      // kafkajs restarts by itself after retriable errors only; after any other crash we
      // start again ourselves, so a consumer never stays stopped while its service runs.
      if (!payload.restart && !this.stopping && this.consumer === consumer) void this.restart();
    });
    await consumer.connect();
    const dlq = this.connection.createProducer();
    await dlq.connect();
    this.dlqProducer = dlq;
    await consumer.subscribe({
      topics: [...this.handlers.keys()].map((t) => this.connection.topic(t)),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.handleMessage(payload),
    });
    await withTimeout(joined, 60_000, `consumer ${this.options.groupId} did not join its group`);
    this.logger.info({ groupId: this.options.groupId, topics: [...this.handlers.keys()] }, 'consumer joined its group');
  }

  private async handleMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const logical = this.connection.logicalTopic(topic) as TopicName;
    const headers = decodeHeaders(message.headers as Record<string, unknown>);
    const meta: MessageMeta = { topic: logical, partition, offset: message.offset, headers, attempt: 1 };
    const decoded = decodeEvent(logical, message.value);
    if (!decoded.ok) {
      await this.deadLetter(logical, partition, message, headers, decoded.reason, 'InvalidMessage', 1);
    } else {
      await this.applyWithRetries(decoded.envelope, meta, message, heartbeat);
    }
    await this.consumer?.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  private async applyWithRetries(
    envelope: EventEnvelope,
    meta: MessageMeta,
    message: EachMessagePayload['message'],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const handler = this.handlers.get(meta.topic);
    if (!handler) throw new Error(`no handler for ${meta.topic}`);
    let failedAttempts = 0;
    for (;;) {
      try {
        const outcome = await this.applyOnce(envelope, handler, meta);
        this.stats[outcome === 'applied' ? 'applied' : 'duplicates'] += 1;
        return;
      } catch (error) {
        if (this.stopping) throw error; // leave it uncommitted: the next owner of the partition redelivers it
        const kind = classifyFailure(error);
        if (kind === 'ignore') {
          this.stats.ignored += 1;
          return;
        }
        const infrastructure = kind === 'retry' && isInfrastructureFailure(error);
        if (!infrastructure) failedAttempts += 1;
        if (kind === 'dead-letter' || failedAttempts >= this.retry.maxAttempts) {
          const reason = String((error as Error)?.message ?? error);
          const errorClass = (error as Error)?.name ?? 'Error';
          await this.deadLetter(meta.topic, meta.partition, message, meta.headers, reason, errorClass, failedAttempts);
          return;
        }
        this.stats.retried += 1;
        const wait = retryDelay(this.retry, Math.max(1, failedAttempts));
        this.logger.warn(
          { err: error, topic: meta.topic, eventId: envelope.eventId, attempt: meta.attempt, infrastructure, retryInMs: wait },
          'event handler failed; retrying',
        );
        await sleepWithHeartbeat(wait, heartbeat);
        meta.attempt += 1;
      }
    }
  }

  private async applyOnce(envelope: EventEnvelope, handler: EventHandler<TopicName>, meta: MessageMeta): Promise<Outcome> {
    let wroteEvents = false;
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const inserted = (await manager.query(
        `INSERT INTO messaging_inbox (consumer, event_id, topic, grievance_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.options.groupId, envelope.eventId, meta.topic, envelope.grievanceId],
      )) as unknown[];
      if (inserted.length === 0) return 'duplicate';
      const tx = new OutboxTransaction(manager);
      await handler(envelope as EventEnvelope<PayloadOf<TopicName>>, tx, meta);
      wroteEvents = tx.events.length > 0;
      return 'applied';
    });
    if (wroteEvents) this.outboxWaker?.wake();
    return outcome;
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    headers: Record<string, string>,
    reason: string,
    errorClass: string,
    attempts: number,
  ): Promise<void> {
    if (!this.dlqProducer) throw new Error('dead-letter producer is not connected');
    // If this send fails the error propagates, the offset is not committed and the message comes again.
    await this.dlqProducer.send({
      topic: this.connection.topic(deadLetterTopic(topic)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headers,
            [DLQ_HEADER.reason]: reason.slice(0, 2000),
            [DLQ_HEADER.errorClass]: errorClass,
            [DLQ_HEADER.originalTopic]: topic,
            [DLQ_HEADER.originalPartition]: String(partition),
            [DLQ_HEADER.originalOffset]: message.offset,
            [DLQ_HEADER.consumer]: this.options.groupId,
            [DLQ_HEADER.attempts]: String(attempts),
            [DLQ_HEADER.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    this.stats.deadLettered += 1;
    this.logger.warn({ topic, partition, offset: message.offset, reason, groupId: this.options.groupId }, 'message parked on dead-letter topic');
  }

  private async disconnect(): Promise<void> {
    const consumer = this.consumer;
    const dlq = this.dlqProducer;
    this.consumer = undefined;
    this.dlqProducer = undefined;
    // A clean leave lets the group rebalance at once instead of waiting out the session timeout.
    if (consumer) await consumer.disconnect().catch(() => undefined);
    if (dlq) await dlq.disconnect().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits, heartbeating every second so a long backoff does not cost the partition its owner. */
async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now()) {
    await sleep(Math.min(1000, left));
    await heartbeat().catch(() => undefined);
  }
}
