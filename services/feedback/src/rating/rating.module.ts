import { Module } from '@nestjs/common';
import { AutoCloseModule } from '../auto-close/auto-close.module';
import { GrievancesModule } from '../grievances/grievances.module';
import { RateGrievance } from './rate-grievance.use-case';
import { RatingController } from './rating.controller';

/** The reporter's rating of a resolution (回访): it closes the loop, or reopens the grievance. */
@Module({
  imports: [GrievancesModule, AutoCloseModule],
  controllers: [RatingController],
  providers: [RateGrievance],
})
export class RatingModule {}
