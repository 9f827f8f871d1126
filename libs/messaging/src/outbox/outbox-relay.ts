import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KafkaConnection, MessagingLogger, silentLogger } from '../kafka-connection';
import { endSpans, startPublishSpan } from '../tracing';
import { OutboxWaker } from './outbox-transaction';

export interface OutboxRelayOptions {
  /** Rows claimed and sent per round. */
  batchSize?: number;
  /**
   * How often the relay looks for rows when nobody wakes it: the safety net for rows left by
   * a process that crashed before relaying them. Rows this process commits wake it at once.
   */
  pollIntervalMs?: number;
  /** How soon to try again when another replica holds the relay lock (it may have missed our rows). */
  lockRetryMs?: number;
  /** Longest wait between attempts while the broker or the database is unreachable. */
  maxBackoffMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

const RELAY_LOCK = 'messaging_outbox_relay';
/** relayBatch's answer when another replica holds the relay lock. */
const LOCK_BUSY = -1;
const CLEANUP_EVERY_MS = 10 * 60_000;

/**
 * Publishes committed outbox rows to Kafka, in commit order, then marks them published.
 *
 * - Claims rows with `FOR UPDATE SKIP LOCKED`, inside a transaction that also holds an
 *   advisory lock: with several replicas only one relays at a time, which keeps the
 *   events of one grievance in order on its partition (two relays sending interleaved
 *   batches could reorder them).
 * - Marks the rows published in the statement that claims them, and commits the mark only
 *   after the broker acknowledged them (an idempotent producer, `acks: all`). A failed send
 *   or a crash before the commit leaves them unpublished and the batch is sent again:
 *   consumers deduplicate by event id, so delivery is at-least-once and the effect exactly-once.
 * - While the broker is down it keeps the rows and retries with backoff; nothing is lost.
 */
export class OutboxRelay implements OutboxWaker {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly lockRetryMs: number;
  private readonly maxBackoffMs: number;
  private readonly retentionMs: number;
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private woken = false;
  private wakeSleeper?: () => void;
  private lastCleanup = 0;
  private published = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: KafkaConnection,
    options: OutboxRelayOptions = {},
    private readonly logger: MessagingLogger = silentLogger,
  ) {
    this.batchSize = options.batchSize ?? 500;
    // Long: a relay woken by its own commits does not need the poll, and each idle round is a
    // transaction (lock, claim, commit) that a resting stack would pay for all day.
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.lockRetryMs = options.lockRetryMs ?? 20;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.retentionMs = options.retentionMs ?? 24 * 3600_000;
  }

  /** Events published by this relay since it started. */
  get publishedCount(): number {
    return this.published;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /** Called after a transaction that wrote outbox rows commits. */
  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.dropProducer();
  }

