import { Injectable } from '@nestjs/common';
import { actsFor, type Principal } from '@grievance/auth';
import { DomainError } from '@grievance/platform';
import { AttachmentStorage } from './attachment-storage';
import { AttachmentsRepository } from './attachments.repository';
import { stripImageMetadata, UnreadableImageError } from './strip-metadata';
import type { ImageType } from './image-type';

export interface AttachmentDownload {
  contentType: string;
  bytes: Buffer;
}

/**
 * A photo for its uploader, for the reporter and co-reporters of a grievance it belongs to (a
 * photo of the report, or a fix photo the department gave when resolving it), or for the
 * staff who now hold such a grievance; a 404 to anyone else. It always leaves without its metadata (EXIF GPS, camera serial, XMP,
 * comments): the place of a hazard is the grievance's location, not the reporter's phone's.
 */
@Injectable()
export class DownloadAttachment {
  constructor(
    private readonly repository: AttachmentsRepository,
    private readonly storage: AttachmentStorage,
  ) {}

  async execute(principal: Principal, id: string): Promise<AttachmentDownload> {
    const attachment = await this.repository.findById(id);
    const allowed =
      attachment !== undefined &&
      (attachment.ownerId === principal.sub ||
        (principal.role === 'worker'
          ? await this.repository.isOfGrievanceReportedBy(id, principal.sub)
          : (await this.repository.holdersOfGrievancesWith(id)).some((holder) => actsFor(principal, holder))));
    if (!attachment || !allowed) throw DomainError.notFound('attachment', id);
    const bytes = await this.storage.get(attachment.sha256);
    if (!bytes) throw DomainError.notFound('attachment', id);
    try {
      return { contentType: attachment.contentType, bytes: stripImageMetadata(bytes, attachment.contentType as ImageType) };
    } catch (error) {
      // Uploads are checked the same way, so only a file stored before that check can land here.
      if (error instanceof UnreadableImageError) throw new DomainError('unprocessable', `attachment ${id} is not a well-formed image and is not served`, undefined, { key: 'error.attachment.notServed', params: { id } });
      throw error;
    }
  }
}
