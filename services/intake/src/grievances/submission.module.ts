import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { GrievancesRepository } from './grievances.repository';
import { SubmitGrievance } from './submit-grievance.use-case';
import { TrackingSerials } from './tracking-serials';

/**
 * The submission path every way in shares (intake's own API, Open311): the category
 * catalogue, the tracking numbers, the store and the use case. One instance of each per
 * process, so one read of the catalogue and one pool for the tracking counters.
 */
@Module({
  imports: [CategoriesModule],
  providers: [GrievancesRepository, TrackingSerials, SubmitGrievance],
  exports: [CategoriesModule, GrievancesRepository, TrackingSerials, SubmitGrievance],
})
export class SubmissionModule {}