  /** Rows not yet published (for health, metrics and tests). */
  async pendingCount(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM messaging_outbox WHERE published_at IS NULL`,
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  private async runLoop(): Promise<void> {
    let failures = 0;
    let lockBusy = 0;
    while (this.running) {
      try {
        const sent = await this.relayBatch();
        if (failures > 0) this.logger.info({ afterFailures: failures }, 'outbox relay publishing again');
        failures = 0;
        await this.cleanupIfDue();
        if (sent === this.batchSize) continue; // more are waiting
        // Another replica is relaying: it claimed what was committed before it looked, and
        // rows committed after that (ours among them, maybe) wait for the next round. Try
        // again soon, backing off while it keeps the lock (a slow broker, a long batch).
        lockBusy = sent === LOCK_BUSY ? lockBusy + 1 : 0;
        if (lockBusy > 0) await this.sleep(Math.min(this.pollIntervalMs, this.lockRetryMs * 2 ** Math.min(lockBusy - 1, 10)), false);
        else await this.sleep(this.pollIntervalMs);
      } catch (error) {
        failures += 1;
        await this.dropProducer();
        const backoff = Math.min(this.maxBackoffMs, 100 * 2 ** Math.min(failures, 10));
        this.logger.warn({ err: error, failures, retryInMs: backoff }, 'outbox relay could not publish; will retry');
        await this.sleep(backoff, false);
      }
    }
  }

  /** One round: claim, send, mark. Returns how many rows were published, or LOCK_BUSY. */
  private async relayBatch(): Promise<number> {
    this.woken = false;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // The relay lock, the claim and the mark in one statement: the lock is tried once (the CTE),
      // and rows are claimed and marked published only when it was granted. The mark counts only
      // once this transaction commits, after the broker acknowledged the rows; a failed send rolls
      // it back, and so does a crash, since the transaction ends with the connection. FOR UPDATE
      // reads each row's latest version, so a row another relay published since this statement's
      // snapshot is not claimed again.
      const claimed = (await runner.query(
        `WITH relay AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked),
              claimed AS (
                SELECT seq FROM messaging_outbox
                 WHERE (SELECT locked FROM relay) AND published_at IS NULL
                 ORDER BY seq
                 LIMIT $2
                 FOR UPDATE SKIP LOCKED),
              marked AS (
                UPDATE messaging_outbox o SET published_at = now(), attempts = o.attempts + 1
                  FROM claimed WHERE o.seq = claimed.seq
                RETURNING o.seq, o.event_id, o.topic, o.message_key, o.envelope::text AS envelope, o.headers)
         SELECT relay.locked, m.seq, m.event_id, m.topic, m.message_key, m.envelope, m.headers
           FROM relay LEFT JOIN marked AS m ON true
          ORDER BY m.seq`,
        [RELAY_LOCK, this.batchSize],
      )) as (OutboxRow & { locked: boolean })[];
      if (!claimed[0]?.locked) {
        await runner.rollbackTransaction();
        return LOCK_BUSY;
      }
      const rows = claimed.filter((r) => r.seq !== null);
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      try {
        await this.send(rows);
      } catch (error) {
        await runner.rollbackTransaction();
        await this.recordFailure(rows, error);
        throw error;
      }
      await runner.commitTransaction();
      this.published += rows.length;
      this.countPublished(rows);
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    if (!this.producer) {
      const producer = this.connection.createProducer();
      await producer.connect();
      this.producer = producer;
    }
    // Rows are in commit order; grouping by topic keeps each topic's (and so each key's) order.
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    const spans = [];
    for (const row of rows) {
      const topic = this.connection.topic(row.topic);
      const messages = byTopic.get(topic) ?? [];
      // A producer span under the request (or event) that wrote the row; the message names it as parent.
      const { span, headers } = startPublishSpan(row.headers, {
        topic: row.topic,
        clientId: this.connection.settings.clientId,
        eventId: row.event_id,
        grievanceId: row.message_key,
      });
      spans.push(span);
      messages.push({ key: row.message_key, value: String(row.envelope), headers });
      byTopic.set(topic, messages);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      endSpans(spans, error);
      throw error;
    }
    endSpans(spans);
  }

  private countPublished(rows: OutboxRow[]): void {
    const perTopic = new Map<string, number>();
    for (const row of rows) perTopic.set(row.topic, (perTopic.get(row.topic) ?? 0) + 1);
    for (const [topic, count] of perTopic) this.connection.observers.notify('outboxPublished', topic, count);
  }

  /** Rows not yet published and how long the oldest has waited (for metrics). */
  async backlog(): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
         FROM messaging_outbox WHERE published_at IS NULL`,
    )) as { n: number; age: number }[];
    return { pending: row?.n ?? 0, oldestAgeSeconds: row?.age ?? 0 };
  }

  private async recordFailure(rows: OutboxRow[], error: unknown): Promise<void> {
    await this.dataSource
      .query(`UPDATE messaging_outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
        String((error as Error)?.message ?? error).slice(0, 1000),
      ])
      .catch(() => undefined);
  }

  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    await this.dataSource.query(
      `DELETE FROM messaging_outbox WHERE published_at IS NOT NULL AND published_at < now() - ($1::bigint * interval '1 millisecond')`,
      [this.retentionMs],
    );
  }

  /** Waits for `ms`, or less when woken; a backoff (`wakeable` false) is only cut short by stop(). */
  private sleep(ms: number, wakeable = true): Promise<void> {
    if (wakeable && this.woken) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeSleeper = () => {
        if (wakeable || !this.running) {
          clearTimeout(timer);
          resolve();
        }
      };
    }).finally(() => {
      this.wakeSleeper = undefined;
    });
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await producer.disconnect().catch(() => undefined);
  }
}
