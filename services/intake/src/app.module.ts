/** The intake service: submissions (hazard reports with photos, appeals, suggestions), idempotency and duplicate detection, and the reporter's tracking view. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { IntakeConfig } from './config';
import { INTAKE_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static readonly configClass = IntakeConfig;

  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: [], migrations: INTAKE_MIGRATIONS })],
    };
  }
}
