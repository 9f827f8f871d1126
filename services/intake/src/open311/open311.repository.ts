import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_LANGUAGE, render, type StoredMessage } from '@grievance/i18n';
import type { GrievanceStatus } from '@grievance/contracts';
import { queryInUnitOfWork } from '../unit-of-work-query';
import type { TrackedRequest } from './open311-requests';

type Row = Record<string, unknown>;

/** What a partner app's submission adds to its grievance. */
export interface PartnerSubmission {
  grievanceId: string;
  partnerId: string;
  accountId: string | null;
  deviceId: string | null;
  mediaUrl: string | null;
}

/** How the Open311 list narrows intake's hazards. */
export interface RequestQuery {
  trackingNos?: readonly string[];
  grievanceId?: string;
  categories?: readonly string[];
  submittedFrom?: Date;
  submittedTo?: Date;
  statuses?: readonly GrievanceStatus[];
  limit: number;
}

/**
 * Intake's tracking view of hazards, read for Open311: the grievance, its status (a duplicate
 * follows its original, which is the one worked on), the latest history line of either, the
 * department that holds or last held it (from the history lines that name a department), the
 * current holder's deadline (of the original, for a duplicate), and the partner's media_url.
 */
const SELECT = `
  SELECT g.id, g.tracking_no, g.category, g.description, g.lat, g.lng, g.address, g.submitted_at,
         COALESCE(o.status, g.status) AS status, r.media_url,
         latest.at AS latest_at, latest.summary AS latest_summary, latest.message AS latest_message,
         agency.name AS agency, d.due_at AS expected_at
    FROM intake_grievances g
    LEFT JOIN intake_grievances o ON o.id = g.duplicate_of
    LEFT JOIN open311_requests r ON r.grievance_id = g.id
    LEFT JOIN intake_deadlines d ON d.grievance_id = COALESCE(o.id, g.id)
    LEFT JOIN LATERAL (
      SELECT h.at, h.summary, h.message FROM intake_history h
       WHERE h.grievance_id = g.id OR h.grievance_id = o.id
       ORDER BY h.at DESC, h.seq DESC LIMIT 1) latest ON true
    LEFT JOIN LATERAL (
      SELECT h.message->'params'->>'holder' AS name FROM intake_history h
       WHERE h.grievance_id = COALESCE(o.id, g.id) AND h.message->'params'->>'holderType' = 'department'
       ORDER BY h.at DESC, h.seq DESC LIMIT 1) agency ON true`;

function toRequest(row: Row): TrackedRequest {
  const latestAt = row.latest_at === null || row.latest_at === undefined ? null : new Date(row.latest_at as string);
  return {
    grievanceId: row.id as string,
    trackingNo: row.tracking_no as string,
    category: row.category as string,
    description: row.description as string,
    location:
      row.lat === null || row.lat === undefined
        ? null
        : { lat: Number(row.lat), lng: Number(row.lng), ...(row.address ? { address: row.address as string } : {}) },
    submittedAt: new Date(row.submitted_at as string),
    status: row.status as GrievanceStatus,
    latest: latestAt
      ? {
          at: latestAt,
          // The tracking view's line in Chinese, rendered from its message as the view renders it.
          summary: row.latest_message ? render(DEFAULT_LANGUAGE, row.latest_message as StoredMessage, row.latest_summary as string) : (row.latest_summary as string),
        }
      : null,
    agency: (row.agency as string | null) ?? null,
    mediaUrl: (row.media_url as string | null) ?? null,
    expectedAt: row.expected_at === null || row.expected_at === undefined ? null : new Date(row.expected_at as string),
  };
}

/** Open311's reads of intake's tables (hazards only) and its one write, the partner's part of a submission; in the unit of work's transaction when there is one. */
@Injectable()
export class Open311Repository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the submission's transaction, so a grievance a partner posted is never without its partner. */
  async saveSubmission(s: PartnerSubmission): Promise<void> {
    await queryInUnitOfWork(this.dataSource, 
      `INSERT INTO open311_requests (grievance_id, partner_id, account_id, device_id, media_url) VALUES ($1, $2, $3, $4, $5)`,
      [s.grievanceId, s.partnerId, s.accountId, s.deviceId, s.mediaUrl],
    );
  }

  /** Hazards matching the query, newest first. */
  async find(q: RequestQuery): Promise<TrackedRequest[]> {
    const params: unknown[] = [];
    const where = [`g.kind = 'hazard'`];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (q.trackingNos) where.push(`g.tracking_no = ANY(${bind(q.trackingNos)}::text[])`);
    if (q.grievanceId) where.push(`g.id = ${bind(q.grievanceId)}::uuid`);
    if (q.categories) where.push(`g.category = ANY(${bind(q.categories)}::text[])`);
    if (q.submittedFrom) where.push(`g.submitted_at >= ${bind(q.submittedFrom.toISOString())}`);
    if (q.submittedTo) where.push(`g.submitted_at <= ${bind(q.submittedTo.toISOString())}`);
    if (q.statuses) where.push(`COALESCE(o.status, g.status) = ANY(${bind(q.statuses)}::text[])`);
    const rows = await queryInUnitOfWork(this.dataSource, `${SELECT} WHERE ${where.join(' AND ')} ORDER BY g.submitted_at DESC, g.id DESC LIMIT ${bind(q.limit)}`, params);
    return rows.map(toRequest);
  }
}
