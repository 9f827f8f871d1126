import { Injectable } from '@nestjs/common';
import { GrievanceKind } from '@grievance/contracts';
import { BatchWriter, UnitOfWork } from '@grievance/messaging';
import type { EntityManager } from 'typeorm';
import { GrievanceSnapshotEntity, TicketEntity } from '../entities';

/** A ticket as its row holds it. */
export type Ticket = TicketEntity;

/** What the reporter handed in (grievance.submitted.v1), as kept for the tickets. */
export type GrievanceSnapshot = GrievanceSnapshotEntity;

/** The columns a change of a ticket may set. */
export type TicketChanges = Partial<
  Pick<Ticket, 'status' | 'category' | 'gridWorkerId' | 'attempt' | 'acceptBy' | 'urgency' | 'lapsedWorkerIds' | 'dispatchedAt' | 'acceptedAt' | 'verifiedAt' | 'verdict' | 'verifyNote' | 'contestedVerdictBy'>
>;

const CHANGE_COLUMNS: Record<keyof TicketChanges, string> = {
  status: 'status',
  category: 'category',
  gridWorkerId: 'grid_worker_id',
  attempt: 'attempt',
  acceptBy: 'accept_by',
  urgency: 'urgency',
  lapsedWorkerIds: 'lapsed_worker_ids',
  dispatchedAt: 'dispatched_at',
  acceptedAt: 'accepted_at',
  verifiedAt: 'verified_at',
  verdict: 'verdict',
  verifyNote: 'verify_note',
  contestedVerdictBy: 'contested_verdict_by',
};

