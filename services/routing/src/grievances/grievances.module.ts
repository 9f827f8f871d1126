import { Module } from '@nestjs/common';
import { EventConsumersModule } from '@grievance/platform';
import { DirectoryModule } from '../directory/directory.module';
import { AcceptGrievance } from './accept-grievance.use-case';
import { ApplyVerification } from './apply-verification.use-case';
import { AssignToDepartment } from './assign-to-department.use-case';
import { CloseGrievance } from './close-grievance.use-case';
import { DepartmentBounce } from './department-bounce';
import { LinkDuplicate } from './link-duplicate.use-case';
import { ListInbox } from './list-inbox.use-case';
import { ReopenContested } from './reopen-contested.use-case';
import { ReopenGrievance } from './reopen-grievance.use-case';
import { ResolveGrievance } from './resolve-grievance.use-case';
import { ReturnGrievance } from './return-grievance.use-case';
import { TransferGrievance } from './transfer-grievance.use-case';
import { GrievanceRepository } from './grievance.repository';
import { GrievancesController } from './grievances.controller';
import { RouteGrievance } from './route-grievance.use-case';
import { ROUTING_CONSUMER_GROUP, RoutingConsumer } from './routing.consumer';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ChainDirectory } from '../escalation/chain-directory';
import { ChainMoves } from '../escalation/chain-moves';
import { ReopenAppeal } from '../escalation/reopen-appeal.use-case';
import { AcknowledgeGrievance } from '../escalation/acknowledge-grievance.use-case';
import { AskDepartment } from '../escalation/ask-department.use-case';
import { AskReporter } from '../escalation/ask-reporter.use-case';
import { EscalateGrievance } from '../escalation/escalate-grievance.use-case';
import { ResumeGrievance } from '../escalation/resume-grievance.use-case';
import { StartAppeal } from '../escalation/start-appeal.use-case';
import { SupervisionMoves } from '../supervision/supervision-moves';
import { ReportersModule } from '../reporters/reporters.module';

/** The grievances routing holds: the hazard loop's decisions, the escalation chain, the inboxes and actions of departments and rungs, their deadlines. */
@Module({
  imports: [DirectoryModule, ReportersModule, EventConsumersModule.forGroup({ groupId: ROUTING_CONSUMER_GROUP, handlers: [RoutingConsumer] })],
  controllers: [GrievancesController],
  providers: [
    GrievanceRepository,
    RouteGrievance,
    LinkDuplicate,
    AssignToDepartment,
    ApplyVerification,
    ReopenGrievance,
    ReopenContested,
    CloseGrievance,
    ListInbox,
    AcceptGrievance,
    ResolveGrievance,
    ReturnGrievance,
    TransferGrievance,
    DepartmentBounce,
    GrievanceDeadlines,
    ChainDirectory,
    ChainMoves,
    SupervisionMoves,
    StartAppeal,
    ReopenAppeal,
    AcknowledgeGrievance,
    EscalateGrievance,
    AskReporter,
    ResumeGrievance,
    AskDepartment,
    RoutingConsumer,
  ],
})
export class GrievancesModule {}
