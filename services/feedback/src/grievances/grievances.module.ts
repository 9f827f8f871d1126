import { Module } from '@nestjs/common';
import { RatingWindowsModule } from '../auto-close/rating-windows.module';
import { NotificationSenderModule } from '../notifications/notification-sender.module';
import { ApplyGrievanceEvent } from './apply-grievance-event.use-case';
import { FeedbackConsumer } from './feedback.consumer';
import { FeedbackRepository } from './feedback.repository';
import { RecordSlaBreach } from './record-sla-breach.use-case';

/**
 * The feedback service's view of each grievance, and what its events change in it: the status,
 * the reporter's and co-reporters' notifications, points for a confirmed report, the close of a
 * rejected one and the rating window of a resolution (RatingWindowsModule; auto-close, which
 * closes through this view, imports this module, not the other way round).
 */
@Module({
  imports: [NotificationSenderModule, RatingWindowsModule],
  providers: [FeedbackRepository, ApplyGrievanceEvent, RecordSlaBreach, FeedbackConsumer],
  exports: [FeedbackRepository],
})
export class GrievancesModule {}
