import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DEFAULT_LANGUAGE, render } from '@grievance/i18n';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackConfig } from '../config';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { StaffNotificationsRepository } from '../staff-notifications/staff-notifications.repository';
import { NOTIFICATION_SENDER, NotificationSender } from './notification-sender';

/**
 * Sends stored notifications after their transaction has committed: it polls the rows
 * still `pending` and hands each to the NotificationSender once. A failure is logged and
 * the row marked `failed`; it never holds up the consumer that wrote it. Off (and rows
 * are stored as `off`) when no sender is configured.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly repository: FeedbackRepository,
    private readonly staff: StaffNotificationsRepository,
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

  /** One pass over the pending notifications, the reporters' and the staff's; returns how many were handled. */
  async deliverOnce(): Promise<number> {
    const reporters = await this.repository.deliverPending(50, async (n) => {
      try {
        await this.sender.send({
          id: n.id,
          audience: 'reporter',
          recipientId: n.recipientId,
          grievanceId: n.grievanceId,
          eventType: n.eventType,
          language: n.language,
          message: n.content ? render(n.language, n.content, n.message) : n.message,
          createdAt: new Date(n.createdAt).toISOString(),
        });
        return true;
      } catch (error) {
        this.logger.warn({ err: error, notificationId: n.id, grievanceId: n.grievanceId }, 'notification could not be sent');
        return false;
      }
    });
    // Staff notifications in Chinese: the holders' language is not known (their lists and streams follow Accept-Language).
    const staff = await this.staff.deliverPending(50, async (n) => {
      try {
        await this.sender.send({
          id: n.id,
          audience: 'staff',
          recipientId: n.recipientKey,
          grievanceId: n.grievanceId,
          eventType: n.eventType,
          language: DEFAULT_LANGUAGE,
          message: render(DEFAULT_LANGUAGE, n.content, n.message),
          createdAt: n.occurredAt.toISOString(),
        });
        return true;
      } catch (error) {
        this.logger.warn({ err: error, notificationId: n.id, grievanceId: n.grievanceId }, 'staff notification could not be sent');
        return false;
      }
    });
    return reporters + staff;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'notification delivery pass failed'))
        .finally(() => this.schedule());
    }, this.config.NOTIFY_POLL_INTERVAL_MS);
    this.timer.unref();
  }
}
