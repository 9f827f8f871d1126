import { DataSource } from 'typeorm';

/** Open deadlines of a database by where they stand, for metrics. */
export interface DeadlineCounts {
  /** Running or paused, not yet warned. */
  pending: number;
  /** Running or paused, past the warning (80 % of the budget), not yet due. */
  warned: number;
  /** Past due and still open. */
  breached: number;
}

/**
 * Counts the deadlines of the service's own database, or undefined when the service keeps
 * none (no `sla_deadlines` table: intake, audit). Only open deadlines are read (the open-due
 * index); the rate of breaches is counted where they are published (`sla.breached.v1`).
 */
export async function countDeadlines(dataSource: DataSource): Promise<DeadlineCounts | undefined> {
  const [exists] = (await dataSource.query(`SELECT to_regclass('sla_deadlines') IS NOT NULL AS present`)) as { present: boolean }[];
  if (!exists?.present) return undefined;
  const [row] = (await dataSource.query(
    `SELECT count(*) FILTER (WHERE status IN ('running', 'paused') AND warned_at IS NULL)::int AS pending,
            count(*) FILTER (WHERE status IN ('running', 'paused') AND warned_at IS NOT NULL)::int AS warned,
            count(*) FILTER (WHERE status = 'breached')::int AS breached
       FROM sla_deadlines WHERE status IN ('running', 'paused', 'breached')`,
  )) as { pending: number; warned: number; breached: number }[];
  return { pending: row?.pending ?? 0, warned: row?.warned ?? 0, breached: row?.breached ?? 0 };
}
