import { DelayedError, Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Rings when a dispatched ticket's accept deadline passes. Must tolerate early, late and
 * repeated calls; answers `retryAt` when it rang before the deadline (ring again then).
 */
export type AcceptDeadlineHandler = (ticketId: string, attempt: number) => Promise<{ retryAt: Date } | undefined | void>;

/**
 * The accept deadlines of dispatched tickets. Small on purpose: the SLA library will
 * replace the BullMQ adapter. Postgres (tickets.accept_by) stays the truth; an alarm is
 * only a nudge to look.
 */
export interface AcceptDeadlines {
  /** Starts ringing `handler` for due deadlines. */
  start(handler: AcceptDeadlineHandler): Promise<void>;
  /** Arms the deadline of one attempt of a ticket (arming the same attempt twice is a no-op). */
  arm(ticketId: string, attempt: number, at: Date): Promise<void>;
  close(): Promise<void>;
}

export const ACCEPT_DEADLINES = Symbol('AcceptDeadlines');
export const ACCEPT_DEADLINES_QUEUE = 'grid-dispatch.accept-deadlines';

/** Deterministic per attempt. BullMQ refuses custom ids with a single ':', so a dot joins them. */
export function acceptDeadlineJobId(ticketId: string, attempt: number): string {
  return `${ticketId}.${attempt}`;
}

interface JobData {
  ticketId: string;
  attempt: number;
}

export interface DeadlineLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** BullMQ delayed jobs, one per (ticket, attempt); data holds ids only. */
export class BullAcceptDeadlines implements AcceptDeadlines {
  private redis?: Redis;
  private queue?: Queue<JobData>;
  private worker?: Worker<JobData>;

  constructor(
    private readonly redisUrl: string,
    /** BullMQ key prefix (tests give each suite its own). */
    private readonly prefix: string,
    private readonly logger: DeadlineLogger,
  ) {}

  private connection(): Redis {
    if (!this.redis) {
      this.redis = new Redis(this.redisUrl, { maxRetriesPerRequest: null, connectionName: 'grid-dispatch:accept-deadlines' });
      this.redis.on('error', () => undefined); // reconnects by itself; failures surface where commands fail
    }
    return this.redis;
  }

  private producer(): Queue<JobData> {
    if (!this.queue) {
      this.queue = new Queue<JobData>(ACCEPT_DEADLINES_QUEUE, { connection: this.connection(), prefix: this.prefix });
      this.queue.on('error', (error) => this.logger.warn({ err: error }, 'accept deadline queue error'));
    }
    return this.queue;
  }

  async start(handler: AcceptDeadlineHandler): Promise<void> {
    if (this.worker) return;
    const process = async (job: Job<JobData>, token?: string): Promise<void> => {
      const outcome = await handler(job.data.ticketId, job.data.attempt);
      if (outcome && outcome.retryAt) {
        await job.moveToDelayed(outcome.retryAt.getTime(), token);
        throw new DelayedError();
      }
    };
    this.worker = new Worker<JobData>(ACCEPT_DEADLINES_QUEUE, process, {
      connection: this.connection(),
      prefix: this.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'accept deadline worker error'));
    this.worker.on('failed', (job, error) => this.logger.error({ err: error, jobId: job?.id }, 'accept deadline failed'));
    await this.worker.waitUntilReady();
  }

  async arm(ticketId: string, attempt: number, at: Date): Promise<void> {
    await this.producer().add(
      'accept-deadline',
      { ticketId, attempt },
      {
        jobId: acceptDeadlineJobId(ticketId, attempt),
        delay: Math.max(0, at.getTime() - Date.now()),
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
      },
    );
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
    await this.queue?.close();
    this.queue = undefined;
    if (this.redis) {
      await this.redis.quit().catch(() => this.redis?.disconnect());
      this.redis = undefined;
    }
  }
}
