import { Injectable } from '@nestjs/common';
import { DirectoryEntryChangedV1 } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { lastDispatchedAt, WORKER_LOAD_COLUMNS, WorkerLoadRow } from '../dispatch/worker-load';
import { GridEntity, GridWorkerEntity } from '../entities';

export type Grid = GridEntity;
export type GridWorker = Pick<GridWorkerEntity, 'id' | 'name' | 'gridId' | 'onDuty' | 'retired'>;

/** A grid worker with their load: what a grid's list of workers shows. */
export interface GridWorkerLoad {
  id: string;
  name: string;
  gridId: string;
  onDuty: boolean;
  openTickets: number;
  lastDispatchedAt: Date | null;
}

/** 驻点: the station a grid worker's entry says they are posted at (attributes.stationId), if any. */
const stationIdOf = (entry: DirectoryEntryChangedV1): string | null => {
  const stationId = entry.attributes?.stationId;
  return typeof stationId === 'string' && stationId !== '' ? stationId : null;
};

/** The registered worker a part-time grid worker's entry names (attributes.workerId), if any. */
const workerIdOf = (entry: DirectoryEntryChangedV1): string | null => {
  const workerId = entry.attributes?.workerId;
  return entry.partTime === true && typeof workerId === 'string' && workerId !== '' ? workerId : null;
};

const GRID = `id, name, community_id AS "communityId", community_name AS "communityName", street_id AS "streetId",
  district_id AS "districtId", polygon, version, retired`;

/**
 * The only code that reads and writes this service's copy of the directory (grids, grid
 * workers, the streets and communities grids lie in), in the current unit of work's
 * transaction. Every write applies over an older version only: a replayed entry changes
 * nothing (the upserts return whether they changed a row).
 */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.unitOfWork.manager().query(sql, params) as Promise<R[]>;
  }

  /**
   * Entries of different keys are applied side by side (other partitions): one at a time, so a
   * grid and its community (or a grid worker and their grid) each see the other once it is committed.
   */
  async takeApplyTurn(): Promise<void> {
    await this.query(`SELECT pg_advisory_xact_lock(hashtext('grid-dispatch:directory'))`);
  }

  /** A grid, with its community's name, street and district when its community is known. */
  async applyGrid(entry: DirectoryEntryChangedV1, polygon: NonNullable<DirectoryEntryChangedV1['polygon']>): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO grids (id, name, community_id, community_name, street_id, district_id, polygon, version, retired)
       SELECT $1, $2, $3, c.name, c.parent_id, s.parent_id, $4, $5, $6
         FROM (SELECT 1) one
         LEFT JOIN directory_units c ON c.id = $3
         LEFT JOIN directory_units s ON s.id = c.parent_id
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, community_id = EXCLUDED.community_id,
         community_name = EXCLUDED.community_name, street_id = EXCLUDED.street_id, district_id = EXCLUDED.district_id,
         polygon = EXCLUDED.polygon, version = EXCLUDED.version, retired = EXCLUDED.retired
       WHERE grids.version < EXCLUDED.version
       RETURNING id`,
      [entry.id, entry.name ?? entry.id, entry.parentId ?? null, JSON.stringify(polygon), entry.version, entry.retired],
    );
    return rows.length > 0;
  }

  /** A grid worker (their grid need not be here yet). */
  async applyGridWorker(entry: DirectoryEntryChangedV1): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO grid_workers (id, name, grid_id, phone, part_time, worker_id, station_id, version, retired)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, grid_id = EXCLUDED.grid_id, phone = EXCLUDED.phone,
         part_time = EXCLUDED.part_time, worker_id = EXCLUDED.worker_id, station_id = EXCLUDED.station_id, version = EXCLUDED.version, retired = EXCLUDED.retired
       WHERE grid_workers.version < EXCLUDED.version
       RETURNING id`,
      [entry.id, entry.name ?? entry.id, entry.parentId ?? null, entry.phone ?? null, entry.partTime ?? false, workerIdOf(entry), stationIdOf(entry), entry.version, entry.retired],
    );
    return rows.length > 0;
  }

  /** A category or a department: its code and name. */
  async applyCode(entry: DirectoryEntryChangedV1): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO directory_codes (kind, code, name, version, retired) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, code) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, retired = EXCLUDED.retired
       WHERE directory_codes.version < EXCLUDED.version
       RETURNING code`,
      [entry.kind, entry.id, entry.name ?? entry.id, entry.version, entry.retired],
    );
    return rows.length > 0;
  }

  /** Whether the directory holds a category or department of that code, not retired. */
  async liveCode(kind: 'category' | 'department', code: string): Promise<boolean> {
    return (await this.query(`SELECT 1 FROM directory_codes WHERE kind = $1 AND code = $2 AND NOT retired`, [kind, code])).length > 0;
  }

  /** A street or a community. */
  async applyUnit(entry: DirectoryEntryChangedV1): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO directory_units (id, kind, name, parent_id, version, retired) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
         version = EXCLUDED.version, retired = EXCLUDED.retired
       WHERE directory_units.version < EXCLUDED.version
       RETURNING id`,
      [entry.id, entry.kind, entry.name ?? entry.id, entry.parentId ?? null, entry.version, entry.retired],
    );
    return rows.length > 0;
  }

  /** The grids of a community learn its name, street and district. */
  async placeGridsOfCommunity(communityId: string, name: string, streetId: string | null): Promise<void> {
    await this.query(
      `UPDATE grids g SET community_name = $2, street_id = $3, district_id = (SELECT parent_id FROM directory_units WHERE id = $3)
        WHERE g.community_id = $1`,
      [communityId, name, streetId],
    );
  }

  /** The grids of a street learn its district. */
  async placeGridsOfStreet(streetId: string, districtId: string | null): Promise<void> {
    await this.query(`UPDATE grids SET district_id = $2 WHERE street_id = $1`, [streetId, districtId]);
  }

  /** The grids not retired, by id. */
  liveGrids(): Promise<Grid[]> {
    return this.query<Grid>(`SELECT ${GRID} FROM grids WHERE retired = false ORDER BY id ASC`);
  }

  async findLiveGrid(gridId: string): Promise<Grid | undefined> {
    return (await this.query<Grid>(`SELECT ${GRID} FROM grids WHERE id = $1 AND retired = false`, [gridId]))[0];
  }

  /** A grid's workers not retired, by id, with their load. */
  async workersOf(gridId: string): Promise<GridWorkerLoad[]> {
    const rows = await this.query<{ id: string; name: string; grid_id: string; on_duty: boolean } & WorkerLoadRow>(
      `SELECT w.id, w.name, w.grid_id, w.on_duty, ${WORKER_LOAD_COLUMNS}
         FROM grid_workers w WHERE w.grid_id = $1 AND NOT w.retired ORDER BY w.id`,
      [gridId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      gridId: row.grid_id,
      onDuty: row.on_duty,
      openTickets: row.open_tickets,
      lastDispatchedAt: lastDispatchedAt(row),
    }));
  }

  async findWorker(gridWorkerId: string): Promise<GridWorker | undefined> {
    return (
      await this.query<GridWorker>(`SELECT id, name, grid_id AS "gridId", on_duty AS "onDuty", retired FROM grid_workers WHERE id = $1`, [gridWorkerId])
    )[0];
  }

  async setOnDuty(gridWorkerId: string, onDuty: boolean): Promise<void> {
    await this.query(`UPDATE grid_workers SET on_duty = $2 WHERE id = $1`, [gridWorkerId, onDuty]);
  }
}
