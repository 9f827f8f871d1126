import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * A misrouted hazard across the five services as processes: municipal works finds the hole
 * is on a private courtyard and returns it (退单) with a photo; routing re-routes it to the
 * district's fallback owner (兜底), which resolves it; the rider follows along and the
 * auditor's trace shows the return with its evidence.
 */

// Inside the demo city's grid xiangyun-yuhua-g1, whose district's fallback owner is urban management.
const COURTYARD = { lat: 28.662, lng: 115.822, address: 'Courtyard behind Yuhua Rd 12' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';

describe('a department returns a misrouted hazard across the five services', () => {
  let system: RunningSystem;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;

  const photoBy = (token: string) => uploadPhoto(system, token, 'site.png');

  const inboxHas = async (token: string, id: string) =>
    eventually(async () => (await call(routing('/v1/inbox'), token)).body, (inbox) => JSON.stringify(inbox).includes(id), `${id} in the inbox`);

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('re-routes it to the fallback owner, which resolves it, with the return and its photo in the trace', async () => {
    const rider = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    const gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    const works = await tokenFor({ sub: 'officer-mw-returns', role: 'department', departmentCode: 'municipal_works' });
    const urban = await tokenFor({ sub: 'officer-um-returns', role: 'department', departmentCode: 'urban_management' });
    const auditor = await tokenFor({ sub: 'auditor-returns', role: 'auditor' });
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);

    const submitted = await call(intake('/v1/grievances'), rider, {
      body: {
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Manhole cover missing in the courtyard',
        description: 'An open hole where riders park.',
        urgency: 'urgent',
        location: COURTYARD,
        attachmentIds: [await photoBy(rider)],
      },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;

    const ticket = await eventually(
      async () => ((await call(dispatch('/v1/tickets'), gridWorker)).body as { id: string; grievanceId: string }[]).find((t) => t.grievanceId === id),
      (t) => t !== undefined,
      'the ticket reaches the grid worker',
    );
    expect((await call(dispatch(`/v1/tickets/${ticket!.id}/accept`), gridWorker, { method: 'POST' })).status).toBe(200);
    const verified = await call(dispatch(`/v1/tickets/${ticket!.id}/verify`), gridWorker, {
      body: { verdict: 'confirmed', note: 'Hole confirmed.', position: { lat: COURTYARD.lat + 0.0003, lng: COURTYARD.lng }, attachmentIds: [await photoBy(gridWorker)] },
    });
    expect(verified.status).toBe(200);

    await inboxHas(works, id);
    const photo = await photoBy(works);
    const returned = await call(routing(`/v1/matters/${id}/return`), works, { body: { reason: 'A private courtyard, not a public road.', attachmentIds: [photo] } });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ departmentCode: 'urban_management', bounces: 1 });

    // The rider sees who holds it now.
    await eventually(
      async () => (await call(intake(`/v1/grievances/${id}`), rider)).body,
      (m) => m?.holder?.id === 'urban_management',
      'the rider sees urban management holding it',
    );
    await inboxHas(urban, id);
    expect((await call(routing(`/v1/matters/${id}/accept`), urban, { method: 'POST' })).status).toBe(200);
    expect((await call(routing(`/v1/matters/${id}/resolve`), urban, { body: { resolution: 'The estate management fitted a cover.' } })).status).toBe(200);
    await eventually(async () => (await call(intake(`/v1/grievances/${id}`), rider)).body, (m) => m?.status === 'resolved', 'resolved for the rider');

    const trace = await eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => Array.isArray(t?.events) && t.events.some((e: { type: string }) => e.type === 'grievance.resolved'),
      'the audit trace up to the resolution',
    );
    expect(trace.verified).toBe(true);
    const back = trace.events.find((e: { type: string }) => e.type === 'grievance.department-returned');
    expect(back?.payload).toMatchObject({ fromHolder: { id: 'municipal_works' }, toHolder: { id: 'urban_management' }, attachmentIds: [photo], bounces: 1 });
  });
});
