import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { DepartmentActions } from './department-actions.use-cases';
import { ApplyVerification, AssignToDepartment, CloseMatter, ReopenMatter } from './hazard-loop.use-cases';
import { MatterRepository } from './matter.repository';
import { MattersController } from './matters.controller';
import { RouteGrievance } from './route-grievance.use-case';
import { RoutingConsumer } from './routing.consumer';

/** The matters routing routes: the hazard loop's decisions, the department inbox and actions. */
@Module({
  imports: [DirectoryModule],
  controllers: [MattersController],
  providers: [
    MatterRepository,
    RouteGrievance,
    AssignToDepartment,
    ApplyVerification,
    ReopenMatter,
    CloseMatter,
    DepartmentActions,
    RoutingConsumer,
  ],
})
export class MattersModule {}
