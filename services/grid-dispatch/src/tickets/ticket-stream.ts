import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { Observable } from 'rxjs';
import { GridDispatchConfig } from '../config';
import { LiveFeed, REDIS_CLIENT, StreamMessage } from '@grievance/platform';

export type { StreamMessage } from '@grievance/platform';

/** What a grid worker's open stream hears: one of their tickets changed (they fetch the list again). */
export interface TicketNotice {
  gridWorkerId: string;
  ticketId: string;
  grievanceId: string;
  type: 'dispatched' | 'accepted' | 'verified';
}

/**
 * Live ticket notices for grid workers' inboxes. Once the transaction that recorded a ticket
 * event has committed, the replica that committed it publishes the notice on the LiveFeed's
 * Redis channel (TicketEvents), which every replica hears and hands to the streams of the
 * worker it concerns, so a worker hears it whichever replica they are connected to.
 */
@Injectable()
export class TicketStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly feed: LiveFeed<TicketNotice>;

  constructor(config: GridDispatchConfig, logger: PinoLogger, @Inject(REDIS_CLIENT) redis: Redis) {
    logger.setContext('ticket-stream');
    this.feed = new LiveFeed<TicketNotice>(redis, { channel: `${config.KAFKA_TOPIC_PREFIX ?? ''}grid-dispatch:tickets`, eventType: 'ticket' }, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
  }

  beforeApplicationShutdown(): void {
    this.feed.stop();
  }

  /** Tells every replica's streams of the worker (call after the ticket event's transaction committed). */
  async publish(notice: TicketNotice): Promise<void> {
    await this.feed.publish(notice);
  }

  /** A worker's notices as server-sent events (`ticket`), with a keep-alive so proxies keep the connection open. */
  forWorker(gridWorkerId: string): Observable<StreamMessage> {
    return this.feed.stream((notice) => notice.gridWorkerId === gridWorkerId);
  }
}
