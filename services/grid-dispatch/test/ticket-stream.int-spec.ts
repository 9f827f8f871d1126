import { signDevToken } from '@grievance/auth';
import { eventually, listenToEventStream } from '@grievance/testing';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, reportHazard, startHarness } from './helpers';

jest.setTimeout(120_000);

/** Reads a server-sent-event stream in the background; `events` fills as they come. */
const listen = (url: string, token: string) => listenToEventStream(url, token);

describe('grid-dispatch: GET /v1/tickets/stream, a grid worker\'s tickets live', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('tells the worker a ticket was dispatched to them, and nobody else in the grid', async () => {
    const workers = (await api(h).get('/v1/grids/g1/workers').set('Authorization', `Bearer ${await gridWorkerToken('gw-g1-1', 'g1')}`).expect(200)).body as { id: string }[];
    expect(workers.length).toBeGreaterThan(1);
    const streams = new Map<string, ReturnType<typeof listen>>();
    for (const w of workers) streams.set(w.id, listen(`${h.service.url}/v1/tickets/stream`, await gridWorkerToken(w.id, 'g1')));
    try {
      for (const s of streams.values()) {
        const response = await s.opened;
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      }
      const { grievanceId } = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
      const [dispatched] = await dispatchedOf(h, grievanceId);
      const chosen = dispatched!.payload.gridWorkerId;
      const deadline = Date.now() + 20_000;
      while (!streams.get(chosen)!.events.some((e) => e.event === 'ticket' && e.data.grievanceId === grievanceId) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(streams.get(chosen)!.events).toContainEqual({ event: 'ticket', data: { gridWorkerId: chosen, ticketId: dispatched!.payload.ticketId, grievanceId, type: 'dispatched' } });
      for (const [id, s] of streams) if (id !== chosen) expect(s.events.filter((e) => e.event === 'ticket')).toEqual([]);
    } finally {
      for (const s of streams.values()) s.close();
    }
  });

  it('tells nobody of an accept whose transaction rolled back', async () => {
    const gridWorkerId = 'gw-g3-1';
    const token = await gridWorkerToken(gridWorkerId, 'g3');
    const stream = listen(`${h.service.url}/v1/tickets/stream`, token);
    try {
      expect((await stream.opened).status).toBe(200);
      const { grievanceId } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
      const [dispatched] = await dispatchedOf(h, grievanceId);
      const ticketId = dispatched!.payload.ticketId;
      expect(dispatched!.payload.gridWorkerId).toBe(gridWorkerId);

      // The accept's transaction fails as it commits: after its event and the event's notice were recorded.
      await h.dataSource.query(`CREATE FUNCTION refuse_accept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'accept refused at commit'; END $$`);
      await h.dataSource.query(
        `CREATE CONSTRAINT TRIGGER refuse_accept AFTER UPDATE ON tickets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'accepted') EXECUTE FUNCTION refuse_accept()`,
      );
      try {
        const refused = await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`);
        expect(refused.ok).toBe(false);
      } finally {
        await h.dataSource.query('DROP TRIGGER refuse_accept ON tickets');
        await h.dataSource.query('DROP FUNCTION refuse_accept()');
      }
      expect(await h.dataSource.query('SELECT status FROM tickets WHERE id = $1', [ticketId])).toEqual([{ status: 'dispatched' }]);
      await api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(200);

      // One Redis channel keeps its order: a notice of the rolled-back accept would have come before this one's.
      const types = () => stream.events.filter((e) => e.event === 'ticket' && e.data.ticketId === ticketId).map((e) => e.data.type);
      await eventually(types, (seen) => seen.includes('accepted'), { what: 'the accept\'s notice' });
      expect(types()).toEqual(['dispatched', 'accepted']);
    } finally {
      stream.close();
    }
  });

  it('is for grid workers only', async () => {
    await api(h).get('/v1/tickets/stream').set('Authorization', `Bearer ${await signDevToken({ sub: 'rider-1', role: 'worker' })}`).expect(403);
    await api(h).get('/v1/tickets/stream').expect(401);
  });
});
