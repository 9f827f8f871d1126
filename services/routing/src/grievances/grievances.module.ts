import { Module } from '@nestjs/common';
import { EventConsumersModule } from '@grievance/platform';
import { DirectoryModule } from '../directory/directory.module';
import { DepartmentMoves } from './department-moves.use-cases';
import { DepartmentActions } from './department-actions.use-cases';
import { ApplyVerification, AssignToDepartment, CloseGrievance, ReopenContested, ReopenGrievance } from './hazard-loop.use-cases';
import { GrievanceRepository } from './grievance.repository';
import { GrievancesController } from './grievances.controller';
import { RouteGrievance } from './route-grievance.use-case';
import { ROUTING_CONSUMER_GROUP, RoutingConsumer } from './routing.consumer';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ChainDirectory } from '../escalation/chain-directory';
import { ChainMoves } from '../escalation/chain-moves';
import { ReopenAppeal } from '../escalation/reopen-appeal.use-case';
import { RungActions } from '../escalation/rung-actions.use-cases';
import { StartAppeal } from '../escalation/start-appeal.use-case';
import { SupervisionMoves } from '../supervision/supervision-moves';

/** The grievances routing holds: the hazard loop's decisions, the escalation chain, the inboxes and actions of departments and rungs, their deadlines. */
@Module({
  imports: [DirectoryModule, EventConsumersModule.forGroup({ groupId: ROUTING_CONSUMER_GROUP, handlers: [RoutingConsumer] })],
  controllers: [GrievancesController],
  providers: [
    GrievanceRepository,
    RouteGrievance,
    AssignToDepartment,
    ApplyVerification,
    ReopenGrievance,
    ReopenContested,
    CloseGrievance,
    DepartmentActions,
    DepartmentMoves,
    GrievanceDeadlines,
    ChainDirectory,
    ChainMoves,
    SupervisionMoves,
    StartAppeal,
    ReopenAppeal,
    RungActions,
    RoutingConsumer,
  ],
})
export class GrievancesModule {}
