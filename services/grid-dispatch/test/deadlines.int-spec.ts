import { createServiceApp, eventually } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { DispatchService } from '../src/dispatch/dispatch.service';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, outboxCount, reportHazard, startHarness } from './helpers';

jest.setTimeout(120_000);

/** 30 min × 0.001 = 1.8 s to accept. */
const TIME_SCALE = '0.001';
const WINDOW_MS = 1800;

interface TicketRow {
  id: string;
  status: string;
  attempt: number;
  grid_worker_id: string | null;
  lapsed_worker_ids: string[];
}

describe('grid-dispatch: the accept deadline', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ SLA_TIME_SCALE: TIME_SCALE });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function ticketOf(grievanceId: string): Promise<TicketRow> {
    const [row] = (await h.dataSource.query(`SELECT id, status, attempt, grid_worker_id, lapsed_worker_ids FROM tickets WHERE grievance_id = $1`, [grievanceId])) as TicketRow[];
    return row!;
  }

  it('re-dispatches a ticket nobody accepts to the next worker (never back to one who let it lapse), then leaves it waiting', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
    // g1 has two workers, then the community (g2), then the street (g3); then nobody is left.
    const events = await dispatchedOf(h, grievanceId, 4, 30_000);
    expect(events.map((e) => e.payload.attempt)).toEqual([1, 2, 3, 4]);
    const workers = events.map((e) => e.payload.gridWorkerId);
    expect(new Set(workers.slice(0, 2))).toEqual(new Set(['gw-g1-1', 'gw-g1-2']));
    expect(workers.slice(2)).toEqual(['gw-g2-1', 'gw-g3-1']);
    expect(new Set(events.map((e) => e.payload.ticketId)).size).toBe(1);
    const gap = Date.parse(events[1]!.occurredAt) - Date.parse(events[0]!.occurredAt);
    expect(gap).toBeGreaterThanOrEqual(WINDOW_MS - 50);
    expect(events[1]!.causationId).toContain('accept-deadline');

    const waiting = await eventually(() => ticketOf(grievanceId), (t) => t.status === 'undispatched', { what: 'the ticket waits', timeoutMs: 10_000 });
    expect(waiting).toMatchObject({ attempt: 4, grid_worker_id: null });
    expect(new Set(waiting.lapsed_worker_ids)).toEqual(new Set(workers));
  });

  it('does not move a ticket accepted in time', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g2', location: IN_GRID.g2 });
    const [first] = await dispatchedOf(h, grievanceId);
    const token = await gridWorkerToken(first!.payload.gridWorkerId, 'g2');
    await api(h).post(`/v1/tickets/${first!.payload.ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 1000));
    expect(await ticketOf(grievanceId)).toMatchObject({ status: 'accepted', attempt: 1, grid_worker_id: first!.payload.gridWorkerId });
  });

  it('treats a repeated, stale or early alarm as harmless', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
    const [first] = await dispatchedOf(h, grievanceId);
    const dispatch = h.service.app.get(DispatchService);
    // Early: the deadline is still ahead; nothing changes and it asks to ring again then.
    const early = await dispatch.onAcceptDeadline(first!.payload.ticketId, 1);
    expect(early?.retryAt.toISOString()).toBe(first!.payload.acceptBy);
    expect(await ticketOf(grievanceId)).toMatchObject({ attempt: 1, grid_worker_id: 'gw-g3-1', status: 'dispatched' });

    const moved = await eventually(() => ticketOf(grievanceId), (t) => t.attempt === 2, { what: 'the re-dispatch', timeoutMs: 10_000 });
    const before = await outboxCount(h, 'ticket.dispatched.v1');
    // Repeated (attempt 1 again) and unknown alarms change nothing.
    expect(await dispatch.onAcceptDeadline(first!.payload.ticketId, 1)).toBeUndefined();
    expect(await dispatch.onAcceptDeadline('00000000-0000-4000-8000-000000000000', 1)).toBeUndefined();
    expect(await ticketOf(grievanceId)).toMatchObject({ attempt: 2, grid_worker_id: moved.grid_worker_id });
    expect(await outboxCount(h, 'ticket.dispatched.v1')).toBe(before);
  });

  it('re-arms every open deadline from Postgres on start', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g4', location: IN_GRID.g4 });
    // g4 has no workers, so no alarm is armed: put the ticket by hand on gw-g1-1 of g1 (as if dispatched before a crash), overdue.
    await eventually(() => h.dataSource.query(`SELECT id FROM tickets WHERE grievance_id = $1`, [grievanceId]) as Promise<unknown[]>, (rows) => rows.length === 1);
    await h.dataSource.query(
      `UPDATE tickets SET status = 'dispatched', grid_id = 'g1', grid_worker_id = 'gw-g1-1', attempt = 1, dispatched_at = now() - interval '1 hour', accept_by = now() - interval '1 minute' WHERE grievance_id = $1`,
      [grievanceId],
    );
    // No alarm exists for it (it was never dispatched by a running process): a new process on
    // the same database and queue must find it in Postgres and arm it.
    const restarted = await createServiceApp(AppModule, h.env);
    try {
      const moved = await eventually(() => ticketOf(grievanceId), (t) => t.attempt === 2, { what: 'the re-armed deadline', timeoutMs: 15_000 });
      expect(moved).toMatchObject({ status: 'dispatched', grid_worker_id: 'gw-g1-2', lapsed_worker_ids: ['gw-g1-1'] });
    } finally {
      await restarted.close();
    }
  });
});
