import { Module } from '@nestjs/common';
import { FeedbackRepository } from './feedback.repository';

/** The feedback service's view of each grievance, and what its events change in it. */
@Module({
  providers: [FeedbackRepository],
  exports: [FeedbackRepository],
})
export class GrievancesModule {}
