import {
  decodeEvent,
  deadLetterTopic,
  EventEnvelope,
  PayloadOf,
  TopicName,
} from '@grievance/contracts';
import { Consumer, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaConnection, MessagingLogger, silentLogger, withTimeout } from '../kafka-connection';
import { OutboxTransaction, OutboxWaker, runAfterCommit, TransactionBatch } from '../outbox/outbox-transaction';
import { inConsumerSpan } from '../tracing';
import { withTransaction } from '../unit-of-work';
import { decodeHeaders, DLQ_HEADER } from '../wire';
import { mergeInTimeOrder, SameTurnGroup, Turns } from './fetch-transaction';
import { OffsetCommitter } from './offset-committer';
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
  /**
   * A member that sends no heartbeat for this long is dropped and its partitions move on:
   * how soon a crashed member's work is taken over (a clean stop leaves at once). kafkajs
   * heartbeats between fetches, so it must exceed maxWaitTimeInMs (refused otherwise).
   */
  sessionTimeoutMs?: number;
  /** Heartbeats are sent at most this often (between fetches and between batches). */
  heartbeatIntervalMs?: number;
  /**
   * How long the broker holds a fetch that finds nothing new (a long poll). It answers as
   * soon as a message arrives on any of the fetched partitions, so a longer wait costs a
   * lone event no latency; it only makes an idle consumer ask less often.
   */
  maxWaitTimeInMs?: number;
  /** The most one fetch brings of one partition; a batch is at most this large. */
  maxBytesPerPartition?: number;
  /** Partitions processed in parallel; order within a partition always holds. */
  partitionsConsumedConcurrently?: number;
  /**
   * Up to this many consecutive messages of one partition are applied in one Postgres
   * transaction (one inbox insert, one commit) and their offsets committed together.
   * If anything in such a group fails, it is rolled back and its messages are applied one
   * by one, with the retries and dead letters of a single message. 1 turns grouping off.
   */
  maxMessagesPerTransaction?: number;
  /**
   * Offsets of applied messages are committed at most this often, all partitions in one
   * request (see OffsetCommitter); 0 commits after every group. Default 1 s.
   */
  offsetCommitIntervalMs?: number;
  /**
   * After a fetch that brought messages, the next fetch is sent no sooner than this long
   * after it, so what arrives meanwhile comes in one fetch (one request, whose every
   * partition the broker reads, and fuller batches) instead of one fetch per event. Each
   * event may wait up to this long. The batches of one fetch (every partition of it, up to
   * FETCH_TRANSACTION_MAX_EVENTS events) are applied in one transaction, in the order the
   * events happened across topics: a reader of the group's state sees a fetch's events all at
   * once, never a later event without an earlier one of another topic. 0 (default): fetch
   * again at once, each partition's batch applied on its own. A consumer at rest still
   * long-polls (maxWaitTimeInMs).
   */
  fetchGatherMs?: number;
}

/** A crashed member's partitions move on within this (the broker's minimum is 6 s, group.min.session.timeout.ms). */
export const DEFAULT_SESSION_TIMEOUT_MS = 6000;
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 1000;
/** kafkajs's own default: an idle consumer asks every 5 s. */
export const DEFAULT_MAX_WAIT_TIME_MS = 5000;
/** 1 MiB: four times the largest event a consumer accepts (MAX_EVENT_BYTES), kafkajs's own default. */
export const DEFAULT_MAX_BYTES_PER_PARTITION = 1024 * 1024;
/** kafkajs heartbeats only between fetches: an idle member's heartbeats are a long poll apart, and need this margin before the session ends. */
const HEARTBEAT_MARGIN_MS = 1000;
export const DEFAULT_MAX_MESSAGES_PER_TRANSACTION = 50;
/** kafkajs's batches handled at once (partitions consumed concurrently), unless told otherwise. */
const DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY = 3;
/**
 * A gathering consumer takes every partition of a fetch at once (a worker per partition, more
 * than any group here reads), so they all reach the fetch's transaction together.
 */
