/** The feedback service: notifying the reporter, ratings, reopening, the points ledger, and closing the loop with its final SLA verdict. */
import { DynamicModule, Module } from '@nestjs/common';
import { EventConsumersModule, PlatformModule } from '@grievance/platform';
import { AutoCloseLifecycle } from './auto-close/auto-close.lifecycle';
import { AutoCloseScheduler } from './auto-close/auto-close.scheduler';
import { CloseUnrated } from './auto-close/close-unrated.use-case';
import { FeedbackConfig } from './config';
import { FEEDBACK_ENTITIES } from './matters/entities';
import { FEEDBACK_CONSUMER_GROUP, FeedbackConsumer } from './matters/feedback.consumer';
import { FeedbackRepository } from './matters/feedback.repository';
import { MatterEvents } from './matters/matter-events';
import { FEEDBACK_MIGRATIONS } from './migrations';
import { NotificationDispatcher } from './notifications/notification-dispatcher';
import { DisabledNotificationSender, NOTIFICATION_SENDER, WebhookNotificationSender } from './notifications/notification-sender';
import { NotificationsController } from './notifications/notifications.controller';
import { PointsController } from './points/points.controller';
import { RateMatter } from './rating/rate-matter.use-case';
import { RatingController } from './rating/rating.controller';

@Module({})
export class AppModule {
  static readonly configClass = FeedbackConfig;

  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: FEEDBACK_ENTITIES, migrations: FEEDBACK_MIGRATIONS }),
        EventConsumersModule.forGroup({ groupId: FEEDBACK_CONSUMER_GROUP, handlers: [FeedbackConsumer] }),
      ],
      controllers: [NotificationsController, PointsController, RatingController],
      providers: [
        {
          provide: NOTIFICATION_SENDER,
          useFactory: () =>
            config.NOTIFY_WEBHOOK_URL ? new WebhookNotificationSender(config.NOTIFY_WEBHOOK_URL) : new DisabledNotificationSender(),
        },
        FeedbackRepository,
        AutoCloseScheduler,
        MatterEvents,
        RateMatter,
        CloseUnrated,
        NotificationDispatcher,
        FeedbackConsumer,
        AutoCloseLifecycle,
      ],
    };
  }
}
