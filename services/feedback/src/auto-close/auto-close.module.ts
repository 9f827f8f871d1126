import { forwardRef, Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { AutoCloseLifecycle } from './auto-close.lifecycle';
import { CloseUnrated } from './close-unrated.use-case';
import { RatingWindows } from './rating-window';

/**
 * The rating windows (auto-close after AUTO_CLOSE_AFTER_MS): deadlines of the SLA engine
 * (SlaModule, composed by AppModule), opened by a resolution, ended by a rating, and closing
 * the grievance when they run out.
 */
@Module({
  imports: [forwardRef(() => GrievancesModule)],
  providers: [RatingWindows, CloseUnrated, AutoCloseLifecycle],
  exports: [RatingWindows],
})
export class AutoCloseModule {}