const EVERY_PARTITION_AT_ONCE = 1024;
/** A fetch with more events than this (a consumer catching up) is applied partition by partition, in groups. */
export const FETCH_TRANSACTION_MAX_EVENTS = 1000;
export const DEFAULT_OFFSET_COMMIT_INTERVAL_MS = 1000;

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  retried: number;
  deadLettered: number;
  ignored: number;
  /** Transactions that applied several messages at once, or a gathering consumer's whole fetch (even of one message). */
  groupedTransactions: number;
  /** Groups (or gathered fetches) that failed as a whole and were applied piece by piece instead. */
  groupFallbacks: number;
}

type Outcome = 'applied' | 'duplicate';

/** A decoded event and where it came from. */
interface ConsumedEvent {
  envelope: EventEnvelope;
  meta: MessageMeta;
  message: KafkaMessage;
}

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
 *    holds up the messages behind it. Commits are coalesced (offsetCommitIntervalMs):
 *    the newest offset of each partition, once a second at most.
 *
 * Under load, consecutive messages of one partition are applied in one transaction (one
 * commit, one offset commit for the group; see maxMessagesPerTransaction); a group that
 * fails is rolled back and its messages take the one-by-one path above. A gathering
 * consumer (fetchGatherMs) applies all the partitions of a fetch in one transaction, and
 * falls back to that per-partition path the same way.
 */
export class EventConsumer {
  readonly stats: ConsumerStats = { applied: 0, duplicates: 0, retried: 0, deadLettered: 0, ignored: 0, groupedTransactions: 0, groupFallbacks: 0 };
  private readonly handlers = new Map<string, EventHandler<TopicName>>();
  private readonly retry: RetryPolicy;
  private consumer?: Consumer;
  private committer?: OffsetCommitter;
  /** When the last fetch returned (Date.now()), for fetchGatherMs. */
  private lastFetchAt = 0;
  private dlqProducer?: Producer;
  private stopping = false;
  /** The start attempt under way, which stop() lets finish so that nothing it connects outlives the stop. */
  private attempt?: Promise<void>;
  /** Ends the wait between two start attempts. */
  private wake?: () => void;
  /** A gathering consumer's batches of one fetch, applied together (see fetchGatherMs); false: apply them one by one. */
  private readonly fetchTransaction = new SameTurnGroup<ConsumedEvent[], boolean>((batches) => this.applyFetch(batches));
  /** A gathering consumer's batches that are applied on their own take turns, as many at once as a consumer that does not gather. */
  private readonly ownTurns = new Turns(DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY);

  constructor(
    private readonly connection: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
    private readonly logger: MessagingLogger = silentLogger,
    private readonly outboxWaker?: OutboxWaker,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const { sessionTimeoutMs, maxWaitTimeInMs } = this.settings();
    if (sessionTimeoutMs < maxWaitTimeInMs + HEARTBEAT_MARGIN_MS) {
      throw new Error(
        `consumer ${options.groupId}: the session timeout (${sessionTimeoutMs} ms) must exceed the fetch wait (${maxWaitTimeInMs} ms) by ${HEARTBEAT_MARGIN_MS} ms at least, or an idle member is dropped between two heartbeats`,
      );
    }
  }

