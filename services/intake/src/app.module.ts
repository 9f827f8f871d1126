/** The intake service: submissions (hazard reports with photos, appeals, suggestions), idempotency and duplicate detection, and the reporter's tracking view. */
import { DynamicModule, Module } from '@nestjs/common';
import { EventConsumersModule, PlatformModule } from '@grievance/platform';
import { AttachmentsModule } from './attachments/attachments.module';
import { CategoriesModule } from './categories/categories.module';
import { IntakeConfig } from './config';
import { GrievancesController } from './grievances/grievances.controller';
import { ReplyToHolder } from './grievances/reply-to-holder.use-case';
import { SubmissionModule } from './grievances/submission.module';
import { INTAKE_MIGRATIONS } from './migrations';
import { Open311Module } from './open311/open311.module';
import { RecordDeadline } from './tracking/record-deadline.use-case';
import { TrackEvent } from './tracking/track-event.use-case';
import { INTAKE_CONSUMER_GROUP, TrackingConsumer } from './tracking/tracking.consumer';
import { TrackingViewService } from './tracking/tracking-view.service';
import { ListWalkIns } from './stations/list-walk-ins.use-case';
import { LogWalkIn } from './stations/log-walk-in.use-case';
import { StationsConsumer } from './stations/stations.consumer';
import { StationsRepository } from './stations/stations.repository';
import { WalkInsController } from './stations/walk-ins.controller';
import { INTAKE_RATE_LIMITING } from './rate-limits';

@Module({})
export class AppModule {
  static readonly configClass = IntakeConfig;

  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: [], migrations: INTAKE_MIGRATIONS }),
        EventConsumersModule.forGroup({ groupId: INTAKE_CONSUMER_GROUP, handlers: [TrackingConsumer, StationsConsumer] }),
        CategoriesModule,
        SubmissionModule,
        AttachmentsModule,
        Open311Module,
      ],
      controllers: [GrievancesController, WalkInsController],
      providers: [
        ...INTAKE_RATE_LIMITING,
        ReplyToHolder,
        TrackingViewService,
        TrackEvent,
        RecordDeadline,
        TrackingConsumer,
        StationsConsumer,
        StationsRepository,
        LogWalkIn,
        ListWalkIns,
      ],
    };
  }
}
