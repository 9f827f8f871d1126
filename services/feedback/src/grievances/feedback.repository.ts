import { Injectable } from '@nestjs/common';
import { EventEnvelope, GrievanceKind, GrievanceStatus, Holder, Language, Rating, SlaTarget, uuidv7 } from '@grievance/contracts';
import { DEFAULT_LANGUAGE, Message, render } from '@grievance/i18n';
import { DataSource, EntityManager } from 'typeorm';
import { databaseOf } from '../shared/database';
import { GrievanceEntity } from './entities';

export interface NewGrievance {
  grievanceId: string;
  trackingNo: string;
  title: string;
  reporterId: string;
  kind: GrievanceKind;
  duplicateOf?: string;
  status: GrievanceStatus;
}

export interface NewSlaBreach {
  grievanceId: string;
  deadlineId: string;
  target: SlaTarget;
  holder: Holder;
  firedAt: Date;
  eventId: string;
}

export interface NewNotification {
  recipientId: string;
  grievanceId: string;
  eventId: string;
  eventType: string;
  message: Message;
}

export interface NewPointsEntry {
  id: string;
  workerId: string;
  points: number;
  reason: string;
  grievanceId: string;
  causeEventId: string;
}

export interface GrievanceChange {
  status?: GrievanceStatus;
  resolvedBy?: Holder;
  resolution?: string;
  resolvedAt?: Date;
  /** Adds one to resolution_no and clears the rating of the previous resolution. */
  newResolution?: boolean;
  rating?: Rating | null;
  closeOutcome?: string | null;
  closedAt?: Date | null;
  rejectedBy?: Holder;
  rejectedAt?: Date;
  /** The reporter contested the verdict: the grievance is open again (its close cleared). */
  contested?: { at: Date; reason: string };
}

