import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DuplicateCandidate } from './duplicates';
import { DEFAULT_LANGUAGE, render, type Language, type StoredMessage } from '@grievance/i18n';
import type { GrievanceRecord, HistoryEntry, HistoryLine, SubmissionAnswer } from './grievance.model';
import type { Resolution } from '../tracking/tracking-rules';
import { queryInUnitOfWork } from '../unit-of-work-query';

type Row = Record<string, unknown>;

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** A grievance as its row in intake_grievances holds it. */
export function toGrievanceRecord(row: Row): GrievanceRecord {
  return {
    id: row.id as string,
    trackingNo: row.tracking_no as string,
    reporterId: row.reporter_id as string,
    kind: row.kind as GrievanceRecord['kind'],
    category: row.category as string,
    title: row.title as string,
    description: row.description as string,
    urgency: row.urgency as GrievanceRecord['urgency'],
    location:
      row.lat === null || row.lat === undefined
        ? null
        : { lat: Number(row.lat), lng: Number(row.lng), ...(row.address ? { address: row.address as string } : {}) },
    attachmentIds: (row.attachment_ids as string[] | null) ?? [],
    status: row.status as GrievanceRecord['status'],
    statusAt: toDate(row.status_at)!,
    reopenedAt: toDate(row.reopened_at),
    level: (row.level as GrievanceRecord['level']) ?? null,
    levelAt: toDate(row.level_at),
    holder: (row.holder as GrievanceRecord['holder']) ?? null,
    holderAt: toDate(row.holder_at),
    underSupervision: row.under_supervision === true,
    supervisionRound: Number(row.supervision_round ?? 0),
    duplicateOf: (row.duplicate_of as string | null) ?? null,
    submittedAt: toDate(row.submitted_at)!,
  };
}

/**
 * The only code that touches intake's grievance tables (the tracking counters aside:
 * TrackingSerials; the tracking view's writes: TrackingRepository), in the unit of work's current transaction (a use case's run, a consumer's
 * batch), or on the data source for a read outside any.
 */
