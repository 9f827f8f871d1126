import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * Two riders report the same missing manhole cover: the second report is joined to the first
 * and its rider follows it as a co-reporter. Municipal works fixes it and photographs the fix;
 * both riders see it resolved with the photo, which they and nobody else of the riders can
 * download; the first rider rates it, and both are told it closed.
 */

// Inside the demo city's grid xiangyun-yuhua-g1 (deploy/seed/demo-city).
const HOLE = { lat: 28.662, lng: 115.822, address: 'Yuhua Rd, by the bus stop' };
const NEXT_TO_IT = { lat: 28.6621, lng: 115.8221, address: 'Yuhua Rd bus stop' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';

describe('co-reporters of one hazard', () => {
  let system: RunningSystem;
  let first: string;
  let second: string;
  let third: string;
  let gridWorker: string;
  let department: string;
  let auditor: string;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const feedback = (path: string) => `${system.url('feedback')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;

  const grievance = async (token: string, id: string) => (await call(intake(`/v1/grievances/${id}`), token, { headers: { 'accept-language': 'en' } })).body;
  const download = async (token: string, url: string) => {
    const response = await fetch(intake(url), { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    return { status: response.status, type: response.headers.get('content-type') };
  };
  const notifications = async (token: string) =>
    (await call(feedback('/v1/notifications'), token, { headers: { 'accept-language': 'en' } })).body.items as { grievanceId: string; eventType: string; message: string }[];

  const report = async (token: string, location: typeof HOLE) =>
    call(intake('/v1/grievances'), token, {
      body: {
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Manhole cover missing by the bus stop',
        description: 'Open hole in the cycle lane.',
        urgency: 'urgent',
        location,
        attachmentIds: [await uploadPhoto(system, token, 'hole.png')],
      },
    });

  beforeAll(async () => {
    system = await startSystem();
    first = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    second = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    third = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    department = await tokenFor({ sub: 'officer-mw-2', role: 'department', departmentCode: 'municipal_works' });
    auditor = await tokenFor({ sub: 'auditor-co-reporters', role: 'auditor' });
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows both riders the fix and its photo, which only they download, and tells both when it closes', async () => {
    const original = await report(first, HOLE);
    expect(original.status).toBe(201);
    const id = original.body.id as string;
    const duplicate = await report(second, NEXT_TO_IT);
    expect(duplicate.status).toBe(201);
    const duplicateId = duplicate.body.id as string;
    const joined = await grievance(second, duplicateId);
    expect(joined).toMatchObject({ duplicateOf: id, original: { id, trackingNo: original.body.trackingNo } });

    // The grid worker confirms the first report on site; municipal works takes it.
    await eventually(() => grievance(first, id), (m) => m?.status === 'dispatched', 'dispatched to the grid worker');
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), gridWorker)).body as { id: string; grievanceId: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === id),
      'the grid worker sees the ticket',
    );
    const ticket = tickets.find((t) => t.grievanceId === id)!;
    expect((await call(dispatch(`/v1/tickets/${ticket.id}/accept`), gridWorker, { method: 'POST' })).status).toBe(200);
    const evidence = await uploadPhoto(system, gridWorker, 'on-site.png');
    const verified = await call(dispatch(`/v1/tickets/${ticket.id}/verify`), gridWorker, {
      body: { verdict: 'confirmed', note: 'Cover missing, coned off.', position: { lat: HOLE.lat + 0.0003, lng: HOLE.lng }, attachmentIds: [evidence] },
    });
    expect(verified.status).toBe(200);
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'in the department inbox');
    // The second rider sees the first report move, as the grievance they were joined to.
    expect((await grievance(second, duplicateId)).status).not.toBe('submitted');

    // Municipal works fixes it and photographs the fix.
    expect((await call(routing(`/v1/matters/${id}/accept`), department, { method: 'POST' })).status).toBeLessThan(300);
    const fix = await uploadPhoto(system, department, 'new-cover.png');
    const resolved = await call(routing(`/v1/matters/${id}/resolve`), department, { body: { resolution: 'New cover fitted and locked.', attachmentIds: [fix] } });
    expect(resolved.status).toBeLessThan(300);

    const photo = { id: fix, url: `/v1/attachments/${fix}` };
    const firstView = await eventually(() => grievance(first, id), (m) => m?.status === 'resolved', 'resolved for the first rider');
    expect(firstView.resolution).toMatchObject({ resolution: 'New cover fitted and locked.', resolvedBy: { type: 'department', id: 'municipal_works' }, attachments: [photo] });
    const secondView = await eventually(() => grievance(second, duplicateId), (m) => m?.status === 'resolved', 'resolved for the second rider');
    expect(secondView).toMatchObject({
      id: duplicateId,
      trackingNo: duplicate.body.trackingNo,
      status: 'resolved',
      resolution: { resolution: 'New cover fitted and locked.', attachments: [photo] },
      original: { id, trackingNo: original.body.trackingNo, status: 'resolved' },
    });
    expect(secondView.original.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['ticket.verified', 'grievance.resolved']));
    const secondList = (await call(intake('/v1/grievances'), second)).body.items as { id: string; status: string; original?: { trackingNo: string } }[];
    expect(secondList.find((m) => m.id === duplicateId)).toMatchObject({ status: 'resolved', original: { trackingNo: original.body.trackingNo } });

    // The fix photo: both riders download it; a third rider gets the same 404 as for nothing there.
    expect(await download(first, photo.url)).toEqual({ status: 200, type: 'image/png' });
    expect(await download(second, photo.url)).toEqual({ status: 200, type: 'image/png' });
    expect((await download(third, photo.url)).status).toBe(404);
    expect((await call(intake(`/v1/grievances/${duplicateId}`), third)).status).toBe(404);

    // Only the first rider rates it (the 12345 callback); the second is told how it ended.
    expect((await call(feedback(`/v1/grievances/${id}/rating`), second, { body: { rating: 'unsatisfied' } })).status).toBe(404);
    expect((await call(feedback(`/v1/grievances/${id}/rating`), first, { body: { rating: 'satisfied' } })).status).toBe(201);
    await eventually(() => grievance(first, id), (m) => m?.status === 'closed', 'closed for the first rider');
    const closedForSecond = await eventually(() => grievance(second, duplicateId), (m) => m?.status === 'closed', 'closed for the second rider');
    expect(closedForSecond.original.status).toBe('closed');
    expect((await download(second, photo.url)).status).toBe(200);

    const told = (items: { grievanceId: string; eventType: string }[]) => items.filter((n) => n.grievanceId === id).map((n) => n.eventType);
    const firstTold = await eventually(() => notifications(first), (items) => told(items).includes('grievance.closed'), 'the first rider told it closed');
    expect(told(firstTold)).toEqual(expect.arrayContaining(['grievance.resolved', 'grievance.closed']));
    const secondTold = await eventually(() => notifications(second), (items) => told(items).includes('grievance.closed'), 'the second rider told it closed');
    expect(secondTold.filter((n) => n.grievanceId === id).map((n) => n.message)).toEqual(
      expect.arrayContaining([
        `Municipal Works Bureau (市政工程局) resolved the report you joined (${original.body.trackingNo}); the fix photos are in your report. What was done: New cover fitted and locked.`,
        `The report you joined (${original.body.trackingNo}) is closed.`,
      ]),
    );

    // The auditor's dossiers hold the link and the resolution with its fix photo.
    const trace = await eventually(async () => (await call(audit(`/v1/trace/${id}`), auditor)).body, (t) => t?.events?.some((e: { type: string }) => e.type === 'grievance.closed'), 'the audit trace up to the close');
    expect(trace.verified).toBe(true);
    expect(trace.events.find((e: { type: string }) => e.type === 'grievance.resolved')?.payload).toMatchObject({ attachmentIds: [fix] });
    const duplicateTrace = await eventually(async () => (await call(audit(`/v1/trace/${duplicateId}`), auditor)).body, (t) => t?.events?.some((e: { type: string }) => e.type === 'grievance.linked'), 'the audit trace of the link');
    expect(duplicateTrace.events.find((e: { type: string }) => e.type === 'grievance.linked')?.payload).toMatchObject({ duplicateOf: id });
  });
});
