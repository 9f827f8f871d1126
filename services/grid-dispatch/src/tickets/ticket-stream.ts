import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { Observable, Subject, filter, interval, map, merge } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { GridDispatchConfig } from '../config';
import { REDIS_CLIENT } from '@grievance/platform';

/** The consumer group that turns committed ticket events into live notices (one per cluster: Redis fans them out). */
export const TICKET_STREAM_GROUP = 'grid-dispatch-ticket-stream';

/** What a grid worker's open stream hears: one of their tickets changed (they fetch the list again). */
export interface TicketNotice {
  gridWorkerId: string;
  ticketId: string;
  grievanceId: string;
  type: 'dispatched' | 'accepted' | 'verified';
}

/** What an SSE handler returns (Nest's MessageEvent shape). */
export interface StreamMessage {
  type?: string;
  data: string | object;
}

const KEEPALIVE_MS = 25_000;

/**
 * Live ticket notices for grid workers' inboxes. Ticket events reach Kafka only after the
 * transaction that made them commits; one consumer group reads them and publishes each on
 * a Redis channel, and every replica subscribes to that channel and hands each notice to
 * the streams of the worker it concerns, so a worker hears it whichever replica they are
 * connected to.
 */
@Injectable()
export class TicketStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer;
  private readonly notices = new Subject<TicketNotice>();
  private subscriber?: Redis;
  private readonly channel: string;
  private starting?: Promise<void>;

  constructor(
    kafka: KafkaConnection,
    dataSource: DataSource,
    relay: OutboxRelay,
    config: GridDispatchConfig,
    private readonly logger: PinoLogger,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {
    this.logger.setContext('ticket-stream');
    this.channel = `${config.KAFKA_TOPIC_PREFIX ?? ''}grid-dispatch:tickets`;
    // A live feed: a new group starts at the end; what happened before is in GET /v1/tickets.
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: TICKET_STREAM_GROUP, fromBeginning: false }, logger, relay);
    const publish = (type: TicketNotice['type']) => async (event: { grievanceId: string; payload: { ticketId: string; gridWorkerId: string } }) => {
      const notice: TicketNotice = { gridWorkerId: event.payload.gridWorkerId, ticketId: event.payload.ticketId, grievanceId: event.grievanceId, type };
      await this.redis.publish(this.channel, JSON.stringify(notice));
    };
    this.consumer.on('ticket.dispatched.v1', publish('dispatched'));
    this.consumer.on('ticket.accepted.v1', publish('accepted'));
    this.consumer.on('ticket.verified.v1', publish('verified'));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, lazyConnect: false });
    this.subscriber.on('error', (error: Error) => this.logger.warn({ err: error }, 'ticket stream subscriber error'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.notices.next(JSON.parse(message) as TicketNotice);
      } catch {
        this.logger.warn({ message }, 'ticket notice not JSON');
      }
    });
    await this.subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.warn({ err: error }, 'ticket stream could not subscribe yet'));
    this.starting = this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'ticket stream consumer stopped'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.starting) await Promise.race([this.starting, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await this.consumer.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'error while stopping the ticket stream consumer'));
    this.notices.complete();
    this.subscriber?.disconnect();
  }

  /** A worker's notices as server-sent events, with a comment-free keep-alive so proxies keep the connection open. */
  forWorker(gridWorkerId: string): Observable<StreamMessage> {
    return merge(
      this.notices.pipe(
        filter((notice) => notice.gridWorkerId === gridWorkerId),
        map((notice) => ({ type: 'ticket', data: notice })),
      ),
      interval(KEEPALIVE_MS).pipe(map(() => ({ type: 'keepalive', data: {} }))),
    );
  }
}
