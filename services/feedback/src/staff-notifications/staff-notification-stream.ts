import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { Observable, map } from 'rxjs';
import type { Language } from '@grievance/contracts';
import type { StoredMessage } from '@grievance/i18n';
import { LiveFeed, REDIS_CLIENT, StreamMessage } from '@grievance/platform';
import { FeedbackConfig } from '../config';
import { StaffNotificationRow } from './staff-notifications.repository';
import { staffNotificationView } from './staff-notification-view';

/** What goes through Redis: a stored notification, for the holder's open streams on every replica. */
export interface StaffNotificationNotice {
  recipientKey: string;
  id: string;
  grievanceId: string;
  eventType: string;
  message: string;
  content: StoredMessage;
  occurredAt: string;
}

/**
 * Live staff notifications: the consumer publishes each one it stored, once its transaction
 * has committed, on a Redis channel (LiveFeed); every replica hears it and sends it, rendered
 * in the language the stream was opened in, to the open streams of its holder.
 */
@Injectable()
export class StaffNotificationStream implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly feed: LiveFeed<StaffNotificationNotice>;

  constructor(config: FeedbackConfig, logger: PinoLogger, @Inject(REDIS_CLIENT) redis: Redis) {
    logger.setContext('staff-notification-stream');
    this.feed = new LiveFeed(redis, { channel: `${config.KAFKA_TOPIC_PREFIX ?? ''}feedback:staff-notifications`, eventType: 'notification' }, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
  }

  beforeApplicationShutdown(): void {
    this.feed.stop();
  }

  /** Tells every replica's streams of the holder (call after the notification's transaction committed). */
  async publish(row: StaffNotificationRow): Promise<void> {
    await this.feed.publish({
      recipientKey: row.recipientKey,
      id: row.id,
      grievanceId: row.grievanceId,
      eventType: row.eventType,
      message: row.message,
      content: row.content,
      occurredAt: row.occurredAt.toISOString(),
    });
  }

  /** The holder's new notifications as server-sent events (`notification`, a StaffNotificationView), with keep-alives. */
  forHolder(recipientKey: string, language: Language): Observable<StreamMessage> {
    return this.feed
      .stream((notice) => notice.recipientKey === recipientKey)
      .pipe(
        map((event) =>
          event.type === 'notification'
            ? {
                type: event.type,
                data: staffNotificationView({ ...(event.data as StaffNotificationNotice), occurredAt: new Date((event.data as StaffNotificationNotice).occurredAt), read: false }, language),
              }
            : event,
        ),
      );
  }
}
