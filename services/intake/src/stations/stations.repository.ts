import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConsentMethod } from '@grievance/contracts';
import { queryInUnitOfWork } from '../unit-of-work-query';
import type { StationCopy } from './walk-in-rules';

type Row = Record<string, unknown>;

/** A walk-in as the station logged it. */
export interface WalkInRecord {
  grievanceId: string;
  stationId: string;
  staffId: string;
  workerId: string;
  workerPhone: string | null;
  consentMethod: ConsentMethod;
  consentAt: Date;
  loggedAt: Date;
}

/** The only code that touches intake's station copy and its walk-ins, in the unit of work's current transaction (or on the data source, for a read outside any). */
@Injectable()
export class StationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Row[]> {
    return queryInUnitOfWork(this.dataSource, sql, params);
  }

  async findStation(stationId: string): Promise<StationCopy | undefined> {
    const rows = await this.query(`SELECT id, name, retired, version FROM intake_stations WHERE id = $1`, [stationId]);
    const row = rows[0];
    return row ? { id: row.id as string, name: row.name as string, retired: row.retired === true, version: Number(row.version) } : undefined;
  }

  /** Applies a station's state over an older version; false when the copy already held this version or a later one. */
  async applyStation(station: StationCopy): Promise<boolean> {
    const rows = await this.query(
      `INSERT INTO intake_stations (id, name, retired, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, retired = EXCLUDED.retired, version = EXCLUDED.version
       WHERE intake_stations.version < EXCLUDED.version
       RETURNING id`,
      [station.id, station.name, station.retired, station.version],
    );
    return rows.length > 0;
  }

  async insertWalkIn(w: WalkInRecord): Promise<void> {
    await this.query(
      `INSERT INTO intake_walk_ins (grievance_id, station_id, staff_id, worker_id, worker_phone, consent_method, consent_at, logged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [w.grievanceId, w.stationId, w.staffId, w.workerId, w.workerPhone, w.consentMethod, w.consentAt.toISOString(), w.loggedAt.toISOString()],
    );
  }

  /** A station's walk-ins, newest first, after the cursor (logged_at, grievance_id) when given. */
  async listByStation(stationId: string, limit: number, after?: { at: Date; id: string }): Promise<WalkInRecord[]> {
    const params: unknown[] = [stationId, limit];
    let where = 'station_id = $1';
    if (after) {
      params.push(after.at.toISOString(), after.id);
      where += ' AND (logged_at, grievance_id) < ($3, $4)';
    }
    const rows = await this.query(`SELECT * FROM intake_walk_ins WHERE ${where} ORDER BY logged_at DESC, grievance_id DESC LIMIT $2`, params);
    return rows.map(toWalkIn);
  }
}

function toWalkIn(row: Row): WalkInRecord {
  return {
    grievanceId: row.grievance_id as string,
    stationId: row.station_id as string,
    staffId: row.staff_id as string,
    workerId: row.worker_id as string,
    workerPhone: (row.worker_phone as string | null) ?? null,
    consentMethod: row.consent_method as ConsentMethod,
    consentAt: new Date(row.consent_at as string),
    loggedAt: new Date(row.logged_at as string),
  };
}
