/** The audit service: consumes every topic: the tamper-evident per-grievance trace for auditors, the three rates, breach lists and exports. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { BreachesModule } from './breaches/breaches.module';
import { AuditConfig } from './config';
import { DossierModule } from './dossier/dossier.module';
import { GrievancesModule } from './grievances/grievances.module';
import { AUDIT_MIGRATIONS } from './migrations';
import { QueriesModule } from './queries/queries.module';
import { RatesModule } from './rates/rates.module';
import { TraceModule } from './trace/trace.module';

@Module({})
export class AppModule {
  static readonly configClass = AuditConfig;

  static forRoot(config: AuditConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: [], migrations: AUDIT_MIGRATIONS }),
        DossierModule,
        TraceModule,
        GrievancesModule,
        RatesModule,
        BreachesModule,
        QueriesModule,
      ],
    };
  }
}
