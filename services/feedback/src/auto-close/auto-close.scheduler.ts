import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackConfig } from '../config';
import { bullPrefixFor } from '@grievance/platform';

export const AUTO_CLOSE_QUEUE = 'feedback.auto-close';

/** Ids only: the firing reads the matter's state from Postgres. */
export interface AutoCloseJob {
  grievanceId: string;
  resolutionNo: number;
}

/**
 * The job id of one resolution's timer: the same resolution always maps to the same job,
 * so arming it again (a redelivered event, a restart) adds nothing. BullMQ refuses ids
 * with exactly one ':' ("Custom Id cannot contain :"), hence '#' instead of the ':' of the plan.
 */
export const autoCloseJobId = (grievanceId: string, resolutionNo: number): string => `${grievanceId}#${resolutionNo}`;

/** When an unrated resolution closes by itself: AUTO_CLOSE_AFTER_MS × SLA_TIME_SCALE after it. */
export function autoCloseDueAt(resolvedAt: Date, config: Pick<FeedbackConfig, 'AUTO_CLOSE_AFTER_MS' | 'SLA_TIME_SCALE'>): Date {
  return new Date(resolvedAt.getTime() + Math.round(config.AUTO_CLOSE_AFTER_MS * config.SLA_TIME_SCALE));
}

/**
 * The BullMQ side of auto-close: a delayed job per resolution (queue `feedback.auto-close`)
 * and the worker that fires it. The key prefix follows KAFKA_TOPIC_PREFIX so suites
 * sharing one Redis never take each other's jobs.
 */
@Injectable()
export class AutoCloseScheduler implements OnApplicationShutdown {
  private readonly queueConnection: Redis;
  private readonly queue: Queue<AutoCloseJob>;
  private worker?: Worker<AutoCloseJob>;
  private workerConnection?: Redis;
  private readonly prefix: string;

  constructor(
    private readonly config: FeedbackConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('auto-close');
    this.prefix = bullPrefixFor(config.KAFKA_TOPIC_PREFIX);
    this.queueConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
    this.queueConnection.on('error', (error) => this.logger.debug({ err: error }, 'auto-close queue connection error'));
    this.queue = new Queue<AutoCloseJob>(AUTO_CLOSE_QUEUE, { connection: this.queueConnection, prefix: this.prefix });
  }

  /** Arms (idempotently) the timer of one resolution; fails after `timeoutMs` when Redis does not answer. */
  async arm(job: AutoCloseJob, resolvedAt: Date, timeoutMs = 2000): Promise<void> {
    const delay = Math.max(0, autoCloseDueAt(resolvedAt, this.config).getTime() - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis did not take the auto-close job within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.add(job, delay), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async add(job: AutoCloseJob, delay: number): Promise<void> {
    await this.queue.add('auto-close', job, {
      jobId: autoCloseJobId(job.grievanceId, job.resolutionNo),
      delay,
      attempts: 8,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: true,
      removeOnFail: false,
    });
  }

  /** Starts the worker that fires the timers. */
  start(fire: (job: AutoCloseJob) => Promise<void>): void {
    if (this.worker) return;
    this.workerConnection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.workerConnection.on('error', (error) => this.logger.debug({ err: error }, 'auto-close worker connection error'));
    this.worker = new Worker<AutoCloseJob>(AUTO_CLOSE_QUEUE, (job: Job<AutoCloseJob>) => fire(job.data), {
      connection: this.workerConnection,
      prefix: this.prefix,
      concurrency: 4,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, 'auto-close job failed'),
    );
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'auto-close worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    this.workerConnection?.disconnect();
    this.queueConnection.disconnect();
  }
}
