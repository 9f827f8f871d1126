/** The intake service: submissions (hazard reports with photos, appeals, suggestions), idempotency and duplicate detection, and the reporter's tracking view. */
import { DynamicModule, Module } from '@nestjs/common';
import { EventConsumersModule, PlatformModule } from '@grievance/platform';
import { AttachmentsModule } from './attachments/attachments.module';
import { CategoriesModule } from './categories/categories.module';
import { IntakeConfig } from './config';
import { GrievancesModule } from './grievances/grievances.module';
import { INTAKE_MIGRATIONS } from './migrations';
import { Open311Module } from './open311/open311.module';
import { StationsConsumer } from './stations/stations.consumer';
import { StationsModule } from './stations/stations.module';
import { INTAKE_CONSUMER_GROUP, TrackingConsumer } from './tracking/tracking.consumer';
import { TrackingModule } from './tracking/tracking.module';

@Module({})
export class AppModule {
  static readonly configClass = IntakeConfig;

  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: [], migrations: INTAKE_MIGRATIONS }),
        // One group for the tracking view and the stations' copy; each consumer is provided by its context's module.
        EventConsumersModule.forGroup({ groupId: INTAKE_CONSUMER_GROUP, handlers: [TrackingConsumer, StationsConsumer] }),
        CategoriesModule,
        GrievancesModule,
        TrackingModule,
        StationsModule,
        AttachmentsModule,
        Open311Module,
      ],
    };
  }
}
