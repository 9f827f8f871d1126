import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, render } from '@grievance/i18n';
import { UnitOfWork } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { StaffNotificationsRepository } from '../staff-notifications/staff-notifications.repository';
import { DeliveryOutcome, NOTIFICATION_SENDER, NotificationSender, OutboundNotification } from './notification-sender';
import { NotificationsRepository } from './notifications.repository';

/** How many notifications of each audience one pass claims. */
const PASS_SIZE = 50;

/**
 * One pass of delivery: up to 50 reporters' and then 50 staff notifications still `pending`,
 * each audience in a unit of work of its own, claimed (locked, skipping those another replica
 * holds), handed to the NotificationSender once each and marked `sent`, or logged and marked
 * `failed`; the marks commit with the claim. Answers how many were handed over.
 */
@Injectable()
export class DeliverNotifications {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: NotificationsRepository,
    private readonly staff: StaffNotificationsRepository,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('notifications');
  }

  async execute(): Promise<number> {
    const reporters = await this.unitOfWork.run(() => this.deliverToReporters());
    const staff = await this.unitOfWork.run(() => this.deliverToStaff());
    return reporters + staff;
  }

  private async deliverToReporters(): Promise<number> {
    const pending = await this.repository.claimPending(PASS_SIZE);
    for (const n of pending) {
      const outcome = await this.handOver(
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
      );
      await this.repository.markDelivery(n.id, outcome);
    }
    return pending.length;
  }

  /** Staff notifications in Chinese: the holders' language is not known (their lists and streams follow Accept-Language). */
  private async deliverToStaff(): Promise<number> {
    const pending = await this.staff.claimPending(PASS_SIZE);
    for (const n of pending) {
      const outcome = await this.handOver(
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
      );
      await this.staff.markDelivery(n.id, outcome);
    }
    return pending.length;
  }

  /** Hands one notification to the sender: sent, or failed (logged). */
  private async handOver(notification: OutboundNotification, failure: string): Promise<DeliveryOutcome> {
    try {
      await this.sender.send(notification);
      return 'sent';
    } catch (error) {
      this.logger.warn({ err: error, notificationId: notification.id, grievanceId: notification.grievanceId }, failure);
      return 'failed';
    }
  }
}
