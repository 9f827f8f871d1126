import { Module } from '@nestjs/common';
import { StaffNotificationsModule } from '../staff-notifications/staff-notifications.module';
import { DeliverNotifications } from './deliver-notifications.use-case';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationSenderModule } from './notification-sender.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { ListNotifications } from './list-notifications.use-case';

/** The reporters' notifications read back (in their language), and the delivery of every notification waiting for the partner webhook. */
@Module({
  imports: [NotificationSenderModule, StaffNotificationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, ListNotifications, DeliverNotifications, NotificationDispatcher],
})
export class NotificationsModule {}
