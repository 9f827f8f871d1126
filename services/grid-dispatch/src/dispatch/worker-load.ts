/**
 * A grid worker's load, as two columns of a query over `grid_workers w`: the tickets they hold
 * open (dispatched or accepted, not yet verified) and when they were last given one (null:
 * never). Both are read from the tickets and their dispatches, never kept on the worker's row,
 * so a dispatch writes nothing another dispatch has to wait for.
 */
export const WORKER_LOAD_COLUMNS = `
  (SELECT count(*) FROM tickets t WHERE t.grid_worker_id = w.id AND t.status IN ('dispatched', 'accepted'))::int AS open_tickets,
  (SELECT max(d.dispatched_at) FROM ticket_dispatches d WHERE d.grid_worker_id = w.id) AS last_dispatched_at`;

/** The columns of WORKER_LOAD_COLUMNS as a row holds them. */
export interface WorkerLoadRow {
  open_tickets: number;
  last_dispatched_at: Date | string | null;
}

export function lastDispatchedAt(row: WorkerLoadRow): Date | null {
  return row.last_dispatched_at ? new Date(row.last_dispatched_at) : null;
}