@Injectable()
export class GrievancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Row[]> {
    return queryInUnitOfWork(this.dataSource, sql, params);
  }

  async findIdempotencyKey(reporterId: string, key: string): Promise<{ requestHash: string; response: SubmissionAnswer } | undefined> {
    const rows = (await this.query(`SELECT request_hash, response FROM intake_idempotency_keys WHERE reporter_id = $1 AND key = $2`, [reporterId, key]));
    const row = rows[0];
    return row ? { requestHash: row.request_hash as string, response: row.response as SubmissionAnswer } : undefined;
  }

  async saveIdempotencyKey(reporterId: string, key: string, requestHash: string, response: SubmissionAnswer): Promise<void> {
    await this.query(
      `INSERT INTO intake_idempotency_keys (reporter_id, key, request_hash, grievance_id, response) VALUES ($1, $2, $3, $4, $5)`,
      [reporterId, key, requestHash, response.id, JSON.stringify(response)],
    );
  }

  /**
   * Serialises the duplicate checks that could see each other: every check locks the cells of
   * its area (duplicateCheckCells), in one order, so two reports of one hole take a cell in
   * common and cannot both become originals, while reports far apart check side by side.
   */
  async lockDuplicateCheck(cells: readonly string[]): Promise<void> {
    await this.query(`SELECT pg_advisory_xact_lock(hashtextextended('intake:duplicates:' || cell, 0)) FROM unnest($1::text[]) AS cell`, [cells]);
  }

  /** Open original hazards of a category in a lat/lng box, reported since `since` (served by intake_grievances_open_hazards). */
  async openHazardsNear(
    q: { category: string; since: Date; minLat: number; maxLat: number; minLng: number; maxLng: number },
  ): Promise<DuplicateCandidate[]> {
    const rows = (await this.query(
      `SELECT id, category, kind, status, duplicate_of, submitted_at, lat, lng FROM intake_grievances
        WHERE kind = 'hazard' AND duplicate_of IS NULL AND status NOT IN ('closed', 'rejected')
          AND category = $1 AND submitted_at >= $2
          AND lat BETWEEN $3 AND $4 AND lng BETWEEN $5 AND $6
        ORDER BY submitted_at LIMIT 200`,
      [q.category, q.since.toISOString(), q.minLat, q.maxLat, q.minLng, q.maxLng],
    ));
    return rows.map((r) => ({
      id: r.id as string,
      category: r.category as string,
      kind: r.kind as string,
      status: r.status as string,
      duplicateOf: (r.duplicate_of as string | null) ?? null,
      submittedAt: new Date(r.submitted_at as string),
      lat: Number(r.lat),
      lng: Number(r.lng),
    }));
  }

  async insert(g: GrievanceRecord): Promise<void> {
    await this.query(
      `INSERT INTO intake_grievances (id, tracking_no, reporter_id, kind, category, title, description, urgency, lat, lng, address,
         attachment_ids, status, status_at, duplicate_of, submitted_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
      [
        g.id, g.trackingNo, g.reporterId, g.kind, g.category, g.title, g.description, g.urgency,
        g.location?.lat ?? null, g.location?.lng ?? null, g.location?.address ?? null,
        JSON.stringify(g.attachmentIds), g.status, g.statusAt.toISOString(), g.duplicateOf, g.submittedAt.toISOString(),
      ],
    );
  }

  /** Adds a co-reporter to a grievance; false when they already were one. */
  async addCoReporter(grievanceId: string, reporterId: string, viaGrievanceId: string, at: Date): Promise<boolean> {
    const rows = (await this.query(
      `INSERT INTO intake_co_reporters (grievance_id, reporter_id, via_grievance_id, linked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING grievance_id`,
      [grievanceId, reporterId, viaGrievanceId, at.toISOString()],
    ));
    return rows.length > 0;
  }

  async coReporters(grievanceId: string): Promise<string[]> {
    const rows = (await this.query(
      `SELECT reporter_id FROM intake_co_reporters WHERE grievance_id = $1 ORDER BY linked_at, reporter_id`,
      [grievanceId],
    ));
    return rows.map((r) => r.reporter_id as string);
  }

  /**
   * Appends to a grievance's history; an event already recorded is not recorded twice. The
   * summary is kept as a message (key and parameters) to render in each reader's language,
   * and as its text in the default language.
   */
  async appendHistory(grievanceId: string, eventId: string, entry: HistoryEntry): Promise<void> {
    await this.query(
      `INSERT INTO intake_history (grievance_id, event_id, at, type, actor, summary, message) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (event_id) DO NOTHING`,
      [grievanceId, eventId, entry.at, entry.type, JSON.stringify(entry.actor), render(DEFAULT_LANGUAGE, entry.summary), JSON.stringify(entry.summary)],
    );
  }

  /** A grievance's history in `language` (lines recorded before messages were kept read as they were written). */
  async history(grievanceId: string, language: Language): Promise<HistoryLine[]> {
    const rows = (await this.query(
      `SELECT at, type, actor, summary, message FROM intake_history WHERE grievance_id = $1 ORDER BY at, event_id`,
      [grievanceId],
    ));
    return rows.map((r) => ({
      at: new Date(r.at as string).toISOString(),
      type: r.type as string,
      actor: r.actor as HistoryEntry['actor'],
      summary: r.message ? render(language, r.message as StoredMessage, r.summary as string) : (r.summary as string),
    }));
  }

  async findById(grievanceId: string): Promise<GrievanceRecord | undefined> {
    const rows = await this.query(`SELECT * FROM intake_grievances WHERE id = $1`, [grievanceId]);
    return rows[0] ? toGrievanceRecord(rows[0]) : undefined;
  }

  /** The latest resolution of a grievance (by when it was resolved, whatever order the events came in). */
  async latestResolution(grievanceId: string): Promise<Resolution | undefined> {
    const rows = (await this.query(
      `SELECT resolved_at, resolved_by, resolution, attachment_ids FROM intake_resolutions WHERE grievance_id = $1 ORDER BY resolved_at DESC, event_id DESC LIMIT 1`,
      [grievanceId],
    ));
    const row = rows[0];
    return row
      ? {
          resolvedAt: new Date(row.resolved_at as string),
          resolvedBy: row.resolved_by as Resolution['resolvedBy'],
          resolution: row.resolution as string,
          attachmentIds: (row.attachment_ids as string[] | null) ?? [],
        }
      : undefined;
  }

  /** When `reporterId` joined the grievance as a co-reporter; undefined when they did not. */
  async coReporterSince(grievanceId: string, reporterId: string): Promise<Date | undefined> {
    const rows = (await this.query(`SELECT linked_at FROM intake_co_reporters WHERE grievance_id = $1 AND reporter_id = $2`, [grievanceId, reporterId]));
    return rows[0] ? new Date(rows[0].linked_at as string) : undefined;
  }

  /** The grievances of these ids that exist. */
  async findByIds(ids: readonly string[]): Promise<GrievanceRecord[]> {
    if (ids.length === 0) return [];
    const rows = (await this.query(`SELECT * FROM intake_grievances WHERE id = ANY($1::uuid[])`, [ids]));
    return rows.map(toGrievanceRecord);
  }

  /** The station a walk-in was logged at; undefined when the grievance was not logged at one. */
  async stationOfWalkIn(grievanceId: string): Promise<string | undefined> {
    const rows = await this.query(`SELECT station_id FROM intake_walk_ins WHERE grievance_id = $1`, [grievanceId]);
    return rows[0]?.station_id as string | undefined;
  }

  async isCoReporter(grievanceId: string, reporterId: string): Promise<boolean> {
    const rows = (await this.query(`SELECT 1 FROM intake_co_reporters WHERE grievance_id = $1 AND reporter_id = $2`, [grievanceId, reporterId]));
    return rows.length > 0;
  }

  /** A reporter's own grievances, newest first, after the cursor (submitted_at, id) when given. */
  async listByReporter(reporterId: string, limit: number, after?: { submittedAt: Date; id: string }): Promise<GrievanceRecord[]> {
    const params: unknown[] = [reporterId, limit];
    let where = 'reporter_id = $1';
    if (after) {
      params.push(after.submittedAt.toISOString(), after.id);
      where += ' AND (submitted_at, id) < ($3, $4)';
    }
    const rows = (await this.query(
      `SELECT * FROM intake_grievances WHERE ${where} ORDER BY submitted_at DESC, id DESC LIMIT $2`,
      params,
    ));
    return rows.map(toGrievanceRecord);
  }

  /** Attachment ids among `ids` that exist and belong to `ownerId`. */
  async ownedAttachmentIds(ownerId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.query(`SELECT id FROM intake_attachments WHERE owner_id = $1 AND id = ANY($2::uuid[])`, [ownerId, ids]));
    return new Set(rows.map((r) => r.id as string));
  }
}
