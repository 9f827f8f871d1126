import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { INTAKE_RATE_LIMITING } from '../rate-limits';
import { GetGrievance } from './get-grievance.use-case';
import { GrievancesController } from './grievances.controller';
import { GrievancesRepository } from './grievances.repository';
import { ListGrievances } from './list-grievances.use-case';
import { ReplyToHolder } from './reply-to-holder.use-case';
import { SubmitGrievance } from './submit-grievance.use-case';
import { SummarizeGrievances } from './summarize-grievances.use-case';
import { TrackingSerials } from './tracking-serials';

/**
 * A reporter's grievances: the submission path every way in shares (intake's own API, a
 * station's walk-ins, Open311), the reply to the holder, and the reporter's tracking view of
 * them. One instance of each per process, so one pool for the tracking counters.
 */
@Module({
  imports: [CategoriesModule],
  controllers: [GrievancesController],
  providers: [...INTAKE_RATE_LIMITING, GrievancesRepository, TrackingSerials, SubmitGrievance, ReplyToHolder, GetGrievance, ListGrievances, SummarizeGrievances],
  exports: [CategoriesModule, GrievancesRepository, SubmitGrievance, SummarizeGrievances],
})
export class GrievancesModule {}
