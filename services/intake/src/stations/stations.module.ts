import { Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { INTAKE_RATE_LIMITING } from '../rate-limits';
import { ListWalkIns } from './list-walk-ins.use-case';
import { LogWalkIn } from './log-walk-in.use-case';
import { StationsConsumer } from './stations.consumer';
import { StationsRepository } from './stations.repository';
import { WalkInsController } from './walk-ins.controller';

/** Stations (驿站): intake's copy of them from the directory, and the walk-ins their staff log for workers through the submission path. */
@Module({
  imports: [GrievancesModule],
  controllers: [WalkInsController],
  providers: [...INTAKE_RATE_LIMITING, StationsRepository, LogWalkIn, ListWalkIns, StationsConsumer],
})
export class StationsModule {}
