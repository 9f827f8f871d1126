import { Module } from '@nestjs/common';
import { FeedbackConfig } from '../config';
import { DisabledNotificationSender, NOTIFICATION_SENDER, WebhookNotificationSender } from './notification-sender';

/** Where the notifications of reporters, workers and staff go out: the partner webhook (NOTIFY_WEBHOOK_URL), or nowhere. */
@Module({
  providers: [
    {
      provide: NOTIFICATION_SENDER,
      inject: [FeedbackConfig],
      useFactory: (config: FeedbackConfig) =>
        config.NOTIFY_WEBHOOK_URL ? new WebhookNotificationSender(config.NOTIFY_WEBHOOK_URL) : new DisabledNotificationSender(),
    },
  ],
  exports: [NOTIFICATION_SENDER],
})
export class NotificationSenderModule {}
