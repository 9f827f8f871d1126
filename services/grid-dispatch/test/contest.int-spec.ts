import { createEnvelope } from '@grievance/contracts';
import { eventually } from '@grievance/testing';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, reportHazard, startHarness } from './helpers';

jest.setTimeout(90_000);

/**
 * A contested invalid verdict, on real Postgres and Kafka: grid-dispatch sends the ticket for a
 * second check to another grid worker. In the small city, grid g3 has one grid worker (gw-g3-1)
 * and its community c2 no other grid; street s1 holds community c1 with g1 and g2.
 */
describe('grid-dispatch: a second check after the reporter contested the verdict', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  const contested = (grievanceId: string, verdictBy: string) =>
    createEnvelope({
      topic: 'grievance.contested.v1',
      grievanceId,
      actor: { id: 'worker-1', role: 'worker' },
      correlationId: `test-${grievanceId}`,
      payload: { reporterId: 'worker-1', reason: 'The cover is still missing.', verdictBy: { type: 'grid_worker', id: verdictBy, name: verdictBy } },
    });

  const ticketRow = async (ticketId: string) =>
    ((await h.dataSource.query(`SELECT status, grid_worker_id, verdict, verified_at, contested_verdict_by, attempt FROM tickets WHERE id = $1`, [ticketId])) as Record<string, unknown>[])[0]!;

  const ticketsOf = async (worker: string, gridId: string) =>
    (await api(h).get('/v1/tickets').set('Authorization', `Bearer ${await gridWorkerToken(worker, gridId)}`).expect(200)).body as { id: string; status: string }[];

  it('gives the ticket to a grid worker of the same street when the grid and its community have nobody but the one who found it invalid, once', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
    const [first] = await dispatchedOf(h, grievanceId);
    expect(first!.payload.gridWorkerId).toBe('gw-g3-1');
    const ticketId = first!.payload.ticketId;
    const token = await gridWorkerToken('gw-g3-1', 'g3');
    await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(200);
    await api(h).post(`/v1/tickets/${ticketId}/verify`).set('Authorization', `Bearer ${token}`).send({ verdict: 'invalid', note: 'Nothing there.', position: IN_GRID.g3 }).expect(200);

    await h.publisher.publish('grievance.contested.v1', contested(grievanceId, 'gw-g3-1'));
    const [, second] = await dispatchedOf(h, grievanceId, 2);
    expect(second!.payload).toMatchObject({ ticketId, gridId: 'g3', attempt: 2 });
    expect(['gw-g1-1', 'gw-g1-2', 'gw-g2-1']).toContain(second!.payload.gridWorkerId);
    expect(await ticketRow(ticketId)).toMatchObject({ status: 'dispatched', grid_worker_id: second!.payload.gridWorkerId, verdict: null, verified_at: null, contested_verdict_by: 'gw-g3-1', attempt: 2 });

    const gridOf = (worker: string) => worker.split('-')[1]!;
    const secondWorker = second!.payload.gridWorkerId;
    expect((await ticketsOf(secondWorker, gridOf(secondWorker))).map((t) => t.id)).toContain(ticketId);
    expect((await ticketsOf('gw-g3-1', 'g3')).map((t) => t.id)).not.toContain(ticketId);

    // The same contest again (a replay under a new event id) dispatches nothing more.
    const replay = contested(grievanceId, 'gw-g3-1');
    await h.publisher.publish('grievance.contested.v1', replay);
    await eventually(
      () => h.dataSource.query(`SELECT 1 FROM messaging_inbox WHERE event_id = $1`, [replay.eventId]) as Promise<unknown[]>,
      (rows) => rows.length === 1,
      { what: 'the replayed contest consumed' },
    );
    const dispatches = (await h.dataSource.query(`SELECT attempt, grid_worker_id FROM ticket_dispatches WHERE ticket_id = $1 ORDER BY attempt`, [ticketId])) as unknown[];
    expect(dispatches).toEqual([
      { attempt: 1, grid_worker_id: 'gw-g3-1' },
      { attempt: 2, grid_worker_id: secondWorker },
    ]);
    expect(await ticketRow(ticketId)).toMatchObject({ status: 'dispatched', attempt: 2 });
  });
});
