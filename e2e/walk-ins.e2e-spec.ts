import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * A rider walks into the Yuhua Warm Station (玉华暖心驿站) and tells the staff about a missing
 * manhole cover; Li Na logs it for him with his verbal consent. It is his grievance: the grid
 * worker checks it on site, municipal works fixes it, the rider rates it from his own phone
 * and it closes. The station follows it in its list; another station sees none of it; the
 * auditor's trace says where, by whom and for whom it was logged.
 */

// Inside the demo city's grid xiangyun-yuhua-g1 (deploy/seed/demo-city), as in co-reporters.
const HOLE = { lat: 28.662, lng: 115.822, address: 'Yuhua Rd, by the bus stop' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';
const YUHUA = 'st-xiangyun-yuhua';
const CHAOYANG = 'st-binjiang-chaoyang';

describe('a walk-in at a station', () => {
  let system: RunningSystem;
  let riderId: string;
  let rider: string;
  let liNa: string;
  let zhaoLei: string;
  let gridWorker: string;
  let department: string;
  let auditor: string;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const feedback = (path: string) => `${system.url('feedback')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;
  const grievance = async (token: string, id: string) => (await call(intake(`/v1/grievances/${id}`), token, { headers: { 'accept-language': 'zh-CN' } })).body;
  const stationList = async (token: string) => (await call(intake('/v1/stations/me/walk-ins'), token)).body as { stationName: string; items: { id: string; status: string; workerId: string; staffId: string; consentMethod: string }[] };

  beforeAll(async () => {
    system = await startSystem();
    riderId = `rider-${randomUUID()}`;
    rider = await tokenFor({ sub: riderId, role: 'worker' });
    liNa = await tokenFor({ sub: 'staff-yuhua-li-na', role: 'station_staff', stationId: YUHUA });
    zhaoLei = await tokenFor({ sub: 'staff-chaoyang-zhao-lei', role: 'station_staff', stationId: CHAOYANG });
    gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    department = await tokenFor({ sub: 'officer-mw-walk-in', role: 'department', departmentCode: 'municipal_works' });
    auditor = await tokenFor({ sub: 'auditor-walk-ins', role: 'auditor' });
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);
    // Intake has the stations once routing's import reached it.
    await eventually(() => call(intake('/v1/stations/me/walk-ins'), liNa), (r) => r.status === 200, 'the demo stations in intake', 60_000);
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('is logged for the rider with his consent, goes the whole hazard loop as his, and shows in his list and the station’s', async () => {
    const photo = await uploadPhoto(system, liNa, 'hole-from-the-rider.png');
    const body = {
      kind: 'hazard',
      category: 'manhole_cover_missing',
      title: '公交站旁井盖缺失',
      description: '骑手来驿站反映：非机动车道上井盖缺失。',
      urgency: 'urgent',
      location: HOLE,
      attachmentIds: [photo],
      workerId: riderId,
      workerPhone: '13812345678',
      consent: { given: true, method: 'verbal' },
    };
    // Without consent nothing is logged.
    const { consent: _consent, ...withoutConsent } = body;
    const refused = await call(intake('/v1/stations/me/walk-ins'), liNa, { body: withoutConsent });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('consent');

    const key = `walk-in-${randomUUID()}`;
    const logged = await call(intake('/v1/stations/me/walk-ins'), liNa, { body, headers: { 'idempotency-key': key } });
    expect(logged.status).toBe(201);
    const id = logged.body.id as string;
    // A retry with the same key (the counter's network dropped the answer) is the same grievance.
    expect((await call(intake('/v1/stations/me/walk-ins'), liNa, { body, headers: { 'idempotency-key': key } })).body).toEqual(logged.body);

    // It is the rider's: in his own list, with a history that says where it was logged.
    const mine = (await call(intake('/v1/grievances'), rider)).body.items as { id: string }[];
    expect(mine.map((m) => m.id)).toEqual([id]);
    const first = await grievance(rider, id);
    expect(first.history[0]).toMatchObject({ type: 'grievance.submitted', actor: { id: 'staff-yuhua-li-na', role: 'station_staff' } });
    expect(first.history[0].summary).toContain('玉华暖心驿站');

    // Dispatched to the grid worker, who confirms it on site; municipal works takes it.
    await eventually(() => grievance(rider, id), (m) => m?.status === 'dispatched', 'dispatched to the grid worker');
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), gridWorker)).body as { id: string; grievanceId: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === id),
      'the grid worker sees the ticket',
    );
    const ticket = tickets.find((t) => t.grievanceId === id)!;
    expect((await call(dispatch(`/v1/tickets/${ticket.id}/accept`), gridWorker, { method: 'POST' })).status).toBe(200);
    const evidence = await uploadPhoto(system, gridWorker, 'on-site.png');
    const verified = await call(dispatch(`/v1/tickets/${ticket.id}/verify`), gridWorker, {
      body: { verdict: 'confirmed', note: '井盖缺失，已设锥桶。', position: { lat: HOLE.lat + 0.0003, lng: HOLE.lng }, attachmentIds: [evidence] },
    });
    expect([verified.status, verified.body]).toEqual([200, expect.anything()]);
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'in the department inbox');
    expect((await call(routing(`/v1/matters/${id}/accept`), department, { method: 'POST' })).status).toBeLessThan(300);
    expect((await call(routing(`/v1/matters/${id}/resolve`), department, { body: { resolution: '已更换新井盖并加锁。' } })).status).toBeLessThan(300);

    // The station follows it as it moves.
    const resolvedAtStation = await eventually(() => stationList(liNa), (l) => l.items.find((i) => i.id === id)?.status === 'resolved', 'resolved in the station list');
    expect(resolvedAtStation.items.find((i) => i.id === id)).toMatchObject({ workerId: riderId, staffId: 'staff-yuhua-li-na', consentMethod: 'verbal' });

    // The rider rates it himself; the station cannot rate for him.
    await eventually(() => grievance(rider, id), (m) => m?.status === 'resolved', 'resolved for the rider');
    expect((await call(feedback(`/v1/grievances/${id}/rating`), liNa, { body: { rating: 'satisfied' } })).status).toBe(403);
    expect((await call(feedback(`/v1/grievances/${id}/rating`), rider, { body: { rating: 'satisfied' } })).status).toBe(201);
    await eventually(() => grievance(rider, id), (m) => m?.status === 'closed', 'closed for the rider');
    const ownList = (await call(intake('/v1/grievances'), rider)).body.items as { id: string; status: string }[];
    expect(ownList.find((m) => m.id === id)?.status).toBe('closed');
    const closedAtStation = await eventually(() => stationList(liNa), (l) => l.items.find((i) => i.id === id)?.status === 'closed', 'closed in the station list');
    expect(closedAtStation.stationName).toContain('玉华暖心驿站');

    // Another station sees nothing of it.
    expect((await stationList(zhaoLei)).items).toEqual([]);
    expect((await call(intake(`/v1/grievances/${id}`), zhaoLei)).status).toBe(404);

    // The auditor's trace names the station, the staff member, the rider and the consent.
    const trace = await eventually(async () => (await call(audit(`/v1/trace/${id}`), auditor)).body, (t) => t?.events?.some((e: { type: string }) => e.type === 'grievance.closed'), 'the audit trace up to the close');
    expect(trace.verified).toBe(true);
    expect(trace.events[0]).toMatchObject({
      type: 'grievance.submitted',
      actor: { id: 'staff-yuhua-li-na', role: 'station_staff' },
      loggedAt: { summary: `logged at station ${YUHUA} by staff-yuhua-li-na for worker ${riderId}, consent verbal` },
    });
  });
});
