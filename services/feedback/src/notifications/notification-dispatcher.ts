import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackConfig } from '../config';
import { DeliverNotifications } from './deliver-notifications.use-case';
import { NOTIFICATION_SENDER, NotificationSender } from './notification-sender';

/**
 * Sends stored notifications after their transaction has committed: every
 * NOTIFY_POLL_INTERVAL_MS it runs a pass of DeliverNotifications over the rows still `pending`. A failure is logged and
 * the row marked `failed`; it never holds up the consumer that wrote it. Off (and rows
 * are stored as `off`) when no sender is configured.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly deliverNotifications: DeliverNotifications,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    private readonly config: FeedbackConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('notifications');
  }

  onApplicationBootstrap(): void {
    if (!this.sender.enabled) return;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverNotifications.execute()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'notification delivery pass failed'))
        .finally(() => this.schedule());
    }, this.config.NOTIFY_POLL_INTERVAL_MS);
    this.timer.unref();
  }
}
