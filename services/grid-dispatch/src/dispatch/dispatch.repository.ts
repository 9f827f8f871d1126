import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { GridEntity } from '../entities';
import { DispatchCandidate } from './dispatch-rule';
import { lastDispatchedAt, WORKER_LOAD_COLUMNS, WorkerLoadRow } from './worker-load';

interface CandidateRow extends WorkerLoadRow {
  id: string;
  name: string;
  grid_id: string;
  community_id: string | null;
  street_id: string | null;
  on_duty: boolean;
  station_id: string | null;
}

/** The grid of reachOf's rows (one per candidate, or one with no candidate). */
interface PlaceRow {
  place_id: string;
  place_community_id: string | null;
  place_street_id: string | null;
}

/** A candidate with the name their deadlines will give as holder. */
export type NamedCandidate = DispatchCandidate & { name: string };

/** Where a ticket's grid lies (its community and street: the pools a dispatch falls back to). */
export type GridPlace = Pick<GridEntity, 'id' | 'communityId' | 'streetId'>;

/** The reads and writes of a dispatch, in the current unit of work's transaction (the tickets themselves: TicketsRepository). */
@Injectable()
export class DispatchRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.unitOfWork.manager().query(sql, params) as Promise<R[]>;
  }

  /**
   * Where a ticket of this grid can go, in one read: the grid as the directory has it (a
   * retired one too; undefined when it is not in the directory) and the on-duty grid workers
   * of its grid, community or street, with their names and load. No lock: a dispatch only
   * reads the load and appends rows of its own (see DispatchTicket).
   */
  async reachOf(gridId: string): Promise<{ grid: GridPlace | undefined; candidates: NamedCandidate[] }> {
    const rows = await this.query<PlaceRow & Partial<CandidateRow>>(
      // The workers in reach, materialized first, so their load is counted for them alone (counted within the scan, it was for every worker on duty).
      `WITH place AS (SELECT id, community_id, street_id FROM grids WHERE id = $1),
            reach AS MATERIALIZED (
              SELECT w.id, w.name, w.grid_id, g.community_id, g.street_id, w.on_duty, w.station_id
                FROM place p, grid_workers w JOIN grids g ON g.id = w.grid_id
               WHERE w.on_duty AND NOT w.retired AND NOT g.retired
                 AND (w.grid_id = p.id OR g.community_id = p.community_id OR g.street_id = p.street_id))
       SELECT p.id AS place_id, p.community_id AS place_community_id, p.street_id AS place_street_id, w.*, ${WORKER_LOAD_COLUMNS}
         FROM place p LEFT JOIN reach w ON true`,
      [gridId],
    );
    const first = rows[0];
    if (!first) return { grid: undefined, candidates: [] };
    const grid: GridPlace = { id: first.place_id, communityId: first.place_community_id, streetId: first.place_street_id };
    const candidates = rows
      .filter((row): row is PlaceRow & CandidateRow => row.id !== null && row.id !== undefined)
      .map((row) => ({
        id: row.id,
        name: row.name,
        gridId: row.grid_id,
        communityId: row.community_id,
        streetId: row.street_id,
        onDuty: row.on_duty,
        stationId: row.station_id,
        openTickets: row.open_tickets,
        lastDispatchedAt: lastDispatchedAt(row),
      }));
    return { grid, candidates };
  }

  /**
   * 兼职网格员: the live part-time grid worker a registered worker is appointed as, with their
   * grid's outline (the grid live too); undefined when they are none.
   */
  async appointedGridWorker(workerId: string): Promise<{ id: string; name: string; gridId: string; polygon: GridEntity['polygon'] } | undefined> {
    return (
      await this.query<{ id: string; name: string; gridId: string; polygon: GridEntity['polygon'] }>(
        `SELECT w.id, w.name, w.grid_id AS "gridId", g.polygon
           FROM grid_workers w JOIN grids g ON g.id = w.grid_id
          WHERE w.worker_id = $1 AND w.part_time AND NOT w.retired AND NOT g.retired
          ORDER BY w.id LIMIT 1`,
        [workerId],
      )
    )[0];
  }

  /** A grid worker's name, as their deadlines name their holder. */
  async workerName(gridWorkerId: string): Promise<string | undefined> {
    return (await this.query<{ name: string }>(`SELECT name FROM grid_workers WHERE id = $1`, [gridWorkerId]))[0]?.name;
  }

  /** One dispatch of a ticket, appended (a worker's load and "last dispatched" are read from these rows). */
  async recordDispatch(ticketId: string, attempt: number, gridWorkerId: string, at: Date): Promise<void> {
    await this.query(`INSERT INTO ticket_dispatches (ticket_id, attempt, grid_worker_id, dispatched_at) VALUES ($1, $2, $3, $4)`, [ticketId, attempt, gridWorkerId, at]);
  }

  /** Why a ticket found nobody to go to, for operators. */
  async logUndispatched(ticketId: string, message: string): Promise<void> {
    await this.query(`INSERT INTO dispatch_log (ticket_id, message) VALUES ($1, $2)`, [ticketId, message]);
  }

  /**
   * Up to 100 tickets waiting undispatched within the grid worker's reach (their grid,
   * community or street; only while they are on duty and not retired), oldest first, locked;
   * tickets another transaction holds are skipped (it is dispatching them).
   */
  async waitingForWorker(gridWorkerId: string): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT t.id FROM tickets t
         JOIN grids tg ON tg.id = t.grid_id
         JOIN grid_workers w ON w.id = $1 AND w.on_duty AND NOT w.retired
         JOIN grids wg ON wg.id = w.grid_id
        WHERE t.status = 'undispatched'
          AND (t.grid_id = w.grid_id OR tg.community_id = wg.community_id OR tg.street_id = wg.street_id)
        ORDER BY t.created_at
        LIMIT 100
        FOR UPDATE OF t SKIP LOCKED`,
      [gridWorkerId],
    );
    return rows.map((r) => r.id);
  }

  /** Up to 100 tickets of a grid waiting undispatched, oldest first, locked (skipping those another transaction holds). */
  async waitingInGrid(gridId: string): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT t.id FROM tickets t WHERE t.status = 'undispatched' AND t.grid_id = $1 ORDER BY t.created_at LIMIT 100 FOR UPDATE OF t SKIP LOCKED`,
      [gridId],
    );
    return rows.map((r) => r.id);
  }

  /** Waits for this service's other replicas to finish adopting tickets (held until the transaction ends). */
  async takeAdoptionTurn(): Promise<void> {
    await this.query(`SELECT pg_advisory_xact_lock(hashtext('grid-dispatch:dispatch'))`);
  }
}
