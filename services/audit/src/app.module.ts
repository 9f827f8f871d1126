/** The audit service: consumes every topic: the tamper-evident per-matter trace for auditors, the three rates, breach lists and exports. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { AuditConfig } from './config';
import { AUDIT_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static readonly configClass = AuditConfig;

  static forRoot(config: AuditConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: [], migrations: AUDIT_MIGRATIONS })],
    };
  }
}
