import { Module } from '@nestjs/common';
import { RatingWindowsModule } from '../auto-close/rating-windows.module';
import { GrievancesModule } from '../grievances/grievances.module';
import { RateGrievance } from './rate-grievance.use-case';
import { RatingController } from './rating.controller';

/** The reporter's rating of a resolution (回访): it closes the loop, or reopens the grievance. */
@Module({
  imports: [GrievancesModule, RatingWindowsModule],
  controllers: [RatingController],
  providers: [RateGrievance],
})
export class RatingModule {}
