import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AttachmentRow {
  id: string;
  ownerId: string;
  sha256: string;
  size: number;
  contentType: string;
  metadata: Record<string, unknown>;
}

/** The intake_attachments table. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(a: AttachmentRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO intake_attachments (id, owner_id, sha256, size, content_type, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.id, a.ownerId, a.sha256, a.size, a.contentType, JSON.stringify(a.metadata)],
    );
  }
}
