/** The feedback service: notifying the reporter, ratings, reopening, the points ledger, and closing the loop with its final SLA verdict. */
import { DynamicModule, Module } from '@nestjs/common';
import { bullPrefixFor, EventConsumersModule, PlatformModule } from '@grievance/platform';
import { SlaModule } from '@grievance/sla';
import { PinoLogger } from 'nestjs-pino';
import { AutoCloseLifecycle } from './auto-close/auto-close.lifecycle';
import { CloseUnrated, feedbackSlaHandlers } from './auto-close/close-unrated.use-case';
import { FEEDBACK_SLA_QUEUE, RatingWindows, ratingWindowSettings } from './auto-close/rating-window';
import { FeedbackConfig } from './config';
import { ContestController } from './contest/contest.controller';
import { ContestVerdict } from './contest/contest-verdict.use-case';
import { FEEDBACK_ENTITIES } from './grievances/entities';
import { FEEDBACK_CONSUMER_GROUP, FeedbackConsumer } from './grievances/feedback.consumer';
import { GrievanceEvents } from './grievances/grievance-events';
import { GrievancesModule } from './grievances/grievances.module';
import { FEEDBACK_MIGRATIONS } from './migrations';
import { NotificationDispatcher } from './notifications/notification-dispatcher';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { PointsModule } from './points/points.module';
import { WorkerRegistrationsConsumer } from './points/worker-registrations.consumer';
import { RateGrievance } from './rating/rate-grievance.use-case';
import { RatingController } from './rating/rating.controller';
import { NotifyHolder } from './staff-notifications/notify-holder.use-case';
import { StaffNotificationStream } from './staff-notifications/staff-notification-stream';
import { STAFF_NOTIFICATIONS_CONSUMER_GROUP, StaffNotificationsConsumer } from './staff-notifications/staff-notifications.consumer';
import { StaffNotificationsController } from './staff-notifications/staff-notifications.controller';
import { StaffNotificationsRepository } from './staff-notifications/staff-notifications.repository';
import { ListStaffNotifications, MarkStaffNotificationsRead } from './staff-notifications/staff-notifications.use-cases';

@Module({})
export class AppModule {
  static readonly configClass = FeedbackConfig;

  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: FEEDBACK_ENTITIES, migrations: FEEDBACK_MIGRATIONS }),
        EventConsumersModule.forGroup({ groupId: FEEDBACK_CONSUMER_GROUP, handlers: [FeedbackConsumer, WorkerRegistrationsConsumer] }),
        // Staff notifications (员工提醒) in a group of their own: the holders' notices never wait on the reporters'.
        EventConsumersModule.forGroup({ groupId: STAFF_NOTIFICATIONS_CONSUMER_GROUP, handlers: [StaffNotificationsConsumer] }),
        // The rating windows (auto-close after AUTO_CLOSE_AFTER_MS): they close grievances, they are
        // nobody's breach, so no sla.warned.v1 / sla.breached.v1 leaves this service.
        SlaModule.forService({
          queueName: FEEDBACK_SLA_QUEUE,
          redisUrl: config.REDIS_URL,
          prefix: bullPrefixFor(config.KAFKA_TOPIC_PREFIX),
          timeScale: config.SLA_TIME_SCALE,
          settings: ratingWindowSettings(config),
          publishEvents: false,
          handlers: feedbackSlaHandlers,
          logger: PinoLogger,
        }),
        GrievancesModule,
        NotificationsModule,
        PointsModule,
      ],
      controllers: [NotificationsController, RatingController, ContestController, StaffNotificationsController],
      providers: [
        RatingWindows,
        GrievanceEvents,
        RateGrievance,
        ContestVerdict,
        CloseUnrated,
        NotificationDispatcher,
        FeedbackConsumer,
        AutoCloseLifecycle,
        StaffNotificationsRepository,
        StaffNotificationStream,
        NotifyHolder,
        ListStaffNotifications,
        MarkStaffNotificationsRead,
        StaffNotificationsConsumer,
      ],
    };
  }
}