  private settings() {
    return {
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? DEFAULT_MAX_WAIT_TIME_MS,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? DEFAULT_MAX_BYTES_PER_PARTITION,
    };
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
    this.connection.observers.notify('consumerStarted', this.options.groupId, [...this.handlers.keys()]);
    let failures = 0;
    while (!this.stopping) {
      try {
        this.attempt = this.startOnce();
        await this.attempt;
        return;
      } catch (error) {
        failures += 1;
        await this.disconnect();
        if (this.stopping) return;
        const wait = Math.min(5000, 250 * 2 ** Math.min(failures, 5));
        this.logger.warn({ err: error, groupId: this.options.groupId, retryInMs: wait }, 'consumer could not start; will retry');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, wait);
        });
      } finally {
        this.attempt = undefined;
      }
    }
  }

  private async restart(): Promise<void> {
    await this.disconnect();
    await this.start().catch((error: unknown) =>
      this.logger.error({ err: error, groupId: this.options.groupId }, 'consumer could not restart'),
    );
  }

  /**
   * Leaves the group. A start attempt under way (connecting, joining) ends first, bounded,
   * so stopping in the middle of a start leaves nothing connecting behind; a start waiting
   * to retry gives up at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (this.attempt) await Promise.race([this.attempt.catch(() => undefined), sleep(STOP_GRACE_MS, { unref: true })]);
    await this.disconnect();
  }

  private async startOnce(): Promise<void> {
    const settings = this.settings();
    const consumer = this.connection.kafka.consumer({
      groupId: this.connection.topic(this.options.groupId),
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitTimeInMs,
      maxBytesPerPartition: settings.maxBytesPerPartition,
      // A fetch returns as soon as there is anything at all: a lone event never waits for company.
      minBytes: 1,
      allowAutoTopicCreation: false,
      // Whatever made the consumer crash (a broker restart, a lost coordinator), start again.
      retry: { retries: 5, restartOnFailure: async () => !this.stopping },
    });
    this.consumer = consumer;
    this.committer = new OffsetCommitter(
      (offsets) => consumer.commitOffsets(offsets),
      this.options.offsetCommitIntervalMs ?? DEFAULT_OFFSET_COMMIT_INTERVAL_MS,
      // The partition may have moved to another member meanwhile: it reads again from the last commit, and the inbox drops what was applied.
      (error, offsets) => this.logger.debug({ err: error, groupId: this.options.groupId, partitions: offsets.length }, 'offsets not committed; they will be read again'),
    );
    const committer = this.committer;
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    if (this.gathering) consumer.on(consumer.events.FETCH, () => (this.lastFetchAt = Date.now()));
    // Before giving partitions up, say how far we got, so their next owner redelivers less.
    consumer.on(consumer.events.REBALANCING, () => void committer.flush());
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
      partitionsConsumedConcurrently:
        this.options.partitionsConsumedConcurrently ?? (this.gathering ? EVERY_PARTITION_AT_ONCE : DEFAULT_PARTITIONS_CONSUMED_CONCURRENTLY),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    await withTimeout(joined, 60_000, `consumer ${this.options.groupId} did not join its group`);
    this.logger.info({ groupId: this.options.groupId, topics: [...this.handlers.keys()] }, 'consumer joined its group');
  }

  private get gathering(): boolean {
    return (this.options.fetchGatherMs ?? 0) > 0;
  }

  /**
   * A fetched batch of one partition, in offset order. A gathering consumer applies it in its
   * fetch's transaction; otherwise (or when that fails) in groups of up to
   * maxMessagesPerTransaction, each group applied, then its offsets committed at once.
   */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    if (this.gathering && isRunning() && !isStale() && (await this.applyInFetch(topic, partition, batch.messages))) {
      const last = batch.messages[batch.messages.length - 1]!.offset;
      resolveOffset(last);
      await this.committer?.add({ topic, partition, offset: (BigInt(last) + 1n).toString() });
    } else if (this.gathering) {
      await this.ownTurns.run(() => this.handleOnItsOwn(payload));
    } else {
      await this.handleOnItsOwn(payload);
    }
    // kafkajs fetches again once every batch of this fetch is handled: holding the batch
    // back holds the next fetch back.
    const gather = this.lastFetchAt + (this.options.fetchGatherMs ?? 0) - Date.now();
    if (gather > 0 && isRunning() && !isStale()) await sleep(gather);
  }

  /** A batch applied in groups of up to maxMessagesPerTransaction, each group's offsets committed once it is applied. */
  private async handleOnItsOwn({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const size = Math.max(1, this.options.maxMessagesPerTransaction ?? DEFAULT_MAX_MESSAGES_PER_TRANSACTION);
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!isRunning() || isStale()) return;
      const group = batch.messages.slice(i, i + size);
      await this.handleGroup(topic, partition, group, heartbeat);
      const last = group[group.length - 1]!.offset;
      resolveOffset(last);
      await this.committer?.add({ topic, partition, offset: (BigInt(last) + 1n).toString() });
      await heartbeat().catch(() => undefined);
    }
  }

  /**
   * Joins the batch to its fetch's transaction. False when that did not apply it: a message of
   * the batch is not a valid event (it goes to its dead letters on the batch's own path), the
   * fetch is too large, or its transaction failed; the batch then takes its own path.
   */
  private applyInFetch(topic: string, partition: number, messages: KafkaMessage[]): Promise<boolean> {
    const logical = this.connection.logicalTopic(topic) as TopicName;
    const events: ConsumedEvent[] = [];
    for (const message of messages) {
      const decoded = decodeEvent(logical, message.value);
      if (!decoded.ok) return Promise.resolve(false);
      const headers = decodeHeaders(message.headers as Record<string, unknown>);
      events.push({ envelope: decoded.envelope, meta: { topic: logical, partition, offset: message.offset, headers, attempt: 1 }, message });
    }
    return this.fetchTransaction.join(events);
  }

  /** The batches of one fetch in one transaction; false (nothing applied) when it is too large or fails. */
  private async applyFetch(batches: readonly ConsumedEvent[][]): Promise<boolean> {
    const count = batches.reduce((n, events) => n + events.length, 0);
    if (count === 0 || count > FETCH_TRANSACTION_MAX_EVENTS) return false;
    try {
      await this.applyEventsOnce(mergeInTimeOrder(batches, (e) => Date.parse(e.envelope.occurredAt)));
      return true;
    } catch (error) {
      if (this.stopping) throw error; // leave them uncommitted: the next owner of the partitions redelivers them
      this.stats.groupFallbacks += 1;
      this.logger.debug({ err: error, batches: batches.length, messages: count }, "fetch's transaction failed; applying its batches one by one");
      return false;
    }
  }

  private async handleGroup(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    const logical = this.connection.logicalTopic(topic) as TopicName;
    const valid: ConsumedEvent[] = [];
    for (const message of messages) {
      const headers = decodeHeaders(message.headers as Record<string, unknown>);
      const decoded = decodeEvent(logical, message.value);
      if (!decoded.ok) await this.deadLetter(logical, partition, message, headers, decoded.reason, 'InvalidMessage', 1);
      else valid.push({ envelope: decoded.envelope, meta: { topic: logical, partition, offset: message.offset, headers, attempt: 1 }, message });
    }
    if (valid.length > 1) {
      try {
        await this.applyEventsOnce(valid);
        return;
      } catch (error) {
        if (this.stopping) throw error; // leave them uncommitted: the next owner of the partition redelivers them
        this.stats.groupFallbacks += 1;
        this.logger.debug({ err: error, topic: logical, partition, messages: valid.length }, 'group failed; applying its messages one by one');
      }
    }
    for (const { envelope, meta, message } of valid) await this.applyWithRetries(envelope, meta, message, heartbeat);
  }

  /**
   * Several events (of one partition, or of a whole fetch) in one transaction: one inbox insert
   * for all, the handlers of the new ones in the given order, one commit.
   */
  private async applyEventsOnce(events: readonly ConsumedEvent[]): Promise<void> {
    let wroteEvents = false;
    const after: (() => Promise<void> | void)[] = [];
    const appliedEvents = await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO messaging_inbox (consumer, event_id, topic, grievance_id)
         SELECT $1, e.event_id, e.topic, e.grievance_id FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS e(event_id, topic, grievance_id)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.options.groupId, events.map((e) => e.envelope.eventId), events.map((e) => e.meta.topic), events.map((e) => e.envelope.grievanceId ?? null)],
      )) as { event_id: string }[];
      const fresh = new Set(inserted.map((r) => r.event_id));
      // What the handlers leave to their batch writers is written once for the whole group, before the commit.
      const batch = new TransactionBatch([...new Set(events.filter((e) => fresh.has(e.envelope.eventId) && e.envelope.grievanceId).map((e) => e.envelope.grievanceId))]);
      const txs: OutboxTransaction[] = [];
      const applied: ConsumedEvent[] = [];
      for (const event of events) {
        if (!fresh.delete(event.envelope.eventId)) continue; // already applied (or a second copy within the group)
        const handler = this.handlers.get(event.meta.topic);
        if (!handler) throw new Error(`no handler for ${event.meta.topic}`);
        const tx = new OutboxTransaction(manager, batch);
        await this.handle(handler, event.envelope, tx, event.meta);
        txs.push(tx);
        applied.push(event);
      }
      await batch.flush();
      for (const tx of txs) {
        wroteEvents ||= tx.events.length > 0;
        after.push(...tx.afterCommitWork);
      }
      return applied;
    });
    this.stats.applied += appliedEvents.length;
    this.stats.duplicates += events.length - appliedEvents.length;
    this.stats.groupedTransactions += 1;
    const perTopic = new Map<string, { applied: number; consumed: number }>();
    for (const { meta } of events) {
      const counts = perTopic.get(meta.topic) ?? { applied: 0, consumed: 0 };
      counts.consumed += 1;
      perTopic.set(meta.topic, counts);
    }
    for (const { meta } of appliedEvents) perTopic.get(meta.topic)!.applied += 1;
    for (const [topic, { applied, consumed }] of perTopic) this.count(topic, applied, consumed - applied);
    if (wroteEvents) this.outboxWaker?.wake();
    await this.afterCommit(after);
  }

  /** What the handlers asked to do once their transaction committed (OutboxTransaction.afterCommit): a failure is only logged. */
  private afterCommit(work: readonly (() => Promise<void> | void)[]): Promise<void> {
    return runAfterCommit(work, (error) => this.logger.warn({ err: error, groupId: this.options.groupId }, 'after-commit work failed'));
  }

  private async applyWithRetries(
    envelope: EventEnvelope,
    meta: MessageMeta,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const handler = this.handlers.get(meta.topic);
    if (!handler) throw new Error(`no handler for ${meta.topic}`);
    let failedAttempts = 0;
    for (;;) {
      try {
        const outcome = await this.applyOnce(envelope, handler, meta);
        this.stats[outcome === 'applied' ? 'applied' : 'duplicates'] += 1;
        this.count(meta.topic, outcome === 'applied' ? 1 : 0, outcome === 'applied' ? 0 : 1);
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
    let after: readonly (() => Promise<void> | void)[] = [];
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const inserted = (await manager.query(
        `INSERT INTO messaging_inbox (consumer, event_id, topic, grievance_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.options.groupId, envelope.eventId, meta.topic, envelope.grievanceId],
      )) as unknown[];
      if (inserted.length === 0) return 'duplicate';
      const tx = new OutboxTransaction(manager);
      await this.handle(handler, envelope, tx, meta);
      await tx.batch.flush();
      wroteEvents = tx.events.length > 0;
      after = tx.afterCommitWork;
      return 'applied';
    });
    if (wroteEvents) this.outboxWaker?.wake();
    await this.afterCommit(after);
    return outcome;
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
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
    this.connection.observers.notify('eventParked', this.options.groupId, topic, errorClass);
    this.logger.warn({ topic, partition, offset: message.offset, reason, groupId: this.options.groupId }, 'message parked on dead-letter topic');
  }

  /** Runs a handler in a consumer span under the producer span the message names, so what it records joins the same trace. */
  private handle(handler: EventHandler<TopicName>, envelope: EventEnvelope, tx: OutboxTransaction, meta: MessageMeta): Promise<void> {
    return inConsumerSpan(
      meta.headers,
      {
        topic: meta.topic,
        clientId: this.connection.settings.clientId,
        groupId: this.options.groupId,
        partition: meta.partition,
        offset: meta.offset,
        eventId: envelope.eventId,
        grievanceId: envelope.grievanceId,
      },
      // The handler's transaction is also its current one: repositories reach it through UnitOfWork.
      () => withTransaction(tx, () => handler(envelope as EventEnvelope<PayloadOf<TopicName>>, tx, meta)),
    );
  }

  private count(topic: string, applied: number, duplicates: number): void {
    if (applied > 0) this.connection.observers.notify('eventsApplied', this.options.groupId, topic, applied);
    if (duplicates > 0) this.connection.observers.notify('eventsDuplicate', this.options.groupId, topic, duplicates);
  }

  private async disconnect(): Promise<void> {
    const consumer = this.consumer;
    const committer = this.committer;
    const dlq = this.dlqProducer;
    this.consumer = undefined;
    this.committer = undefined;
    this.dlqProducer = undefined;
    // What was applied is committed before leaving, so the next owner does not read it again.
    if (committer) await withTimeout(committer.flush(), 5000, 'offset commit on stop').catch(() => committer.discard());
    // A clean leave lets the group rebalance at once instead of waiting out the session timeout.
    if (consumer) await consumer.disconnect().catch(() => undefined);
    if (dlq) await dlq.disconnect().catch(() => undefined);
  }
}

/** How long stop() lets a start attempt under way finish before it disconnects regardless. */
const STOP_GRACE_MS = 15_000;

const sleep = (ms: number, { unref = false } = {}) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (unref) timer.unref();
  });

/** Waits, heartbeating every second so a long backoff does not cost the partition its owner. */
async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now()) {
    await sleep(Math.min(1000, left));
    await heartbeat().catch(() => undefined);
  }
}
