import { Module } from '@nestjs/common';
import { RatingWindows } from './rating-window';

/**
 * The rating windows as deadlines of the SLA engine (SlaModule, composed by AppModule): opened by
 * a resolution (GrievancesModule), ended by a rating (RatingModule) and by the close when they
 * run out (AutoCloseModule). Needs nothing of theirs, so each of them imports it.
 */
@Module({
  providers: [RatingWindows],
  exports: [RatingWindows],
})
export class RatingWindowsModule {}
