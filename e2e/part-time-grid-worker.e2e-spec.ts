import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * 骑手发单—网格员派单—部门接单, across the services as processes: an admin appoints a rider as the
 * part-time grid worker (兼职网格员) of Shiquan village's second grid; the rider reports
 * flying-wire charging there with a photo, as themself. Their report is the on-site check: the
 * fire brigade has it straight away, nobody is dispatched to check it again, and the rider's work
 * shows in the audit's trace and in its figures by grid worker.
 */

const GRID = 'hongcheng-shiquancun-g2';
// Inside the demo city's grid hongcheng-shiquancun-g2.
const STAIRWELL = { lat: 28.7, lng: 115.99, address: 'Shiquan village, building 3' };

describe('a part-time grid worker’s own report reaches the department without a second check', () => {
  let system: RunningSystem;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;

  beforeAll(async () => {
    system = await startSystem();
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('takes the rider’s report with a photo in their own grid as the check, and the fire brigade resolves it', async () => {
    const riderId = `rider-${randomUUID()}`;
    const gridWorkerId = `gw-${GRID}-rider-${randomUUID().slice(0, 8)}`;
    const admin = await tokenFor({ sub: 'admin-part-time', role: 'admin' });
    const rider = await tokenFor({ sub: riderId, role: 'worker' });
    const fire = await tokenFor({ sub: 'officer-fire-part-time', role: 'department', departmentCode: 'fire' });
    const auditor = await tokenFor({ sub: 'auditor-part-time', role: 'auditor' });
    const from = new Date(Date.now() - 60_000).toISOString();

    // Appointment through the directory API: part-time only.
    const fullTime = await call(routing('/v1/directory/grid-workers'), admin, { body: { id: gridWorkerId, name: 'Li Wei', gridId: GRID, employment: 'full_time', workerId: riderId } });
    expect(fullTime.status).toBe(400);
    expect(fullTime.body).toMatchObject({ details: { field: 'employment' } });
    const appointed = await call(routing('/v1/directory/grid-workers'), admin, { body: { id: gridWorkerId, name: 'Li Wei', gridId: GRID, employment: 'part_time', workerId: riderId } });
    expect(appointed.status).toBe(201);
    expect(appointed.body).toMatchObject({ workerId: riderId, employment: 'part_time' });
    await eventually(
      async () => (await call(dispatch(`/v1/grids/${GRID}/workers`), admin)).body as { id: string }[],
      (workers) => Array.isArray(workers) && workers.some((w) => w.id === gridWorkerId),
      'grid-dispatch knows the appointment',
    );

    const submitted = await call(intake('/v1/grievances'), rider, {
      body: {
        kind: 'hazard',
        category: 'flying_wire_charging',
        title: 'Flying-wire charging in the stairwell',
        description: 'A cable from the third floor window to an e-bike.',
        urgency: 'urgent',
        location: STAIRWELL,
        attachmentIds: [await uploadPhoto(system, rider, 'stairwell.png')],
      },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;

    // The fire brigade has it, checked on site by the rider as grid worker.
    await eventually(async () => (await call(routing('/v1/inbox'), fire)).body, (inbox) => JSON.stringify(inbox).includes(id), 'the grievance in the fire brigade’s inbox');
    const seen = await eventually(
      async () => (await call(intake(`/v1/grievances/${id}`), rider)).body,
      (m) => m?.holder?.id === 'fire',
      'the rider sees the fire brigade holding it',
    );
    expect(seen.status).toBe('verified');
    // Nobody else was sent to check it: the grid's tickets hold one, the rider's own, checked.
    const mine = (await call(dispatch('/v1/tickets'), await tokenFor({ sub: gridWorkerId, role: 'grid_worker', gridId: GRID }))).body as { grievanceId: string; status: string; verdict: string }[];
    expect(mine.find((t) => t.grievanceId === id)).toMatchObject({ status: 'verified', verdict: 'confirmed' });

    expect((await call(routing(`/v1/matters/${id}/accept`), fire, { method: 'POST' })).status).toBe(200);
    expect((await call(routing(`/v1/matters/${id}/resolve`), fire, { body: { resolution: 'The cable was removed; a charging point is planned.' } })).status).toBe(200);
    await eventually(async () => (await call(intake(`/v1/grievances/${id}`), rider)).body, (m) => m?.status === 'resolved', 'resolved for the rider');

    const trace = await eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => Array.isArray(t?.events) && t.events.some((e: { type: string }) => e.type === 'grievance.resolved'),
      'the audit trace up to the resolution',
    );
    expect(trace.verified).toBe(true);
    const types = trace.events.map((e: { type: string }) => e.type) as string[];
    expect(types).not.toContain('ticket.dispatched');
    expect(types).not.toContain('ticket.accepted');
    expect(trace.events.find((e: { type: string }) => e.type === 'ticket.verified')).toMatchObject({
      actor: { id: gridWorkerId, role: 'grid_worker' },
      payload: { gridWorkerId, verdict: 'confirmed' },
    });
    expect(trace.events.find((e: { type: string }) => e.type === 'grievance.assigned')?.payload).toMatchObject({ departmentCode: 'fire', reason: 'verified_on_site' });

    // The rider's work counts in the figures by grid worker.
    const rates = await eventually(
      async () => (await call(audit(`/v1/rates?groupBy=grid_worker&from=${encodeURIComponent(from)}`), auditor)).body as { items?: { group: string; received: number; responded: number }[] },
      (r) => Array.isArray(r?.items) && r.items.some((i) => i.group === gridWorkerId),
      'the audit figures by grid worker',
    );
    expect(rates.items!.find((i) => i.group === gridWorkerId)).toMatchObject({ received: 1, responded: 1 });
  });
});
