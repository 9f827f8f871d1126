/** The feedback service: notifying the reporter, ratings, reopening, the points ledger, and closing the loop with its final SLA verdict. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { FeedbackConfig } from './config';
import { FEEDBACK_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static readonly configClass = FeedbackConfig;

  static forRoot(config: FeedbackConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: [], migrations: FEEDBACK_MIGRATIONS })],
    };
  }
}