const TICKET = `id, grievance_id AS "grievanceId", grid_id AS "gridId", grid_worker_id AS "gridWorkerId", attempt, status,
  accept_by AS "acceptBy", kind, category, urgency, lapsed_worker_ids AS "lapsedWorkerIds", correlation_id AS "correlationId",
  dispatched_at AS "dispatchedAt", accepted_at AS "acceptedAt", verified_at AS "verifiedAt", verdict, verify_note AS "verifyNote",
  contested_verdict_by AS "contestedVerdictBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

const SNAPSHOT = `grievance_id AS "grievanceId", tracking_no AS "trackingNo", kind, category, title, urgency, lat, lng, address,
  submitted_at AS "submittedAt", reported_by AS "reportedBy", attachment_ids AS "attachmentIds", logged_at_station_id AS "loggedAtStationId"`;

/**
 * The only code that reads and writes tickets and the reports' snapshots, in the current
 * unit of work's transaction. Raw SQL, as every repository of this service: the statements
 * that grievance here (ON CONFLICT, FOR UPDATE, advisory locks) are plain to read where they run.
 */
@Injectable()
export class TicketsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.unitOfWork.manager().query(sql, params) as Promise<R[]>;
  }

  /**
   * Opens the grievance's ticket, waiting to be dispatched, with the urgency of the report's
   * snapshot when it has arrived (normal otherwise). Undefined: the grievance has its ticket already.
   */
  async open(ticket: { id: string; grievanceId: string; gridId: string; correlationId: string; kind: GrievanceKind; category: string }): Promise<Ticket | undefined> {
    const [opened] = await this.query<Ticket>(
      `INSERT INTO tickets (id, grievance_id, grid_id, status, correlation_id, kind, category, urgency)
       VALUES ($1, $2, $3, 'undispatched', $4, $5, $6,
               coalesce((SELECT urgency FROM grievance_snapshots WHERE grievance_id = $2), 'normal'))
       ON CONFLICT (grievance_id) DO NOTHING RETURNING ${TICKET}`,
      [ticket.id, ticket.grievanceId, ticket.gridId, ticket.correlationId, ticket.kind, ticket.category],
    );
    return opened;
  }

  /**
   * Opens the grievance's ticket, waiting to be dispatched, with the report its routing carried,
   * and keeps the report, in one statement (a report kept already, from the submission, stays as
   * it was: the same words). Undefined: the grievance has its ticket already.
   */
  async openWithReport(
    ticket: { id: string; grievanceId: string; gridId: string; correlationId: string; kind: GrievanceKind; category: string },
    report: GrievanceSnapshot,
  ): Promise<Ticket | undefined> {
    const [opened] = await this.query<Ticket>(
      `WITH kept AS (
         INSERT INTO grievance_snapshots (grievance_id, tracking_no, kind, category, title, urgency, lat, lng, address, submitted_at, reported_by, attachment_ids, logged_at_station_id)
         VALUES ($2, $7, $5, $6, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (grievance_id) DO NOTHING)
       INSERT INTO tickets (id, grievance_id, grid_id, status, correlation_id, kind, category, urgency)
       VALUES ($1, $2, $3, 'undispatched', $4, $5, $6, $9)
       ON CONFLICT (grievance_id) DO NOTHING RETURNING ${TICKET}`,
      [
        ticket.id,
        ticket.grievanceId,
        ticket.gridId,
        ticket.correlationId,
        ticket.kind,
        ticket.category,
        report.trackingNo,
        report.title,
        report.urgency,
        report.lat,
        report.lng,
        report.address,
        report.submittedAt,
        report.reportedBy,
        report.attachmentIds,
        report.loggedAtStationId,
      ],
    );
    return opened;
  }

  async find(id: string): Promise<Ticket | undefined> {
    return (await this.query<Ticket>(`SELECT ${TICKET} FROM tickets WHERE id = $1`, [id]))[0];
  }

  /** The ticket, locked until the transaction ends (callers lock its deadlines first, in the order a firing takes them). */
  async findForUpdate(id: string): Promise<Ticket | undefined> {
    return (await this.query<Ticket>(`SELECT ${TICKET} FROM tickets WHERE id = $1 FOR UPDATE`, [id]))[0];
  }

  async findByGrievance(grievanceId: string): Promise<Ticket | undefined> {
    return (await this.query<Ticket>(`SELECT ${TICKET} FROM tickets WHERE grievance_id = $1`, [grievanceId]))[0];
  }

  /** Every ticket waiting for its grid worker to accept it. */
  dispatched(): Promise<Ticket[]> {
    return this.query<Ticket>(`SELECT ${TICKET} FROM tickets WHERE status = 'dispatched'`);
  }

  /** A grid worker's tickets (every ticket without one), newest first, at most 500. */
  list(gridWorkerId: string | undefined): Promise<Ticket[]> {
    return gridWorkerId === undefined
      ? this.query<Ticket>(`SELECT ${TICKET} FROM tickets ORDER BY created_at DESC LIMIT 500`)
      : this.query<Ticket>(`SELECT ${TICKET} FROM tickets WHERE grid_worker_id = $1 ORDER BY created_at DESC LIMIT 500`, [gridWorkerId]);
  }

  async update(id: string, changes: TicketChanges): Promise<void> {
    const entries = Object.entries(changes) as [keyof TicketChanges, unknown][];
    const sets = entries.map(([key], i) => `${CHANGE_COLUMNS[key]} = $${i + 2}`);
    await this.query(`UPDATE tickets SET ${[...sets, 'updated_at = CURRENT_TIMESTAMP'].join(', ')} WHERE id = $1`, [id, ...entries.map(([, value]) => value)]);
  }

  /**
   * Keeps a report (what the reporter handed in); a redelivered submission changes nothing.
   * Written with the other reports of the transaction in one statement right before it commits
   * (see SnapshotWrites), which also reads the tickets they have already: `then` runs with the
   * report's ticket, when it has one, in the report's own unit of work.
   */
  async saveSnapshot(
    s: Omit<GrievanceSnapshot, 'submittedAt' | 'reportedBy' | 'attachmentIds' | 'loggedAtStationId'> & {
      submittedAt: Date | string;
      reportedBy?: string | null;
      attachmentIds?: string[];
      loggedAtStationId?: string | null;
    },
    then: (ticket: Ticket) => Promise<void> = async () => undefined,
  ): Promise<void> {
    const tx = this.unitOfWork.transaction();
    const row: SnapshotRow = {
      grievance_id: s.grievanceId,
      tracking_no: s.trackingNo,
      kind: s.kind,
      category: s.category,
      title: s.title,
      urgency: s.urgency,
      lat: s.lat,
      lng: s.lng,
      address: s.address,
      submitted_at: s.submittedAt instanceof Date ? s.submittedAt.toISOString() : s.submittedAt,
      reported_by: s.reportedBy ?? null,
      attachment_ids: s.attachmentIds ?? [],
      logged_at_station_id: s.loggedAtStationId ?? null,
    };
    tx.batchWriter(SnapshotWrites, (manager) => new SnapshotWrites(manager)).add(row, (ticket) => this.unitOfWork.join(tx, () => then(ticket)));
  }

  async snapshotOf(grievanceId: string): Promise<GrievanceSnapshot | undefined> {
    return (await this.query<GrievanceSnapshot>(`SELECT ${SNAPSHOT} FROM grievance_snapshots WHERE grievance_id = $1`, [grievanceId]))[0];
  }

  async snapshotsOf(grievanceIds: readonly string[]): Promise<GrievanceSnapshot[]> {
    if (grievanceIds.length === 0) return [];
    return this.query<GrievanceSnapshot>(`SELECT ${SNAPSHOT} FROM grievance_snapshots WHERE grievance_id = ANY($1::uuid[])`, [grievanceIds]);
  }
}

/** A report as written by SnapshotWrites (grievance_snapshots' columns). */
interface SnapshotRow {
  grievance_id: string;
  tracking_no: string;
  kind: string;
  category: string;
  title: string;
  urgency: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  submitted_at: string;
  reported_by: string | null;
  attachment_ids: string[];
  logged_at_station_id: string | null;
}

/**
 * The reports the submissions of one transaction (an event consumer's group) hand in, kept
 * at once before it commits: one statement inserts them all and reads the tickets opened
 * before their report, from a routing that did not carry it (the two topics are read
 * independently). A report kept already (its routing carried it) is not handed on again.
 * What such a ticket needs then (SelfCheck, the station's grid worker, the deadlines planned
 * again) is done for each in turn, in the order the submissions came.
 */
class SnapshotWrites implements BatchWriter {
  private pending: { row: SnapshotRow; then: (ticket: Ticket) => Promise<void> }[] = [];

  constructor(private readonly manager: EntityManager) {}

  add(row: SnapshotRow, then: (ticket: Ticket) => Promise<void>): void {
    this.pending.push({ row, then });
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    const tickets = (await this.manager.query(
      `WITH saved AS (
         INSERT INTO grievance_snapshots (grievance_id, tracking_no, kind, category, title, urgency, lat, lng, address, submitted_at, reported_by, attachment_ids, logged_at_station_id)
         SELECT grievance_id, tracking_no, kind, category, title, urgency, lat, lng, address, submitted_at, reported_by,
                ARRAY(SELECT jsonb_array_elements_text(attachment_ids)), logged_at_station_id
           FROM jsonb_to_recordset($1::jsonb) AS s(grievance_id uuid, tracking_no text, kind text, category text, title text, urgency text,
                lat double precision, lng double precision, address text, submitted_at timestamptz, reported_by text, attachment_ids jsonb, logged_at_station_id text)
         ON CONFLICT (grievance_id) DO NOTHING
         RETURNING grievance_id)
       -- The id list lets the planner use the key (it cannot tell how few rows saved holds).
       SELECT ${TICKET} FROM tickets WHERE grievance_id = ANY($2::uuid[]) AND grievance_id IN (SELECT grievance_id FROM saved)`,
      [JSON.stringify(pending.map((p) => p.row)), pending.map((p) => p.row.grievance_id)],
    )) as Ticket[];
    const byGrievance = new Map(tickets.map((t) => [t.grievanceId, t]));
    for (const { row, then } of pending) {
      const ticket = byGrievance.get(row.grievance_id);
      if (ticket) await then(ticket);
    }
  }
}
