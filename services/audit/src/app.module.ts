/** The audit service: consumes every topic: the tamper-evident per-grievance trace for auditors, the three rates, breach lists and exports. */
import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventConsumersModule, PlatformModule } from '@grievance/platform';
import { BreachesController } from './breaches/breaches.controller';
import { BreachesRepository } from './breaches/breaches.repository';
import { AuditConfig } from './config';
import { AnchorScheduler } from './dossier/anchor.scheduler';
import { AnchorsController } from './dossier/anchors.controller';
import { AUDIT_CONSUMER_GROUP, DossierConsumer } from './dossier/dossier.consumer';
import { DossierRepository } from './dossier/dossier.repository';
import { TakeAnchor } from './dossier/take-anchor.use-case';
import { AUDIT_MIGRATIONS } from './migrations';
import { AuditQueriesController } from './queries/audit-queries.controller';
import { AuditQueriesRepository } from './queries/audit-queries.repository';
import { AuditQueryInterceptor } from './queries/audit-query.interceptor';
import { RatesController } from './rates/rates.controller';
import { AssessYear, ComputeRates, RankMonth } from './rates/rates.use-cases';
import { GrievancesController } from './grievances/grievances.controller';
import { GrievancesRepository } from './grievances/grievances.repository';
import { TraceController } from './trace/trace.controller';
import { WorkerPointsController } from './trace/worker-points.controller';
import { TraceWorkerPoints } from './trace/worker-points.use-case';
import { TraceGrievance } from './trace/trace.use-case';

@Module({})
export class AppModule {
  static readonly configClass = AuditConfig;

  static forRoot(config: AuditConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: [], migrations: AUDIT_MIGRATIONS }),
        EventConsumersModule.forGroup({ groupId: AUDIT_CONSUMER_GROUP, handlers: [DossierConsumer] }),
      ],
      controllers: [TraceController, WorkerPointsController, GrievancesController, RatesController, BreachesController, AnchorsController, AuditQueriesController],
      providers: [
        DossierRepository,
        AuditQueriesRepository,
        BreachesRepository,
        TraceGrievance,
        TraceWorkerPoints,
        ComputeRates,
        RankMonth,
        AssessYear,
        GrievancesRepository,
        TakeAnchor,
        DossierConsumer,
        AnchorScheduler,
        { provide: APP_INTERCEPTOR, useClass: AuditQueryInterceptor },
      ],
    };
  }
}
