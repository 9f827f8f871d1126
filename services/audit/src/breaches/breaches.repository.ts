import { Injectable } from '@nestjs/common';
import { LEVELS } from '@grievance/contracts';
import type { EventEnvelope } from '@grievance/contracts';
import { DataSource } from 'typeorm';
import { databaseOf } from '../shared/database';
import { SUPERVISED_TYPE, TOP_LEVEL } from '../trace/event-facts';

export interface BreachFilter {
  from?: Date;
  to?: Date;
  level?: (typeof LEVELS)[number];
  department?: string;
  grievanceId?: string;
  target?: string;
  limit: number;
}

/** The rung of a fired deadline: the event's own, else its holder's. */
const LEVEL_SQL = `COALESCE(envelope #>> '{payload,level}', envelope #>> '{payload,holder,level}')`;

/** Reads SLA breaches and supervision (督办) from the dossier (in the current unit of work's transaction, else on the data source). */
@Injectable()
export class BreachesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return databaseOf(this.dataSource).query(sql, params) as Promise<R[]>;
  }

  /** sla.breached.v1 events fired in [from, to), newest first. */
  async breaches(filter: BreachFilter): Promise<EventEnvelope[]> {
    const rows = await this.query<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM audit_dossier
        WHERE event_type = 'sla.breached'
          AND ($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)
          AND ($3::uuid IS NULL OR grievance_id = $3)
          AND ($4::text IS NULL OR ${LEVEL_SQL} = $4)
          AND ($5::text IS NULL OR (envelope #>> '{payload,holder,type}' = 'department' AND envelope #>> '{payload,holder,id}' = $5))
          AND ($6::text IS NULL OR envelope #>> '{payload,target}' = $6)
        ORDER BY occurred_at DESC, event_id DESC
        LIMIT $7`,
      [filter.from ?? null, filter.to ?? null, filter.grievanceId ?? null, filter.level ?? null, filter.department ?? null, filter.target ?? null, filter.limit],
    );
    return rows.map((r) => r.envelope);
  }

  /**
   * The events that put grievances under supervision: a breach at the top rung, or
   * grievance.supervised when the catalogue has it; with when each grievance closed, if it did.
   */
  async supervisionEvents(): Promise<{ envelope: EventEnvelope; closedAt: Date | null }[]> {
    const rows = await this.query<{ envelope: EventEnvelope; closed_at: Date | null }>(
      `SELECT s.envelope,
              (SELECT max(c.occurred_at) FROM audit_dossier c WHERE c.grievance_id = s.grievance_id AND c.event_type = 'grievance.closed') AS closed_at
         FROM audit_dossier s
        WHERE (s.event_type = 'sla.breached' AND ${LEVEL_SQL.replace(/envelope/g, 's.envelope')} = $1) OR s.event_type = $2
        ORDER BY s.occurred_at, s.event_id`,
      [TOP_LEVEL, SUPERVISED_TYPE],
    );
    return rows.map((r) => ({ envelope: r.envelope, closedAt: r.closed_at ? new Date(r.closed_at) : null }));
  }
}
