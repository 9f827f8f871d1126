/** The intake service: submissions (hazard reports with photos, appeals, suggestions), idempotency and duplicate detection, and the reporter's tracking view. */
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, RateLimitGuard, rateLimitRules } from '@grievance/platform';
import { AttachmentStorage, LocalDiskAttachmentStorage } from './attachments/attachment-storage';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { AttachmentsController } from './attachments/attachments.controller';
import { UploadAttachmentUseCase } from './attachments/upload-attachment.use-case';
import { DownloadAttachmentUseCase } from './attachments/download-attachment.use-case';
import { CategoryCatalogue } from './categories/category-catalogue';
import { IntakeConfig } from './config';
import { GrievancesController } from './grievances/grievances.controller';
import { GrievancesRepository } from './grievances/grievances.repository';
import { TrackingSerials } from './grievances/tracking-serials';
import { SubmitGrievanceUseCase } from './grievances/submit-grievance.use-case';
import { ReplyToHolder } from './grievances/reply-to-holder.use-case';
import { INTAKE_MIGRATIONS } from './migrations';
import { Open311Module } from './open311/open311.module';
import { repoRootOrCwd } from './repo-root';
import { TrackEventUseCase } from './tracking/track-event.use-case';
import { TrackingConsumer } from './tracking/tracking.consumer';
import { TrackingViewService } from './tracking/tracking-view.service';

@Module({})
export class AppModule {
  static readonly configClass = IntakeConfig;

  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: [], migrations: INTAKE_MIGRATIONS }), Open311Module],
      controllers: [GrievancesController, AttachmentsController],
      providers: [
        rateLimitRules({
          submit: { limit: config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE, windowMs: 60_000, noun: 'submissions' },
          upload: { limit: config.RATE_LIMIT_UPLOADS_PER_MINUTE, windowMs: 60_000, noun: 'uploads' },
          read: { limit: config.RATE_LIMIT_READS_PER_MINUTE, windowMs: 60_000, noun: 'reads' },
        }),
        RateLimitGuard,
        CategoryCatalogue,
        GrievancesRepository,
        TrackingSerials,
        SubmitGrievanceUseCase,
        ReplyToHolder,
        TrackingViewService,
        TrackEventUseCase,
        TrackingConsumer,
        AttachmentsRepository,
        UploadAttachmentUseCase,
        DownloadAttachmentUseCase,
        {
          provide: AttachmentStorage,
          useFactory: () => new LocalDiskAttachmentStorage(config.ATTACHMENTS_DIR ?? join(repoRootOrCwd(), '.cache', 'attachments')),
        },
      ],
    };
  }
}
