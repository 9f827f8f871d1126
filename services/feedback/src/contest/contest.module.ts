import { Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { ContestController } from './contest.controller';
import { ContestVerdict } from './contest-verdict.use-case';

/** The reporter contests the invalid verdict that closed their hazard (申请复核). */
@Module({
  imports: [GrievancesModule],
  controllers: [ContestController],
  providers: [ContestVerdict],
})
export class ContestModule {}
