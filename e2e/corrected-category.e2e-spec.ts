import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * A hazard filed under the wrong category, across the services as processes: a rider reports
 * "missing manhole cover" where there is in fact a fire hazard; the grid worker confirms it on
 * site and corrects the category; routing hands it to the fire brigade (the corrected category's
 * owner) instead of municipal works, which resolves it. The rider's tracking view and the
 * auditor's trace and grievance index show the corrected category.
 */

// Inside the demo city's grid xiangyun-yuhua-g1.
const SITE = { lat: 28.6605, lng: 115.8205, address: 'Yuhua Rd 30, ground floor' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';

describe('a category corrected at the on-site check across the services', () => {
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
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('routes the grievance to the department owning the corrected category, which resolves it', async () => {
    const rider = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    const gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    const works = await tokenFor({ sub: 'officer-mw-corrected', role: 'department', departmentCode: 'municipal_works' });
    const fire = await tokenFor({ sub: 'officer-fire-corrected', role: 'department', departmentCode: 'fire' });
    const auditor = await tokenFor({ sub: 'auditor-corrected', role: 'auditor' });
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);

    const submitted = await call(intake('/v1/grievances'), rider, {
      body: {
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Something dangerous by the door',
        description: 'Wires hanging out of a window to charge e-bikes.',
        urgency: 'urgent',
        location: SITE,
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
    const check = { verdict: 'confirmed', note: 'A fire hazard, not a manhole.', position: { lat: SITE.lat + 0.0003, lng: SITE.lng }, attachmentIds: [await photoBy(gridWorker)] };
    const wrong = await call(dispatch(`/v1/tickets/${ticket!.id}/verify`), gridWorker, { body: { ...check, correctedCategory: 'no_such_category' } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('correctedCategory');
    const verified = await call(dispatch(`/v1/tickets/${ticket!.id}/verify`), gridWorker, { body: { ...check, correctedCategory: 'fire_hazard' } });
    expect(verified.status).toBe(200);

    // The fire brigade has it, municipal works never does.
    await inboxHas(fire, id);
    expect(JSON.stringify((await call(routing('/v1/inbox'), works)).body)).not.toContain(id);

    // The rider sees the corrected category and the fire brigade holding it.
    await eventually(
      async () => (await call(intake(`/v1/grievances/${id}`), rider)).body,
      (m) => m?.holder?.id === 'fire' && m?.category === 'fire_hazard',
      'the rider sees the corrected category, held by the fire brigade',
    );
    expect((await call(routing(`/v1/matters/${id}/accept`), fire, { method: 'POST' })).status).toBe(200);
    expect((await call(routing(`/v1/matters/${id}/resolve`), fire, { body: { resolution: 'The flying wires were removed.' } })).status).toBe(200);
    await eventually(async () => (await call(intake(`/v1/grievances/${id}`), rider)).body, (m) => m?.status === 'resolved', 'resolved for the rider');

    const trace = await eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => Array.isArray(t?.events) && t.events.some((e: { type: string }) => e.type === 'grievance.resolved'),
      'the audit trace up to the resolution',
    );
    expect(trace.verified).toBe(true);
    const check_ = trace.events.find((e: { type: string }) => e.type === 'ticket.verified');
    expect(check_?.payload).toMatchObject({ verdict: 'confirmed', correctedCategory: 'fire_hazard' });
    const assigned = trace.events.find((e: { type: string }) => e.type === 'grievance.assigned');
    expect(assigned?.payload).toMatchObject({ departmentCode: 'fire', reason: 'verified_on_site' });
    const grievances = await eventually(
      async () => (await call(audit(`/v1/matters?trackingNo=${submitted.body.trackingNo as string}`), auditor)).body,
      (page) => JSON.stringify(page).includes('fire_hazard'),
      'the grievance index shows the corrected category',
    );
    expect(JSON.stringify(grievances)).toContain('"departmentCode":"fire"');
  });
});
