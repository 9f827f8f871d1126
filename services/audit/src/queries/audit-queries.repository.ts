import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@grievance/contracts';
import { DataSource } from 'typeorm';
import { databaseOf } from '../shared/database';

export interface AuditQueryRecord {
  id: string;
  auditorId: string;
  role: string;
  endpoint: string;
  params: Record<string, unknown>;
  queriedAt: string;
}

/** The log of who looked at what (append-only, like the dossier): in the current unit of work's transaction, else on the data source. */
@Injectable()
export class AuditQueriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: { auditorId: string; role: string; endpoint: string; params: Record<string, unknown> }): Promise<void> {
    await databaseOf(this.dataSource).query(`INSERT INTO audit_queries (id, auditor_id, role, endpoint, params) VALUES ($1, $2, $3, $4, $5)`, [
      uuidv7(),
      entry.auditorId,
      entry.role,
      entry.endpoint,
      JSON.stringify(entry.params),
    ]);
  }

  /** Newest first. */
  async list(filter: { auditorId?: string; limit: number }): Promise<AuditQueryRecord[]> {
    const rows = (await databaseOf(this.dataSource).query(
      `SELECT id, auditor_id, role, endpoint, params, queried_at FROM audit_queries
        WHERE ($1::text IS NULL OR auditor_id = $1) ORDER BY queried_at DESC, id DESC LIMIT $2`,
      [filter.auditorId ?? null, filter.limit],
    )) as { id: string; auditor_id: string; role: string; endpoint: string; params: Record<string, unknown>; queried_at: Date }[];
    return rows.map((r) => ({
      id: r.id,
      auditorId: r.auditor_id,
      role: r.role,
      endpoint: r.endpoint,
      params: r.params,
      queriedAt: new Date(r.queried_at).toISOString(),
    }));
  }
}
