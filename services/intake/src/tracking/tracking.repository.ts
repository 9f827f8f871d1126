import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GrievanceRecord } from '../grievances/grievance.model';
import { toGrievanceRecord } from '../grievances/grievances.repository';
import { queryInUnitOfWork } from '../unit-of-work-query';

/**
 * The tracking view's reads and writes of a consumed group (see TrackingWrites), in the unit
 * of work's current transaction: the grievance locked until it commits, and the group's changes
 * in one statement.
 */
@Injectable()
export class TrackingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return queryInUnitOfWork(this.dataSource, sql, params);
  }

  /** The grievance, locked until the transaction ends; undefined when intake does not hold it. */
  async findForUpdate(grievanceId: string): Promise<GrievanceRecord | undefined> {
    const rows = await this.query(`SELECT * FROM intake_grievances WHERE id = $1 FOR UPDATE`, [grievanceId]);
    return rows[0] ? toGrievanceRecord(rows[0]) : undefined;
  }

  /**
   * The grievances intake holds of these, locked until the transaction ends, in the order of
   * their ids (two transactions locking some of the same never wait on each other in a circle).
   */
  async findManyForUpdate(grievanceIds: readonly string[]): Promise<GrievanceRecord[]> {
    const rows = await this.query(`SELECT * FROM intake_grievances WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [grievanceIds]);
    return rows.map(toGrievanceRecord);
  }

  /**
   * Writes what the events of one transaction changed in the tracking view (see
   * TrackingWrites), in one statement: the tracked state of grievances, resolutions, history lines
   * (in the given order) and deadlines, each a JSON array. A resolution or history line of an
   * event already recorded is not recorded twice; a deadline only replaces an older one.
   */
  async saveTrackedBatch([tracked, resolutions, history, deadlines]: [string, string, string, string]): Promise<void> {
    await this.query(
      `WITH tracked AS (
         UPDATE intake_grievances g SET status = t.status, status_at = t.status_at, reopened_at = t.reopened_at, level = t.level, level_at = t.level_at,
                holder = t.holder, holder_at = t.holder_at, under_supervision = t.under_supervision, duplicate_of = t.duplicate_of,
                category = t.category, supervision_round = t.supervision_round
           FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, status text, status_at timestamptz, reopened_at timestamptz, level text, level_at timestamptz,
                holder jsonb, holder_at timestamptz, under_supervision boolean, duplicate_of uuid, category text, supervision_round integer)
          WHERE g.id = t.id
            -- The planner takes a JSON array for 100 rows and would scan the whole table to
            -- join it, up to tens of thousands of grievances; an id list lets it use the key.
            AND g.id = ANY (ARRAY(SELECT (e->>'id')::uuid FROM jsonb_array_elements($1::jsonb) AS e))
         RETURNING 1),
       resolved AS (
         INSERT INTO intake_resolutions (event_id, grievance_id, resolved_at, resolved_by, resolution, attachment_ids)
         SELECT event_id, grievance_id, resolved_at, resolved_by, resolution, attachment_ids
           FROM jsonb_to_recordset($2::jsonb) AS r(event_id uuid, grievance_id uuid, resolved_at timestamptz, resolved_by jsonb, resolution text, attachment_ids jsonb)
         ON CONFLICT (event_id) DO NOTHING
         RETURNING 1),
       lines AS (
         INSERT INTO intake_history (grievance_id, event_id, at, type, actor, summary, message)
         SELECT grievance_id, event_id, at, type, actor, summary, message
           FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (grievance_id uuid, event_id uuid, at timestamptz, type text, actor jsonb, summary text, message jsonb))
                WITH ORDINALITY AS l(grievance_id, event_id, at, type, actor, summary, message, n)
          ORDER BY l.n
         ON CONFLICT (event_id) DO NOTHING
         RETURNING 1)
       INSERT INTO intake_deadlines (grievance_id, due_at, at, event_id)
       SELECT grievance_id, due_at, at, event_id FROM jsonb_to_recordset($4::jsonb) AS d(grievance_id uuid, due_at timestamptz, at timestamptz, event_id text)
       ON CONFLICT (grievance_id) DO UPDATE SET due_at = EXCLUDED.due_at, at = EXCLUDED.at, event_id = EXCLUDED.event_id
        WHERE intake_deadlines.at < EXCLUDED.at
           OR (intake_deadlines.at = EXCLUDED.at AND (EXCLUDED.due_at IS NOT NULL OR intake_deadlines.due_at IS NULL))`,
      [tracked, resolutions, history, deadlines],
    );
  }
}
