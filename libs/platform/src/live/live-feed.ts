import type { Redis } from 'ioredis';
import { Observable, Subject, filter, interval, map, merge } from 'rxjs';

/** What an SSE handler returns (Nest's MessageEvent shape). */
export interface StreamMessage {
  type?: string;
  data: string | object;
}

export interface LiveFeedLogger {
  warn(object: object, message?: string): void;
}

export interface LiveFeedOptions {
  /** The Redis channel (prefixed by the caller with its topic prefix, so test suites sharing one Redis stay apart). */
  channel: string;
  /** The SSE event type each notice is sent as (`ticket`, `notification`). */
  eventType: string;
  /** How often an open stream gets a `keepalive` event, so proxies keep it open. */
  keepaliveMs?: number;
}

const KEEPALIVE_MS = 25_000;

/**
 * Live notices to browsers' open server-sent-event streams, fanned out through Redis pub/sub:
 * whichever replica learns of something publishes it on one channel, and every replica
 * subscribes to that channel (one Redis subscription per replica, not per stream) and hands
 * each notice to the open streams it concerns. Nothing polls at rest: a stream is silent
 * but for its keep-alive until a notice comes.
 *
 * Used by grid-dispatch (a grid worker's tickets) and feedback (staff notifications).
 */
export class LiveFeed<T extends object> {
  private readonly notices = new Subject<T>();
  private subscriber?: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly options: LiveFeedOptions,
    private readonly logger: LiveFeedLogger,
  ) {}

  /** Subscribes this replica to the channel (a dedicated connection, as Redis requires for SUBSCRIBE). */
  async start(): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, lazyConnect: false });
    this.subscriber.on('error', (error: Error) => this.logger.warn({ err: error, channel: this.options.channel }, 'live feed subscriber error'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.notices.next(JSON.parse(message) as T);
      } catch {
        this.logger.warn({ message, channel: this.options.channel }, 'live notice not JSON');
      }
    });
    await this.subscriber
      .subscribe(this.options.channel)
      .catch((error: unknown) => this.logger.warn({ err: error, channel: this.options.channel }, 'live feed could not subscribe yet'));
  }

  /** Ends every open stream and the subscription. */
  stop(): void {
    this.notices.complete();
    this.subscriber?.disconnect();
  }

  /** Tells every replica's open streams (through Redis). */
  async publish(notice: T): Promise<void> {
    await this.redis.publish(this.options.channel, JSON.stringify(notice));
  }

  /** The notices `concerns` accepts, as server-sent events, with a keep-alive. */
  stream(concerns: (notice: T) => boolean): Observable<StreamMessage> {
    return merge(
      this.notices.pipe(
        filter(concerns),
        map((notice) => ({ type: this.options.eventType, data: notice })),
      ),
      interval(this.options.keepaliveMs ?? KEEPALIVE_MS).pipe(map(() => ({ type: 'keepalive', data: {} }))),
    );
  }
}
