import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Holder } from '@grievance/contracts';
import { queryInUnitOfWork } from '../unit-of-work-query';

export interface AttachmentRow {
  id: string;
  ownerId: string;
  sha256: string;
  size: number;
  contentType: string;
  metadata: Record<string, unknown>;
}

/** The intake_attachments table, and the grievances' photos it is read with; in the unit of work's transaction when there is one. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<R>(sql: string, params: unknown[]): Promise<R[]> {
    return queryInUnitOfWork<R>(this.dataSource, sql, params);
  }

  async insert(a: AttachmentRow): Promise<void> {
    await this.query(
      `INSERT INTO intake_attachments (id, owner_id, sha256, size, content_type, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.id, a.ownerId, a.sha256, a.size, a.contentType, JSON.stringify(a.metadata)],
    );
  }

  async findById(id: string): Promise<AttachmentRow | undefined> {
    const rows = (await this.query(`SELECT id, owner_id, sha256, size, content_type, metadata FROM intake_attachments WHERE id = $1`, [id])) as {
      id: string;
      owner_id: string;
      sha256: string;
      size: number;
      content_type: string;
      metadata: Record<string, unknown>;
    }[];
    const row = rows[0];
    return row ? { id: row.id, ownerId: row.owner_id, sha256: row.sha256, size: Number(row.size), contentType: row.content_type, metadata: row.metadata } : undefined;
  }

  /**
   * The current holders of the grievances the attachment is part of: as a photo of the report
   * (a GIN index lookup on attachment_ids) or as a fix photo of one of its resolutions.
   */
  async holdersOfGrievancesWith(id: string): Promise<Holder[]> {
    const rows = (await this.query(
      `SELECT g.holder FROM intake_grievances g
        WHERE g.holder IS NOT NULL
          AND (g.attachment_ids @> $1::jsonb OR g.id IN (SELECT r.grievance_id FROM intake_resolutions r WHERE r.attachment_ids @> $1::jsonb))`,
      [JSON.stringify([id])],
    )) as { holder: Holder }[];
    return rows.map((row) => row.holder);
  }

  /**
   * Whether the attachment belongs to a grievance `reporterId` reported or co-reported: as a photo
   * of the report, or as a fix photo the department gave when resolving it.
   */
  async isOfGrievanceReportedBy(id: string, reporterId: string): Promise<boolean> {
    const rows = await this.query(
      `SELECT 1 FROM intake_grievances g
        WHERE (g.attachment_ids @> $1::jsonb OR g.id IN (SELECT r.grievance_id FROM intake_resolutions r WHERE r.attachment_ids @> $1::jsonb))
          AND (g.reporter_id = $2 OR EXISTS (SELECT 1 FROM intake_co_reporters c WHERE c.grievance_id = g.id AND c.reporter_id = $2))
        LIMIT 1`,
      [JSON.stringify([id]), reporterId],
    );
    return (rows as unknown[]).length > 0;
  }
}
