import { signDevToken } from '@grievance/auth';
import { eventually } from '@grievance/testing';
import { chooseGridWorker } from '../src/dispatch/dispatch-rule';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, outboxCount, publishDirectory, reportHazard, routedEvent, startHarness } from './helpers';

jest.setTimeout(90_000);

describe('grid-dispatch: tickets from routed hazards (through the broker)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('takes the directory from routing\'s topic: grids with their community, street and district, workers on duty', async () => {
    const [grids] = (await h.dataSource.query(`SELECT count(*)::int AS n FROM grids`)) as { n: number }[];
    const [workers] = (await h.dataSource.query(`SELECT count(*)::int AS n FROM grid_workers WHERE on_duty`)) as { n: number }[];
    expect(grids!.n).toBe(4);
    expect(workers!.n).toBe(4);
    const [g1] = (await h.dataSource.query(`SELECT community_id, community_name, street_id, district_id, version FROM grids WHERE id = 'g1'`)) as Record<string, string>[];
    expect(g1).toEqual({ community_id: 'c1', community_name: 'Community One', street_id: 's1', district_id: 'd1', version: 1 });
  });

  it('applies a change only over an older version: a replay or a stale one changes nothing', async () => {
    const inbox = async () => ((await h.dataSource.query(`SELECT count(*)::int AS n FROM messaging_inbox`)) as { n: number }[])[0]!.n;
    const worker = { kind: 'grid_worker' as const, id: 'gw-g3-1', name: 'Renamed worker', parentId: 'g3', phone: null, partTime: true };
    await publishDirectory(h, [worker], { version: 2 });
    await eventually(() => h.dataSource.query(`SELECT name, part_time, version FROM grid_workers WHERE id = 'gw-g3-1'`) as Promise<unknown[]>, (rows) => JSON.stringify(rows) === JSON.stringify([{ name: 'Renamed worker', part_time: true, version: 2 }]), { what: 'version 2 applied' });
    const before = await inbox();
    await publishDirectory(h, [{ ...worker, name: 'Old name' }], { version: 1 });
    await eventually(inbox, (n) => n > before, { what: 'the stale change read' });
    expect(await h.dataSource.query(`SELECT name, version FROM grid_workers WHERE id = 'gw-g3-1'`)).toEqual([{ name: 'Renamed worker', version: 2 }]);
  });

  it('keeps the snapshot of the report and dispatches a routed hazard to a worker of its grid', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
    const [dispatched] = await dispatchedOf(h, grievanceId);
    expect(dispatched!.payload).toMatchObject({ gridId: 'g1', attempt: 1 });
    expect(['gw-g1-1', 'gw-g1-2']).toContain(dispatched!.payload.gridWorkerId);
    expect(dispatched!.actor).toEqual({ id: 'system', role: 'system' });
    expect(dispatched!.correlationId).toBe(`test-${grievanceId}`);
    expect(Date.parse(dispatched!.payload.acceptBy!) - Date.now()).toBeGreaterThan(25 * 60 * 1000);
    const [snapshot] = (await h.dataSource.query(`SELECT category, title, lat, lng FROM grievance_snapshots WHERE grievance_id = $1`, [grievanceId])) as unknown[];
    expect(snapshot).toEqual({ category: 'manhole_cover_missing', title: 'Manhole cover missing', lat: IN_GRID.g1.lat, lng: IN_GRID.g1.lng });

    // The next hazard of g1 goes to the other worker (fewest open tickets).
    const second = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
    const [next] = await dispatchedOf(h, second.grievanceId);
    expect(next!.payload.gridWorkerId).not.toBe(dispatched!.payload.gridWorkerId);
  });

  it('makes no second ticket for a redelivered or repeated routing', async () => {
    const { grievanceId, routed } = await reportHazard(h, { gridId: 'g2', location: IN_GRID.g2 });
    await dispatchedOf(h, grievanceId);
    await h.publisher.publish('grievance.routed.v1', routed); // the same event again (redelivery)
    await h.publisher.publish('grievance.routed.v1', routedEvent(grievanceId, routed.correlationId, routed.eventId, 'g2')); // a new event, same grievance
    const marker = await reportHazard(h, { gridId: 'g2', location: IN_GRID.g2 }); // same partition order is not guaranteed: wait for a later grievance
    await dispatchedOf(h, marker.grievanceId);
    await eventually(
      async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM messaging_inbox WHERE consumer = 'grid-dispatch' AND grievance_id = $1 AND topic = 'grievance.routed.v1'`, [grievanceId])) as { n: number }[],
      (rows) => rows[0]!.n === 2,
      { what: 'both routed events consumed' },
    );
    const tickets = (await h.dataSource.query(`SELECT id FROM tickets WHERE grievance_id = $1`, [grievanceId])) as unknown[];
    expect(tickets).toHaveLength(1);
    const [events] = (await h.dataSource.query(
      `SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'ticket.dispatched.v1' AND envelope->>'grievanceId' = $1`,
      [grievanceId],
    )) as { n: number }[];
    expect(events!.n).toBe(1);
  });

  it('uses the community pool, then the street pool, and leaves a ticket undispatched (logged) when nobody is on duty', async () => {
    await h.dataSource.query(`UPDATE grid_workers SET on_duty = false WHERE grid_id = 'g1'`);
    const community = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
    expect((await dispatchedOf(h, community.grievanceId))[0]!.payload.gridWorkerId).toBe('gw-g2-1');

    await h.dataSource.query(`UPDATE grid_workers SET on_duty = false WHERE grid_id = 'g2'`);
    const street = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
    expect((await dispatchedOf(h, street.grievanceId))[0]!.payload.gridWorkerId).toBe('gw-g3-1');

    const before = await outboxCount(h, 'ticket.dispatched.v1');
    const nobody = await reportHazard(h, { gridId: 'g4', location: IN_GRID.g4 });
    const [ticket] = await eventually(
      async () => (await h.dataSource.query(`SELECT id, status, grid_worker_id FROM tickets WHERE grievance_id = $1`, [nobody.grievanceId])) as { id: string; status: string; grid_worker_id: string | null }[],
      (rows) => rows.length === 1,
      { what: 'the waiting ticket' },
    );
    expect(ticket).toMatchObject({ status: 'undispatched', grid_worker_id: null });
    const log = (await h.dataSource.query(`SELECT message FROM dispatch_log WHERE ticket_id = $1`, [ticket!.id])) as { message: string }[];
    expect(log[0]!.message).toContain('g4');
    expect(await outboxCount(h, 'ticket.dispatched.v1')).toBe(before);
    await h.dataSource.query(`UPDATE grid_workers SET on_duty = true`);
  });

  it('dispatches a waiting ticket when a worker within reach comes on duty', async () => {
    await h.dataSource.query(`UPDATE grid_workers SET on_duty = false`);
    const { grievanceId } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
    await eventually(
      async () => (await h.dataSource.query(`SELECT status FROM tickets WHERE grievance_id = $1`, [grievanceId])) as { status: string }[],
      (rows) => rows[0]?.status === 'undispatched',
      { what: 'the waiting ticket' },
    );
    const token = await gridWorkerToken('gw-g3-1', 'g3');
    await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).send({ onDuty: true }).expect(200);
    const [dispatched] = await dispatchedOf(h, grievanceId);
    expect(dispatched!.payload).toMatchObject({ gridWorkerId: 'gw-g3-1', attempt: 1, gridId: 'g3' });
    await h.dataSource.query(`UPDATE grid_workers SET on_duty = true`);
  });

  it('ignores appeals and routings without a grid', async () => {
    const { randomUUID } = await import('node:crypto');
    const appeal = routedEvent(randomUUID(), 'test-appeal', 'cause', 'g3');
    appeal.payload.kind = 'appeal';
    const noGrid = routedEvent(randomUUID(), 'test-nogrid', 'cause', 'g3');
    delete noGrid.payload.gridId;
    await h.publisher.publish('grievance.routed.v1', appeal);
    await h.publisher.publish('grievance.routed.v1', noGrid);
    await eventually(
      async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1::uuid[])`, [[appeal.eventId, noGrid.eventId]])) as { n: number }[],
      (rows) => rows[0]!.n === 2,
      { what: 'both routings consumed' },
    );
    const tickets = (await h.dataSource.query(`SELECT id FROM tickets WHERE grievance_id = ANY($1::uuid[])`, [[appeal.grievanceId, noGrid.grievanceId]])) as unknown[];
    expect(tickets).toHaveLength(0);
    expect(chooseGridWorker({ gridId: 'x', communityId: null, streetId: null }, []).kind).toBe('none');
  });

  it('dispatches a ticket that waited for a grid not yet known once the grid and its worker arrive, in either order; a retired worker gets no new ticket', async () => {
    const g5 = { lat: 28.605, lng: 115.845 };
    const polygon = { type: 'Polygon' as const, coordinates: [[[115.84, 28.6], [115.85, 28.6], [115.85, 28.61], [115.84, 28.61], [115.84, 28.6]]] };
    const waiting = await reportHazard(h, { gridId: 'g5', location: g5 });
    await eventually(
      async () => (await h.dataSource.query(`SELECT t.status, l.message FROM tickets t JOIN dispatch_log l ON l.ticket_id = t.id WHERE t.grievance_id = $1`, [waiting.grievanceId])) as { status: string; message: string }[],
      (rows) => rows[0]?.status === 'undispatched' && rows[0].message.includes('grid g5 is not in the directory'),
      { what: 'the ticket waiting for g5' },
    );
    // The worker comes first (another key of the topic), then the grid, its community and street.
    await publishDirectory(h, [{ kind: 'grid_worker', id: 'gw-g5-1', name: 'Worker 1 of g5', parentId: 'g5', phone: null, partTime: false }]);
    await publishDirectory(h, [
      { kind: 'grid', id: 'g5', name: 'Grid 5', parentId: 'c5', polygon },
      { kind: 'community', id: 'c5', name: 'Community Five', parentId: 's9' },
      { kind: 'street', id: 's9', name: 'Street Nine', parentId: 'd2' },
    ]);
    const [dispatched] = await dispatchedOf(h, waiting.grievanceId);
    expect(dispatched!.payload).toMatchObject({ gridId: 'g5', gridWorkerId: 'gw-g5-1' });
    await eventually(
      () => h.dataSource.query(`SELECT community_name, street_id, district_id FROM grids WHERE id = 'g5'`) as Promise<unknown[]>,
      (rows) => JSON.stringify(rows) === JSON.stringify([{ community_name: 'Community Five', street_id: 's9', district_id: 'd2' }]),
      { what: 'g5 completed by its community and street' },
    );
    const admin = await signDevToken({ sub: 'root', role: 'admin' });
    const found = (await api(h).get(`/v1/grids?lat=${g5.lat}&lng=${g5.lng}`).set('Authorization', `Bearer ${admin}`).expect(200)).body as { id: string }[];
    expect(found.map((g) => g.id)).toEqual(['g5']);

    await publishDirectory(h, [{ kind: 'grid_worker', id: 'gw-g5-1', name: 'Worker 1 of g5', parentId: 'g5', phone: null, partTime: false }], { version: 2, retired: true });
    await publishDirectory(h, [{ kind: 'grid_worker', id: 'gw-g5-2', name: 'Worker 2 of g5', parentId: 'g5', phone: null, partTime: true }]);
    await eventually(
      () => h.dataSource.query(`SELECT id, retired FROM grid_workers WHERE grid_id = 'g5' ORDER BY id`) as Promise<unknown[]>,
      (rows) => JSON.stringify(rows) === JSON.stringify([{ id: 'gw-g5-1', retired: true }, { id: 'gw-g5-2', retired: false }]),
      { what: 'gw-g5-1 retired, gw-g5-2 added' },
    );
    const next = await reportHazard(h, { gridId: 'g5', location: g5 });
    expect((await dispatchedOf(h, next.grievanceId))[0]!.payload.gridWorkerId).toBe('gw-g5-2');
    const workers = (await api(h).get('/v1/grids/g5/workers').set('Authorization', `Bearer ${admin}`).expect(200)).body as { id: string }[];
    expect(workers.map((w) => w.id)).toEqual(['gw-g5-2']);
  });

  it('dispatches a burst of routings on every partition at once: one ticket each, loads even, every dispatch recorded', async () => {
    const { randomUUID } = await import('node:crypto');
    const open = async (workerId: string) =>
      ((await h.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE grid_worker_id = $1 AND status = 'dispatched'`, [workerId])) as { n: number }[])[0]!.n;
    const before = { a: await open('gw-g1-1'), b: await open('gw-g1-2') };
    const burst = Array.from({ length: 40 }, () => {
      const grievanceId = randomUUID();
      return routedEvent(grievanceId, `test-${grievanceId}`, randomUUID(), 'g1');
    });
    await Promise.all(burst.map((routed) => h.publisher.publish('grievance.routed.v1', routed)));
    const ids = burst.map((r) => r.grievanceId);
    await eventually(
      async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE grievance_id = ANY($1::uuid[]) AND status = 'dispatched'`, [ids])) as { n: number }[],
      (rows) => rows[0]!.n === 40,
      { what: 'the 40 tickets dispatched', timeoutMs: 30_000 },
    );
    // Batches on different partitions dispatch side by side; each sees its own dispatches, so the
    // two workers of g1 end up within a few tickets of each other.
    const added = { a: (await open('gw-g1-1')) - before.a, b: (await open('gw-g1-2')) - before.b };
    expect(added.a + added.b).toBe(40);
    expect(Math.abs(added.a - added.b)).toBeLessThanOrEqual(6);
    const dispatches = (await h.dataSource.query(
      `SELECT d.grid_worker_id, d.dispatched_at FROM ticket_dispatches d JOIN tickets t ON t.id = d.ticket_id WHERE t.grievance_id = ANY($1::uuid[])`,
      [ids],
    )) as { grid_worker_id: string; dispatched_at: Date }[];
    expect(dispatches).toHaveLength(40);
    const latest = Math.max(...dispatches.filter((d) => d.grid_worker_id === 'gw-g1-1').map((d) => new Date(d.dispatched_at).getTime()));
    const admin = await signDevToken({ sub: 'root', role: 'admin' });
    const workers = (await api(h).get('/v1/grids/g1/workers').set('Authorization', `Bearer ${admin}`).expect(200)).body as { id: string; lastDispatchedAt: string }[];
    expect(Date.parse(workers.find((w) => w.id === 'gw-g1-1')!.lastDispatchedAt)).toBe(latest);
  });
});
