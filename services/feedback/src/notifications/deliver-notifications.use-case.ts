import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, render } from '@grievance/i18n';
import { PinoLogger } from 'nestjs-pino';
import { StaffNotificationsRepository } from '../staff-notifications/staff-notifications.repository';
import { NOTIFICATION_SENDER, NotificationSender, OutboundNotification } from './notification-sender';
import { NotificationsRepository } from './notifications.repository';

/**
 * One pass of delivery: up to 50 reporters' and 50 staff notifications still `pending` are
 * handed to the NotificationSender once each; a failure is logged and the row marked `failed`.
 * Answers how many were handed over.
 */
@Injectable()
export class DeliverNotifications {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly staff: StaffNotificationsRepository,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('notifications');
  }

  async execute(): Promise<number> {
    const reporters = await this.repository.deliverPending(50, (n) =>
      this.handOver(
        {
          id: n.id,
          audience: 'reporter',
          recipientId: n.recipientId,
          grievanceId: n.grievanceId,
          eventType: n.eventType,
          language: n.language,
          message: n.content ? render(n.language, n.content, n.message) : n.message,
          createdAt: new Date(n.createdAt).toISOString(),
        },
        'notification could not be sent',
      ),
    );
    // Staff notifications in Chinese: the holders' language is not known (their lists and streams follow Accept-Language).
    const staff = await this.staff.deliverPending(50, (n) =>
      this.handOver(
        {
          id: n.id,
          audience: 'staff',
          recipientId: n.recipientKey,
          grievanceId: n.grievanceId,
          eventType: n.eventType,
          language: DEFAULT_LANGUAGE,
          message: render(DEFAULT_LANGUAGE, n.content, n.message),
          createdAt: n.occurredAt.toISOString(),
        },
        'staff notification could not be sent',
      ),
    );
    return reporters + staff;
  }

  /** Hands one notification to the sender: true once sent, false (logged) when it failed. */
  private async handOver(notification: OutboundNotification, failure: string): Promise<boolean> {
    try {
      await this.sender.send(notification);
      return true;
    } catch (error) {
      this.logger.warn({ err: error, notificationId: notification.id, grievanceId: notification.grievanceId }, failure);
      return false;
    }
  }
}
