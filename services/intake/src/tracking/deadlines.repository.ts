import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Row = Record<string, unknown>;

/** The current holder's deadline of each matter intake holds (intake_deadlines). */
@Injectable()
export class DeadlinesRepository {
  /**
   * Sets (or clears, with null) a matter's deadline as of `at`, unless a later event already
   * spoke; redelivery changes nothing. At the same instant a deadline named beats one cleared
   * (the move and the deadline it started, written in one transaction), whatever order they
   * arrive in. False when intake does not hold the matter.
   */
  async record(m: EntityManager, grievanceId: string, dueAt: Date | null, at: Date, eventId: string): Promise<boolean> {
    const rows = (await m.query(
      `WITH held AS (SELECT id FROM intake_grievances WHERE id = $1),
            saved AS (
              INSERT INTO intake_deadlines (grievance_id, due_at, at, event_id)
              SELECT id, $2::timestamptz, $3::timestamptz, $4::text FROM held
              ON CONFLICT (grievance_id) DO UPDATE SET due_at = EXCLUDED.due_at, at = EXCLUDED.at, event_id = EXCLUDED.event_id
               WHERE intake_deadlines.at < EXCLUDED.at
                  OR (intake_deadlines.at = EXCLUDED.at AND (EXCLUDED.due_at IS NOT NULL OR intake_deadlines.due_at IS NULL)))
       SELECT count(*) AS n FROM held`,
      [grievanceId, dueAt?.toISOString() ?? null, at.toISOString(), eventId],
    )) as Row[];
    return Number(rows[0]?.n ?? 0) > 0;
  }
}
