/** The feedback service: notifying the reporter, ratings, reopening, the points ledger, and closing the loop with its final SLA verdict. */
import { DynamicModule, Module } from '@nestjs/common';
import { bullPrefixFor, EventConsumersModule, PlatformModule } from '@grievance/platform';
import { SlaModule } from '@grievance/sla';
import { PinoLogger } from 'nestjs-pino';
import { AutoCloseModule } from './auto-close/auto-close.module';
import { feedbackSlaHandlers } from './auto-close/close-unrated.use-case';
import { FEEDBACK_SLA_QUEUE, ratingWindowSettings } from './auto-close/rating-window';
import { FeedbackConfig } from './config';
import { ContestModule } from './contest/contest.module';
import { FEEDBACK_ENTITIES } from './grievances/entities';
import { FEEDBACK_CONSUMER_GROUP, FeedbackConsumer } from './grievances/feedback.consumer';
import { GrievancesModule } from './grievances/grievances.module';
import { FEEDBACK_MIGRATIONS } from './migrations';
import { NotificationsModule } from './notifications/notifications.module';
import { PointsModule } from './points/points.module';
import { WorkerRegistrationsConsumer } from './points/worker-registrations.consumer';
import { RatingModule } from './rating/rating.module';
import { StaffNotificationsModule } from './staff-notifications/staff-notifications.module';

@Module({})
export class AppModule {
  static readonly configClass = FeedbackConfig;

  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: FEEDBACK_ENTITIES, migrations: FEEDBACK_MIGRATIONS }),
        // One group for the reporters' view and the workers' registrations; each consumer is provided by its context's module.
        EventConsumersModule.forGroup({ groupId: FEEDBACK_CONSUMER_GROUP, handlers: [FeedbackConsumer, WorkerRegistrationsConsumer] }),
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
        AutoCloseModule,
        RatingModule,
        ContestModule,
        NotificationsModule,
        PointsModule,
        StaffNotificationsModule,
      ],
    };
  }
}
