import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@grievance/auth';
import { RateLimit, RateLimitGuard } from '@grievance/platform';
import { DownloadAttachment } from './download-attachment.use-case';
import { AttachmentAnswer, MAX_ATTACHMENT_BYTES, UploadAttachment } from './upload-attachment.use-case';

@Controller('v1')
@UseGuards(RateLimitGuard)
@RateLimit('upload')
export class AttachmentsController {
  constructor(
    private readonly upload: UploadAttachment,
    private readonly download: DownloadAttachment,
  ) {}

  /** multipart/form-data with one `file`: a JPEG, PNG or WebP of at most 10 MiB (413 beyond). */
  @Post('attachments')
  @HttpCode(201)
  // The people who photograph a grievance: reporters, station staff logging a walk-in, grid workers verifying on site, and holders resolving it.
  @Roles('worker', 'station_staff', 'grid_worker', 'department', 'member', 'branch', 'industry_committee', 'two_new_committee')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 } }))
  @ApiCreatedResponse({ type: AttachmentAnswer })
  create(@CurrentPrincipal() principal: Principal, @UploadedFile() file?: { buffer: Buffer }): Promise<AttachmentAnswer> {
    return this.upload.execute(principal.sub, file?.buffer);
  }

  /** The photo, without its EXIF, XMP and comments, for its uploader or the staff holding a grievance it belongs to (404 otherwise). */
  @Get('attachments/:id')
  @RateLimit('read')
  @Header('Cache-Control', 'private, no-store')
  async fetch(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const { contentType, bytes } = await this.download.execute(principal, id);
    return new StreamableFile(bytes, { type: contentType, length: bytes.length, disposition: 'inline' });
  }
}
