import { Module } from '@nestjs/common';
import { EventConsumersModule } from '@grievance/platform';
import { NotificationSenderModule } from '../notifications/notification-sender.module';
import { ListStaffNotifications } from './list-staff-notifications.use-case';
import { MarkStaffNotificationsRead } from './mark-staff-notifications-read.use-case';
import { NotifyHolder } from './notify-holder.use-case';
import { StaffNotificationStream } from './staff-notification-stream';
import { STAFF_NOTIFICATIONS_CONSUMER_GROUP, StaffNotificationsConsumer } from './staff-notifications.consumer';
import { StaffNotificationsController } from './staff-notifications.controller';
import { StaffNotificationsRepository } from './staff-notifications.repository';

/** Staff notifications (员工提醒): new work and deadlines for the holder an event names, listed, marked read and streamed live. */
@Module({
  imports: [
    NotificationSenderModule,
    // In a group of their own: the holders' notices never wait on the reporters'.
    EventConsumersModule.forGroup({ groupId: STAFF_NOTIFICATIONS_CONSUMER_GROUP, handlers: [StaffNotificationsConsumer] }),
  ],
  controllers: [StaffNotificationsController],
  providers: [StaffNotificationsRepository, StaffNotificationStream, NotifyHolder, ListStaffNotifications, MarkStaffNotificationsRead, StaffNotificationsConsumer],
  exports: [StaffNotificationsRepository],
})
export class StaffNotificationsModule {}
