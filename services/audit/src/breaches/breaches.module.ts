import { Module } from '@nestjs/common';
import { BreachesController } from './breaches.controller';
import { BreachesRepository } from './breaches.repository';
import { ListBreaches } from './list-breaches.use-case';
import { ListSupervisedGrievances } from './list-supervised-grievances.use-case';

/** SLA breaches by rung, department, grievance and target, and the grievances under supervision (督办). */
@Module({
  controllers: [BreachesController],
  providers: [BreachesRepository, ListBreaches, ListSupervisedGrievances],
})
export class BreachesModule {}
