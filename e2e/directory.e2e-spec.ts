import { call, eventually, RunningSystem, startSystem, tokenFor } from './system-harness';

/**
 * The directory has one owner: an admin adds a neighbourhood through routing's API (a street,
 * a community, a grid and its grid worker), and with no restart of anything the next hazard
 * reported inside the new grid is routed to it and dispatched to that grid worker within
 * seconds: routing publishes each entry on directory.entry-changed.v1, grid-dispatch applies it.
 */

// North of Taoyuan's grids, inside Xiangyun district and in no grid of the demo city; the new
// grid shares its southern border with xiangyun-taoyuan-g1 (a shared border is not an overlap).
const NORTH_HILL = { type: 'Polygon', coordinates: [[[115.805, 28.72], [115.835, 28.72], [115.835, 28.735], [115.805, 28.735], [115.805, 28.72]]] };
const INSIDE = { lat: 28.727, lng: 115.82, address: 'North Hill Rd' };
// Also inside, over a kilometre away: not a duplicate of a report at INSIDE.
const ELSEWHERE_INSIDE = { lat: 28.733, lng: 115.808, address: 'Hilltop Lane' };

describe('a grid and its grid worker added through the directory API', () => {
  let system: RunningSystem;
  let admin: string;
  let rider: string;

  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const intake = (path: string) => `${system.url('intake')}${path}`;

  beforeAll(async () => {
    system = await startSystem();
    admin = await tokenFor({ sub: 'admin-e2e', role: 'admin' });
    rider = await tokenFor({ sub: 'rider-north', role: 'worker' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  const report = (title: string, location = INSIDE) =>
    call(intake('/v1/grievances'), rider, {
      body: { kind: 'hazard', category: 'road_damage', title, description: 'A deep pothole in the cycle lane.', urgency: 'urgent', location },
    });

  it('takes a hazard reported inside the new grid within seconds, with no restart', async () => {
    // Before: the place is in no grid, so nobody checks it on site (the district's fallback owner has it).
    const before = await report('Pothole before the grid existed', ELSEWHERE_INSIDE);
    expect(before.status).toBe(201);
    const unrouted = await eventually(
      async () => (await call(intake(`/v1/grievances/${before.body.id}`), rider)).body as { status: string; holder?: { type: string; id: string } },
      (m) => m.holder !== undefined && m.holder !== null && m.status !== 'submitted',
      'the first report routed',
    );
    expect(unrouted.holder).not.toMatchObject({ type: 'grid_worker' });

    const created = [
      await call(routing('/v1/directory/org-units'), admin, { body: { id: 'xiangyun-north', level: 'street', name: 'North Street', parentId: 'xiangyun' } }),
      await call(routing('/v1/directory/org-units'), admin, { body: { id: 'xiangyun-north-hill', level: 'community', name: 'North Hill Community', parentId: 'xiangyun-north' } }),
      await call(routing('/v1/directory/org-units'), admin, { body: { id: 'xiangyun-north-hill-g1', level: 'grid', name: 'North Hill Grid 1', parentId: 'xiangyun-north-hill', polygon: NORTH_HILL } }),
      await call(routing('/v1/directory/grid-workers'), admin, { body: { id: 'gw-north-hill-1', name: 'Xu Ming', gridId: 'xiangyun-north-hill-g1', phone: '13800002222', employment: 'full_time' } }),
    ];
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const addedAt = Date.now();

    // An overlapping grid is refused, naming the field; nothing of it reaches grid-dispatch.
    const overlapping = await call(routing('/v1/directory/org-units'), admin, {
      body: { id: 'xiangyun-north-hill-g2', level: 'grid', name: 'Overlapping', parentId: 'xiangyun-north-hill', polygon: { ...NORTH_HILL, coordinates: [[[115.83, 28.73], [115.85, 28.73], [115.85, 28.739], [115.83, 28.739], [115.83, 28.73]]] } },
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body).toMatchObject({ details: { field: 'polygon', overlaps: 'xiangyun-north-hill-g1' } });

    const gridWorker = await tokenFor({ sub: 'gw-north-hill-1', role: 'grid_worker', gridId: 'xiangyun-north-hill-g1' });
    const grids = await eventually(
      async () => (await call(dispatch(`/v1/grids?lat=${INSIDE.lat}&lng=${INSIDE.lng}`), rider)).body as { id: string; streetId: string; districtId: string; communityName: string }[],
      // Entries travel on their own partitions: the grid may land before its community, and is
      // completed when the community comes.
      (list) => Array.isArray(list) && list.some((g) => g.districtId === 'xiangyun' && g.communityName === 'North Hill Community'),
      'grid-dispatch knows the new grid, its community, street and district',
      15_000,
    );
    expect(grids).toEqual([expect.objectContaining({ id: 'xiangyun-north-hill-g1', streetId: 'xiangyun-north', districtId: 'xiangyun', communityName: 'North Hill Community' })]);

    const reported = await report('Pothole in the new grid');
    expect(reported.status).toBe(201);
    const reportedAt = Date.now();
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), gridWorker)).body as { grievanceId: string; gridId: string; status: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === reported.body.id),
      'the new grid worker has the ticket',
      15_000,
    );
    expect(tickets.find((t) => t.grievanceId === reported.body.id)).toMatchObject({ gridId: 'xiangyun-north-hill-g1', status: 'dispatched' });
    await eventually(
      async () => (await call(intake(`/v1/grievances/${reported.body.id}`), rider)).body as { holder?: { type: string; id: string } },
      (m) => m.holder?.type === 'grid_worker' && m.holder.id === 'gw-north-hill-1',
      'the rider sees the new grid worker holding it',
      15_000,
    );
    console.log(`directory: grid live in grid-dispatch ${((reportedAt - addedAt) / 1000).toFixed(1)} s after it was added; ticket dispatched ${((Date.now() - reportedAt) / 1000).toFixed(1)} s after the report`);
  });

  it('stops giving tickets to a retired grid worker, and keeps them in the directory as history', async () => {
    const retired = await call(routing('/v1/directory/grid-workers/gw-north-hill-1/retire'), admin, { body: { expectedVersion: 1 } });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id: 'gw-north-hill-1', retired: true, version: 2 });
    await eventually(
      async () => (await call(dispatch('/v1/grids/xiangyun-north-hill-g1/workers'), admin)).body as { id: string }[],
      (list) => Array.isArray(list) && list.length === 0,
      'grid-dispatch retired the worker',
      15_000,
    );
    const listed = (await call(routing('/v1/directory/grid-workers?gridId=xiangyun-north-hill-g1'), admin)).body as { items: { id: string; retired: boolean }[] };
    expect(listed.items).toEqual([expect.objectContaining({ id: 'gw-north-hill-1', retired: true })]);
  });
});
