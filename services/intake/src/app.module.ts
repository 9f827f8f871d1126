/** The intake service: submissions (hazard reports with photos, appeals, suggestions), idempotency and duplicate detection, and the reporter's tracking view. */
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { EventConsumersModule, PlatformModule, RateLimitGuard, rateLimitRules } from '@grievance/platform';
import { AttachmentStorage, LocalDiskAttachmentStorage } from './attachments/attachment-storage';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { AttachmentsController } from './attachments/attachments.controller';
import { UploadAttachment } from './attachments/upload-attachment.use-case';
import { DownloadAttachment } from './attachments/download-attachment.use-case';
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

@Module({})
export class AppModule {
  static readonly configClass = IntakeConfig;

  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: [], migrations: INTAKE_MIGRATIONS }),
        EventConsumersModule.forGroup({ groupId: INTAKE_CONSUMER_GROUP, handlers: [TrackingConsumer, StationsConsumer] }),
        SubmissionModule,
        Open311Module,
      ],
      controllers: [GrievancesController, AttachmentsController, WalkInsController],
      providers: [
        rateLimitRules({
          submit: { limit: config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE, windowMs: 60_000, noun: 'submissions' },
          upload: { limit: config.RATE_LIMIT_UPLOADS_PER_MINUTE, windowMs: 60_000, noun: 'uploads' },
          read: { limit: config.RATE_LIMIT_READS_PER_MINUTE, windowMs: 60_000, noun: 'reads' },
        }),
        RateLimitGuard,
        ReplyToHolder,
        TrackingViewService,
        TrackEvent,
        RecordDeadline,
        TrackingConsumer,
        StationsConsumer,
        StationsRepository,
        LogWalkIn,
        ListWalkIns,
        AttachmentsRepository,
        UploadAttachment,
        DownloadAttachment,
        {
          provide: AttachmentStorage,
          useFactory: () => new LocalDiskAttachmentStorage(config.ATTACHMENTS_DIR ?? join(process.cwd(), '.cache', 'attachments')),
        },
      ],
    };
  }
}
