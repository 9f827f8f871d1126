import { Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { AutoCloseLifecycle } from './auto-close.lifecycle';
import { CloseUnrated } from './close-unrated.use-case';
import { RatingWindowsModule } from './rating-windows.module';

/**
 * Auto-close after AUTO_CLOSE_AFTER_MS: a rating window running out closes the grievance
 * through the grievances' view, and the windows missing on start are opened again.
 */
@Module({
  imports: [GrievancesModule, RatingWindowsModule],
  providers: [CloseUnrated, AutoCloseLifecycle],
})
export class AutoCloseModule {}
