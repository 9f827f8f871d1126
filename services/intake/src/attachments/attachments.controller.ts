import { Controller, HttpCode, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentPrincipal, type Principal } from '@grievance/auth';
import { RateLimit, RateLimitGuard } from '@grievance/platform';
import { MAX_ATTACHMENT_BYTES, UploadAttachmentUseCase } from './upload-attachment.use-case';

@Controller('v1')
@UseGuards(RateLimitGuard)
@RateLimit('upload')
export class AttachmentsController {
  constructor(private readonly upload: UploadAttachmentUseCase) {}

  /** multipart/form-data with one `file`: a JPEG, PNG or WebP of at most 10 MiB (413 beyond). */
  @Post('attachments')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 } }))
  create(@CurrentPrincipal() principal: Principal, @UploadedFile() file?: { buffer: Buffer }) {
    return this.upload.execute(principal.sub, file?.buffer);
  }
}
