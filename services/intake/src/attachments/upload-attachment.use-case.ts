import { ApiProperty } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import exifr from 'exifr';
import { uuidv7 } from '@grievance/contracts';
import { DomainError } from '@grievance/platform';
import { AttachmentStorage } from './attachment-storage';
import { AttachmentsRepository } from './attachments.repository';
import { sniffImageType } from './image-type';
import { stripImageMetadata, UnreadableImageError } from './strip-metadata';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What an upload answers (201): the stored photo's id, to send with a report, a verdict or a resolution. */
export class AttachmentAnswer {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'of the stored bytes (EXIF, XMP and comments removed)' })
  sha256!: string;

  @ApiProperty({ description: 'bytes' })
  size!: number;

  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] })
  contentType!: string;
}

/** What a photo's EXIF says about where and when it was taken: kept as metadata, trusted for nothing. */
export async function exifMetadata(bytes: Buffer): Promise<Record<string, unknown>> {
  try {
    const tags = (await exifr.parse(bytes, { gps: true, pick: ['DateTimeOriginal', 'latitude', 'longitude', 'GPSLatitude', 'GPSLongitude', 'GPSLatitudeRef', 'GPSLongitudeRef'] })) as
      | { latitude?: number; longitude?: number; DateTimeOriginal?: Date }
      | undefined;
    if (!tags) return {};
    const out: Record<string, unknown> = {};
    if (typeof tags.latitude === 'number' && typeof tags.longitude === 'number') out.gps = { lat: tags.latitude, lng: tags.longitude };
    if (tags.DateTimeOriginal instanceof Date && !Number.isNaN(tags.DateTimeOriginal.getTime())) out.takenAt = tags.DateTimeOriginal.toISOString();
    return out;
  } catch {
    return {};
  }
}

/** Stores an uploaded photo (JPEG, PNG or WebP by its bytes) for its uploader to attach to a grievance. */
@Injectable()
export class UploadAttachment {
  constructor(
    private readonly storage: AttachmentStorage,
    private readonly repository: AttachmentsRepository,
  ) {}

  async execute(ownerId: string, bytes: Buffer | undefined): Promise<AttachmentAnswer> {
    if (!bytes || bytes.length === 0) throw DomainError.invalid('file must be a JPEG, PNG or WebP image sent as multipart field "file"', undefined, { key: 'error.attachment.missing' });
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError('invalid', 'file must be at most 10 MiB', undefined, { key: 'error.attachment.tooLarge', params: { maxMiB: MAX_ATTACHMENT_BYTES / 2 ** 20 } });
    const contentType = sniffImageType(bytes);
    if (!contentType) throw DomainError.invalid('file must be a JPEG, PNG or WebP image (checked from its bytes)', undefined, { key: 'error.attachment.notImage' });
    // Served photos are always stripped of metadata; one we could not strip is refused now, not on the way out.
    try {
      stripImageMetadata(bytes, contentType);
    } catch (error) {
      if (error instanceof UnreadableImageError) throw DomainError.invalid(`file is not a well-formed ${contentType.slice(6).toUpperCase()} image: ${error.message}`, undefined, {
          key: 'error.attachment.malformed',
          params: { format: contentType.slice(6).toUpperCase() },
        });
      throw error;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.storage.put(sha256, bytes);
    const id = uuidv7();
    const metadata = { exif: await exifMetadata(bytes) };
    await this.repository.insert({ id, ownerId, sha256, size: bytes.length, contentType, metadata });
    return { id, sha256, size: bytes.length, contentType };
  }
}
