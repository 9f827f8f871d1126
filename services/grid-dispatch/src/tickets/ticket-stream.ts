import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { GridDispatchConfig } from '../config';
import { LiveFeed, REDIS_CLIENT, StreamMessage } from '@grievance/platform';

export type { StreamMessage } from '@grievance/platform';

/** The consumer group that turns committed ticket events into live notices (one per cluster: Redis fans them out). */
export const TICKET_STREAM_GROUP = 'grid-dispatch-ticket-stream';

/** What a grid worker's open stream hears: one of their tickets changed (they fetch the list again). */
export interface TicketNotice {
  gridWorkerId: string;
  ticketId: string;
  grievanceId: string;
  type: 'dispatched' | 'accepted' | 'verified';
}

/**
 * Live ticket notices for grid workers' inboxes. Ticket events reach Kafka only after the
 * transaction that made them commits; one consumer group reads them and publishes each on
 * the LiveFeed's Redis channel, which every replica hears and hands to the streams of the
 * worker it concerns, so a worker hears it whichever replica they are connected to.
 */
@Injectable()
export class TicketStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer;
  private readonly feed: LiveFeed<TicketNotice>;
  private starting?: Promise<void>;

  constructor(
    kafka: KafkaConnection,
    dataSource: DataSource,
    relay: OutboxRelay,
    config: GridDispatchConfig,
    private readonly logger: PinoLogger,
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    this.logger.setContext('ticket-stream');
    this.feed = new LiveFeed<TicketNotice>(redis, { channel: `${config.KAFKA_TOPIC_PREFIX ?? ''}grid-dispatch:tickets`, eventType: 'ticket' }, logger);
    // A live feed: a new group starts at the end; what happened before is in GET /v1/tickets.
    this.consumer = new EventConsumer(kafka, dataSource, { ...config.consumerSettings(), groupId: TICKET_STREAM_GROUP, fromBeginning: false }, logger, relay);
    const publish = (type: TicketNotice['type']) => async (event: { grievanceId: string; payload: { ticketId: string; gridWorkerId: string } }) => {
      await this.feed.publish({ gridWorkerId: event.payload.gridWorkerId, ticketId: event.payload.ticketId, grievanceId: event.grievanceId, type });
    };
    this.consumer.on('ticket.dispatched.v1', publish('dispatched'));
    this.consumer.on('ticket.accepted.v1', publish('accepted'));
    this.consumer.on('ticket.verified.v1', publish('verified'));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
    this.starting = this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'ticket stream consumer stopped'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.starting) await Promise.race([this.starting, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await this.consumer.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'error while stopping the ticket stream consumer'));
    this.feed.stop();
  }

  /** A worker's notices as server-sent events (`ticket`), with a keep-alive so proxies keep the connection open. */
  forWorker(gridWorkerId: string): Observable<StreamMessage> {
    return this.feed.stream((notice) => notice.gridWorkerId === gridWorkerId);
  }
}
