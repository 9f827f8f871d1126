import { Module } from '@nestjs/common';
import { GrievancesController } from './grievances.controller';
import { GrievancesRepository } from './grievances.repository';
import { SearchGrievances } from './search-grievances.use-case';

/** The grievance index (one row per grievance, a projection of the dossier) and the auditors' search over it. */
@Module({
  controllers: [GrievancesController],
  providers: [GrievancesRepository, SearchGrievances],
})
export class GrievancesModule {}