/**
 * The only code of the feedback service that touches the grievances' view, the reporters'
 * notifications, ratings and the ledger entries of grievances. Its statements run in the
 * unit of work's transaction (a consumed group, an SLA firing, a use case's `run`), taken from
 * its context; the reads outside one run on the data source.
 */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit of work's transaction, or the data source outside one. */
  private get db(): EntityManager {
    return databaseOf(this.dataSource);
  }

  async findGrievance(grievanceId: string, options: { lock?: boolean } = {}): Promise<GrievanceEntity | null> {
    const query = this.db.getRepository(GrievanceEntity).createQueryBuilder('m').where('m.grievance_id = :grievanceId', { grievanceId });
    if (options.lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** A grievance read and locked, with its co-reporters (oldest first), in one statement; null when not known. */
  async lockGrievanceWithCoReporters(grievanceId: string): Promise<{ grievance: GrievanceEntity; coReporters: string[] } | null> {
    const { entities, raw } = await this.db
      .getRepository(GrievanceEntity)
      .createQueryBuilder('m')
      .addSelect(
        `ARRAY(SELECT c.reporter_id FROM feedback_co_reporters c WHERE c.grievance_id = m.grievance_id ORDER BY c.created_at, c.reporter_id)`,
        'co_reporters',
      )
      .where('m.grievance_id = :grievanceId', { grievanceId })
      .setLock('pessimistic_write')
      .getRawAndEntities<{ co_reporters: string[] }>();
    const grievance = entities[0];
    return grievance ? { grievance, coReporters: raw[0]?.co_reporters ?? [] } : null;
  }

  /** Stores a grievance first seen; a redelivered submission changes nothing. */
  async insertGrievance(grievance: NewGrievance): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback_grievances (grievance_id, tracking_no, title, reporter_id, kind, duplicate_of, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (grievance_id) DO NOTHING`,
      [grievance.grievanceId, grievance.trackingNo, grievance.title, grievance.reporterId, grievance.kind, grievance.duplicateOf ?? null, grievance.status],
    );
  }

  /** Keeps an event until the grievance `waitingFor` is known; the same event again changes nothing. */
  async holdUntilKnown(waitingFor: string, topic: string, event: EventEnvelope): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback_waiting_events (waiting_for, event_id, topic, envelope) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
      [waitingFor, event.eventId, topic, JSON.stringify(event)],
    );
  }

  /** Takes the events that waited for a grievance, in the order they came (they are removed). */
  async takeWaiting(grievanceId: string): Promise<{ topic: string; event: EventEnvelope }[]> {
    const rows = (await this.db.query(
      `WITH taken AS (DELETE FROM feedback_waiting_events WHERE waiting_for = $1 RETURNING seq, topic, envelope) SELECT topic, envelope FROM taken ORDER BY seq`,
      [grievanceId],
    )) as { topic: string; envelope: EventEnvelope }[];
    return rows.map((row) => ({ topic: row.topic, event: row.envelope }));
  }

  /** The SLA verdict of a grievance at its close: true when none of its deadlines broke. */
  async slaMet(grievanceId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM feedback_sla_breaches WHERE grievance_id = $1 LIMIT 1`, [grievanceId])) as unknown[];
    return rows.length === 0;
  }

  async updateGrievance(grievanceId: string, change: GrievanceChange): Promise<void> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [grievanceId];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.status !== undefined) set('status', change.status);
    if (change.resolvedBy !== undefined) set('resolved_by', JSON.stringify(change.resolvedBy));
    if (change.resolution !== undefined) set('resolution', change.resolution);
    if (change.resolvedAt !== undefined) set('resolved_at', change.resolvedAt);
    if (change.newResolution) sets.push('resolution_no = resolution_no + 1', 'rating = NULL');
    if (change.rating !== undefined) set('rating', change.rating);
    if (change.closeOutcome !== undefined) set('close_outcome', change.closeOutcome);
    if (change.closedAt !== undefined) set('closed_at', change.closedAt);
    if (change.rejectedBy !== undefined) set('rejected_by', JSON.stringify(change.rejectedBy));
    if (change.rejectedAt !== undefined) set('rejected_at', change.rejectedAt);
    if (change.contested !== undefined) {
      set('contested_at', change.contested.at);
      set('contest_reason', change.contested.reason);
    }
    await this.db.query(`UPDATE feedback_grievances SET ${sets.join(', ')} WHERE grievance_id = $1`, params);
  }

  /**
   * Writes what the events of one transaction changed (see GrievanceWrites), in one statement: the
   * state of the grievances changed (each locked by the transaction), notifications, one row per
   * recipient in the order given (a redelivered event writes nothing twice; the message is kept
   * to render in each reader's language), each reporter's latest language, and the deadlines
   * that broke (the same deadline again changes nothing).
   */
  async saveBatch(
    batch: {
      grievances: readonly GrievanceEntity[];
      notifications: readonly (NewNotification & { delivery: 'pending' | 'off' })[];
      languages: ReadonlyMap<string, Language>;
      breaches: readonly NewSlaBreach[];
    },
  ): Promise<void> {
    const grievances = batch.grievances.map((m) => ({
      grievance_id: m.grievanceId,
      status: m.status,
      resolved_by: m.resolvedBy,
      resolution: m.resolution,
      resolved_at: m.resolvedAt,
      resolution_no: m.resolutionNo,
      rating: m.rating,
      close_outcome: m.closeOutcome,
      closed_at: m.closedAt,
      rejected_by: m.rejectedBy,
      rejected_at: m.rejectedAt,
      contested_at: m.contestedAt,
      contest_reason: m.contestReason,
    }));
    const notifications = batch.notifications.map((n) => ({
      id: uuidv7(),
      recipient_id: n.recipientId,
      grievance_id: n.grievanceId,
      event_id: n.eventId,
      event_type: n.eventType,
      message: render(DEFAULT_LANGUAGE, n.message),
      content: n.message,
      delivery: n.delivery,
    }));
    const languages = [...batch.languages].map(([reporter_id, language]) => ({ reporter_id, language }));
    const breaches = batch.breaches.map((b) => ({
      grievance_id: b.grievanceId,
      deadline_id: b.deadlineId,
      target: b.target,
      holder: b.holder,
      fired_at: b.firedAt.toISOString(),
      event_id: b.eventId,
    }));
    await this.db.query(
      `WITH grievances AS (
         UPDATE feedback_grievances m SET status = t.status, resolved_by = t.resolved_by, resolution = t.resolution, resolved_at = t.resolved_at,
                resolution_no = t.resolution_no, rating = t.rating, close_outcome = t.close_outcome, closed_at = t.closed_at, rejected_by = t.rejected_by,
                rejected_at = t.rejected_at, contested_at = t.contested_at, contest_reason = t.contest_reason, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS t(grievance_id uuid, status text, resolved_by jsonb, resolution text, resolved_at timestamptz, resolution_no integer,
                rating text, close_outcome text, closed_at timestamptz, rejected_by jsonb, rejected_at timestamptz, contested_at timestamptz, contest_reason text)
          WHERE m.grievance_id = t.grievance_id
            -- The planner takes a JSON array for 100 rows and would scan the whole table to
            -- join it, up to tens of thousands of grievances; an id list lets it use the key.
            AND m.grievance_id = ANY (ARRAY(SELECT (e->>'grievance_id')::uuid FROM jsonb_array_elements($1::jsonb) AS e))
         RETURNING 1),
       languages AS (
         INSERT INTO feedback_reporter_languages (reporter_id, language)
         SELECT reporter_id, language FROM jsonb_to_recordset($3::jsonb) AS l(reporter_id text, language text)
         ON CONFLICT (reporter_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()
          WHERE feedback_reporter_languages.language IS DISTINCT FROM EXCLUDED.language
         RETURNING 1),
       breaches AS (
         INSERT INTO feedback_sla_breaches (grievance_id, deadline_id, target, holder, fired_at, event_id)
         SELECT grievance_id, deadline_id, target, holder, fired_at, event_id
           FROM jsonb_to_recordset($4::jsonb) AS b(grievance_id uuid, deadline_id text, target text, holder jsonb, fired_at timestamptz, event_id uuid)
         ON CONFLICT (grievance_id, deadline_id) DO NOTHING
         RETURNING 1)
       INSERT INTO feedback_notifications (id, recipient_id, grievance_id, event_id, event_type, message, content, delivery)
       SELECT id, recipient_id, grievance_id, event_id, event_type, message, content, delivery
         FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (id uuid, recipient_id text, grievance_id uuid, event_id uuid, event_type text, message text,
              content jsonb, delivery text)) WITH ORDINALITY AS n(id, recipient_id, grievance_id, event_id, event_type, message, content, delivery, i)
        ORDER BY n.i
       ON CONFLICT (recipient_id, event_id) DO NOTHING`,
      [JSON.stringify(grievances), JSON.stringify(notifications), JSON.stringify(languages), JSON.stringify(breaches)],
    );
  }

  /** Marks a grievance the duplicate of `originalId`, unless it already follows one. */
  async markDuplicateOf(grievanceId: string, originalId: string): Promise<void> {
    await this.db.query(`UPDATE feedback_grievances SET duplicate_of = $2 WHERE grievance_id = $1 AND duplicate_of IS NULL`, [grievanceId, originalId]);
  }

  async addCoReporter(grievanceId: string, reporterId: string, viaGrievanceId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback_co_reporters (grievance_id, reporter_id, via_grievance_id) VALUES ($1, $2, $3)
       ON CONFLICT (grievance_id, reporter_id) DO NOTHING`,
      [grievanceId, reporterId, viaGrievanceId],
    );
  }

  async coReporters(grievanceId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT reporter_id FROM feedback_co_reporters WHERE grievance_id = $1 ORDER BY created_at, reporter_id`,
      [grievanceId],
    )) as { reporter_id: string }[];
    return rows.map((row) => row.reporter_id);
  }

  /**
   * Appends ledger entries in one statement whatever their number; answers the ids of those
   * written, without the entries of a worker already paid for their cause (a redelivery).
   */
  async appendPoints(entries: readonly NewPointsEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const rows = (await this.db.query(
      `INSERT INTO feedback_points_ledger (id, worker_id, points, reason, grievance_id, cause_event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::uuid[], $6::uuid[])
       ON CONFLICT (worker_id, cause_event_id) DO NOTHING RETURNING id`,
      [
        entries.map((e) => e.id),
        entries.map((e) => e.workerId),
        entries.map((e) => e.points),
        entries.map((e) => e.reason),
        entries.map((e) => e.grievanceId),
        entries.map((e) => e.causeEventId),
      ],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** false when this resolution was already rated. */
  async insertRating(
    rating: { grievanceId: string; reporterId: string; resolutionNo: number; rating: Rating; comment?: string },
  ): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO feedback_ratings (id, grievance_id, reporter_id, resolution_no, rating, comment)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (grievance_id, resolution_no) DO NOTHING RETURNING id`,
      [uuidv7(), rating.grievanceId, rating.reporterId, rating.resolutionNo, rating.rating, rating.comment ?? null],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Every resolved grievance still waiting for its rating (to re-arm the auto-close timers on start). */
  async resolvedUnrated(): Promise<{ grievanceId: string; resolutionNo: number; resolvedAt: Date }[]> {
    const rows = (await this.dataSource.query(
      `SELECT grievance_id, resolution_no, resolved_at FROM feedback_grievances WHERE status = 'resolved' ORDER BY resolved_at`,
    )) as { grievance_id: string; resolution_no: number; resolved_at: Date }[];
    return rows.map((row) => ({ grievanceId: row.grievance_id, resolutionNo: row.resolution_no, resolvedAt: new Date(row.resolved_at) }));
  }
}
