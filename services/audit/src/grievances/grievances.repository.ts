import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseOf } from '../shared/database';
import type { HolderRef } from '../trace/event-facts';
import { GrievanceRow } from './grievance-row';

export interface GrievanceFilter {
  trackingNo?: string;
  from?: Date;
  to?: Date;
  kind?: string;
  category?: string;
  district?: string;
  department?: string;
  level?: string;
  status?: string;
  breached?: boolean;
  supervised?: boolean;
}

export type SortOrder = 'asc' | 'desc';

/** Where a page starts: after the row with this submission time and id (in the sort order). */
export interface GrievanceCursor {
  submittedAt: string;
  grievanceId: string;
}

interface RawGrievanceRow {
  grievance_id: string;
  tracking_no: string | null;
  kind: string | null;
  category: string | null;
  status: GrievanceRow['status'];
  level: string | null;
  holder: HolderRef | null;
  district_id: string | null;
  department_code: string | null;
  grid_id: string | null;
  submitted_at: Date;
  breaches: number;
  under_supervision: boolean;
}

const toRow = (r: RawGrievanceRow): GrievanceRow => ({
  grievanceId: r.grievance_id,
  trackingNo: r.tracking_no,
  kind: r.kind,
  category: r.category,
  status: r.status,
  level: r.level,
  holder: r.holder,
  districtId: r.district_id,
  departmentCode: r.department_code,
  gridId: r.grid_id,
  submittedAt: new Date(r.submitted_at).toISOString(),
  breaches: r.breaches,
  underSupervision: r.under_supervision,
});

/** A grievance's index row as UPSERT_GRIEVANCE_ROWS takes it (one element of its JSON array). */
export const grievanceIndexRow = (m: GrievanceRow): Record<string, unknown> => ({
  grievance_id: m.grievanceId,
  tracking_no: m.trackingNo,
  kind: m.kind,
  category: m.category,
  status: m.status,
  level: m.level,
  holder: m.holder,
  district_id: m.districtId,
  department_code: m.departmentCode,
  grid_id: m.gridId,
  submitted_at: m.submittedAt,
  breaches: m.breaches,
  under_supervision: m.underSupervision,
});

/** Writes grievances' index rows, given as a JSON array of grievanceIndexRow in its second parameter ($2), in one statement. */
export const UPSERT_GRIEVANCE_ROWS = `INSERT INTO audit_grievances (grievance_id, tracking_no, kind, category, status, level, holder, district_id, department_code, grid_id, submitted_at, breaches, under_supervision)
     SELECT grievance_id, tracking_no, kind, category, status, level, holder, district_id, department_code, grid_id, submitted_at, breaches, under_supervision
       FROM jsonb_to_recordset($2::jsonb) AS m(grievance_id uuid, tracking_no text, kind text, category text, status text, level text, holder jsonb,
            district_id text, department_code text, grid_id text, submitted_at timestamptz, breaches integer, under_supervision boolean)
     ON CONFLICT (grievance_id) DO UPDATE SET tracking_no = EXCLUDED.tracking_no, kind = EXCLUDED.kind, category = EXCLUDED.category,
       status = EXCLUDED.status, level = EXCLUDED.level, holder = EXCLUDED.holder, district_id = EXCLUDED.district_id,
       department_code = EXCLUDED.department_code, grid_id = EXCLUDED.grid_id, submitted_at = EXCLUDED.submitted_at,
       breaches = EXCLUDED.breaches, under_supervision = EXCLUDED.under_supervision`;

/**
 * The grievance index auditors search: one row per grievance, kept by the dossier's appends
 * (DossierAppends writes it with UPSERT_GRIEVANCE_ROWS); read in the current unit of work's
 * transaction, else on the data source.
 */
@Injectable()
export class GrievancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of grievances matching every filter given, in submission order, at most `limit`. */
  async search(filter: GrievanceFilter, order: SortOrder, limit: number, after?: GrievanceCursor): Promise<GrievanceRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: (p: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    where((p) => `tracking_no = ${p}`, filter.trackingNo);
    where((p) => `submitted_at >= ${p}`, filter.from);
    where((p) => `submitted_at < ${p}`, filter.to);
    where((p) => `kind = ${p}`, filter.kind);
    where((p) => `category = ${p}`, filter.category);
    where((p) => `district_id = ${p}`, filter.district);
    where((p) => `department_code = ${p}`, filter.department);
    where((p) => `level = ${p}`, filter.level);
    where((p) => `status = ${p}`, filter.status);
    where((p) => `(breaches > 0) = ${p}`, filter.breached);
    where((p) => `under_supervision = ${p}`, filter.supervised);
    if (after) {
      params.push(after.submittedAt, after.grievanceId);
      const [t, id] = [`$${params.length - 1}`, `$${params.length}`];
      conditions.push(order === 'asc' ? `(submitted_at, grievance_id) > (${t}, ${id})` : `(submitted_at, grievance_id) < (${t}, ${id})`);
    }
    params.push(limit);
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const rows = await databaseOf(this.dataSource).query(
      `SELECT * FROM audit_grievances ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY submitted_at ${direction}, grievance_id ${direction} LIMIT $${params.length}`,
      params,
    );
    return (rows as RawGrievanceRow[]).map(toRow);
  }
}
