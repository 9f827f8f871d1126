import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { IntakeConfig } from '../config';
import { INTAKE_RATE_LIMITING } from '../rate-limits';
import { AttachmentStorage, LocalDiskAttachmentStorage } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { DownloadAttachment } from './download-attachment.use-case';
import { UploadAttachment } from './upload-attachment.use-case';

/** Photos: uploaded by whoever photographs a grievance, served without their metadata to those who may see them. */
@Module({
  controllers: [AttachmentsController],
  providers: [
    ...INTAKE_RATE_LIMITING,
    AttachmentsRepository,
    UploadAttachment,
    DownloadAttachment,
    {
      provide: AttachmentStorage,
      useFactory: (config: IntakeConfig) => new LocalDiskAttachmentStorage(config.ATTACHMENTS_DIR ?? join(process.cwd(), '.cache', 'attachments')),
      inject: [IntakeConfig],
    },
  ],
})
export class AttachmentsModule {}
