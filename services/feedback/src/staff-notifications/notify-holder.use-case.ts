import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { NOTIFICATION_SENDER, NotificationSender } from '../notifications/notification-sender';
import { staffNotice, StaffNotifiedTopic } from './staff-messages';
import { StaffNotificationStream } from './staff-notification-stream';
import { StaffNotificationWrites } from './staff-notification-writes';
import { StaffNotificationsRepository } from './staff-notifications.repository';

export interface NotifyHolderCommand<T extends StaffNotifiedTopic = StaffNotifiedTopic> {
  topic: T;
  event: EventEnvelope<PayloadOf<T>>;
}

/**
 * Stores the notification an event makes for the holder it names (staffNotice), in the
 * consumer's inbox transaction (with the other events of its group, at once), and once that
 * has committed tells the holder's open streams. A redelivered event stores nothing and tells
 * nobody again. With a partner webhook configured it is also left pending for the NotificationDispatcher, as a reporter's notification is.
 */
@Injectable()
export class NotifyHolder {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: StaffNotificationsRepository,
    private readonly stream: StaffNotificationStream,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('staff-notifications');
  }

  /**
   * 'stored' when the notification is stored with the transaction's other events, right
   * before it commits (see StaffNotificationWrites); 'nobody' when the event concerns no holder.
   */
  async execute<T extends StaffNotifiedTopic>({ topic, event }: NotifyHolderCommand<T>): Promise<'stored' | 'nobody'> {
    const notice = staffNotice(topic, event);
    if (!notice) return 'nobody';
    const notification = {
      recipientKey: notice.recipientKey,
      delivery: this.sender.enabled ? ('pending' as const) : ('off' as const),
      grievanceId: event.grievanceId,
      eventId: event.eventId,
      eventType: event.type,
      message: notice.message,
      occurredAt: new Date(event.occurredAt),
    };
    const tx = this.unitOfWork.transaction();
    StaffNotificationWrites.of(tx, this.repository).add(notification, (row) =>
      // A live notice only for what was committed; if Redis is away the list still has it.
      tx.afterCommit(() =>
        this.stream.publish(row).catch((error: unknown) => this.logger.warn({ err: error, grievanceId: row.grievanceId, notificationId: row.id }, 'live notice not sent')),
      ),
    );
    return 'stored';
  }
}
