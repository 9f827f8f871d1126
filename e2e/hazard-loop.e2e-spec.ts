import { randomUUID } from 'node:crypto';
import { waitForMessages } from '@grievance/testing';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto as upload } from './system-harness';

/**
 * The seeds' core closed loop, driven only through the services' HTTP APIs and a plain
 * Kafka read of the department's topic: a rider photographs a missing manhole cover; the
 * grid worker of that neighbourhood checks it on site; municipal works fixes it; the rider
 * is told, rates it, and earns points.
 */

// Inside the demo city's grid xiangyun-yuhua-g1 (deploy/seed/demo-city).
const CROSSROADS = { lat: 28.66, lng: 115.82, address: 'Yuhua Rd / Qingshan Rd crossroads' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';


describe('the hazard loop across the five services', () => {
  let system: RunningSystem;
  let rider: string;
  let otherRider: string;
  let gridWorker: string;
  let department: string;
  const timings: Record<string, number> = {};

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const feedback = (path: string) => `${system.url('feedback')}${path}`;

  const uploadPhoto = (token: string) => upload(system, token, 'manhole.png');

  const grievance = async (token: string, id: string) => (await call(intake(`/v1/grievances/${id}`), token)).body;

  async function reportManhole(token: string, extra: Record<string, unknown> = {}) {
    const photo = await uploadPhoto(token);
    return call(intake('/v1/grievances'), token, {
      body: {
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Manhole cover missing at the crossroads',
        description: 'The cover is gone; riders swerve into traffic to avoid the hole.',
        urgency: 'urgent',
        location: CROSSROADS,
        attachmentIds: [photo],
        ...extra,
      },
    });
  }

  async function ticketOf(grievanceId: string) {
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), gridWorker)).body as { id: string; grievanceId: string; status: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === grievanceId),
      'the grid worker sees the ticket',
    );
    return tickets.find((t) => t.grievanceId === grievanceId)!;
  }

  /** The grid worker accepts the ticket, goes there (30 m from the reported point) and checks it. */
  async function verifyOnSite(grievanceId: string, at: { lat: number; lng: number }, verdict: 'confirmed' | 'invalid', note: string) {
    const ticket = await ticketOf(grievanceId);
    expect((await call(dispatch(`/v1/tickets/${ticket.id}/accept`), gridWorker, { method: 'POST' })).status).toBe(200);
    const photo = await uploadPhoto(gridWorker);
    const verified = await call(dispatch(`/v1/tickets/${ticket.id}/verify`), gridWorker, {
      body: { verdict, note, position: { lat: at.lat + 0.0003, lng: at.lng }, attachmentIds: [photo] },
    });
    expect(verified.status).toBe(200);
  }

  beforeAll(async () => {
    // Real-time deadlines: the grid worker has the default half hour to accept.
    system = await startSystem();
    rider = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    otherRider = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    department = await tokenFor({ sub: 'officer-mw-1', role: 'department', departmentCode: 'municipal_works' });
    // Only one grid worker of the grid on duty, so the dispatch is predictable.
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);
  });

  afterAll(async () => {
    await system?.stop();
    console.log(`hazard loop step latencies (ms): ${JSON.stringify(timings)}`);
  });

  it('takes a missing manhole cover from the report to closed, with the department told on its topic and points for the rider', async () => {
    let t = Date.now();
    const submitted = await reportManhole(rider);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', trackingNo: expect.stringMatching(/^NC-\d{8}-\d{6}$/) });
    const id = submitted.body.id as string;
    timings.submit = Date.now() - t;

    t = Date.now();
    const dispatched = await eventually(() => grievance(rider, id), (m) => m?.status === 'dispatched', 'dispatched to the grid worker');
    expect(dispatched.holder).toMatchObject({ type: 'grid_worker', id: GRID_WORKER });
    timings.submitToDispatched = Date.now() - t;

    t = Date.now();
    await verifyOnSite(id, CROSSROADS, 'confirmed', 'Cover missing, cordoned off with cones.');
    const [issue] = await waitForMessages(system.kafka, 'department.municipal_works.issues.v1', 1, (m) => m.key === id);
    expect(JSON.parse(issue!.value!).payload).toMatchObject({
      departmentCode: 'municipal_works',
      category: 'manhole_cover_missing',
      trackingNo: submitted.body.trackingNo,
    });
    const verified = await eventually(() => grievance(rider, id), (m) => m?.status === 'verified', 'handed to municipal works');
    expect(verified.holder).toMatchObject({ type: 'department', id: 'municipal_works' });
    timings.verifyToDepartment = Date.now() - t;

    t = Date.now();
    await eventually(
      async () => (await call(routing('/v1/inbox'), department)).body,
      (inbox) => JSON.stringify(inbox).includes(id),
      'in the department inbox',
    );
    expect((await call(routing(`/v1/matters/${id}/accept`), department, { method: 'POST' })).status).toBeLessThan(300);
    const resolved = await call(routing(`/v1/matters/${id}/resolve`), department, { body: { resolution: 'New cover fitted and locked.' } });
    expect(resolved.status).toBeLessThan(300);
    await eventually(() => grievance(rider, id), (m) => m?.status === 'resolved', 'resolved for the rider');
    timings.acceptResolveToRider = Date.now() - t;

    t = Date.now();
    const rated = await call(feedback(`/v1/grievances/${id}/rating`), rider, { body: { rating: 'satisfied', comment: 'Fixed in two hours.' } });
    expect(rated.status).toBe(201);
    const closed = await eventually(() => grievance(rider, id), (m) => m?.status === 'closed', 'closed');
    timings.ratingToClosed = Date.now() - t;
    expect(closed.history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['grievance.submitted', 'grievance.routed', 'ticket.dispatched', 'ticket.verified', 'grievance.resolved', 'grievance.closed']),
    );

    const points = await eventually(async () => (await call(feedback('/v1/points/me'), rider)).body, (p) => p?.balance === 10, 'points awarded');
    expect(points.entries).toHaveLength(1);
    const notifications = (await call(feedback('/v1/notifications'), rider)).body.items as { grievanceId: string }[];
    expect(notifications.filter((n) => n.grievanceId === id).length).toBeGreaterThanOrEqual(4);
  });

  it('answers an idempotent resubmission with the same grievance, and a changed body under the same key with 422', async () => {
    const key = randomUUID();
    const body = { kind: 'suggestion', category: 'golden_idea', title: 'Shaded waiting spots', description: 'Awnings at the delivery station.' };
    const first = await call(intake('/v1/grievances'), otherRider, { body, headers: { 'idempotency-key': key } });
    if (first.status === 400) throw new Error(`the suggestion was refused: ${JSON.stringify(first.body)}`);
    expect(first.status).toBe(201);
    const again = await call(intake('/v1/grievances'), otherRider, { body, headers: { 'idempotency-key': key } });
    expect(again).toEqual(first);
    const changed = await call(intake('/v1/grievances'), otherRider, { body: { ...body, title: 'Other' }, headers: { 'idempotency-key': key } });
    expect(changed.status).toBe(422);
    const mine = (await call(intake('/v1/grievances'), otherRider)).body.items as { id: string }[];
    expect(mine.filter((m) => m.id === first.body.id)).toHaveLength(1);
  });

  it('links a second report of the same hole as a duplicate that follows the first', async () => {
    const first = await reportManhole(rider, { location: { lat: 28.67, lng: 115.825 } });
    const second = await reportManhole(otherRider, { location: { lat: 28.6702, lng: 115.8251 } });
    expect(second.status).toBe(201);
    const view = await eventually(() => grievance(otherRider, second.body.id), (m) => Boolean(m?.duplicateOf), 'linked as a duplicate');
    expect(view.duplicateOf).toBe(first.body.id);
  });

  it('rejects a report the grid worker finds invalid on site and tells the rider why', async () => {
    const place = { lat: 28.645, lng: 115.81 };
    const report = await reportManhole(otherRider, { location: place });
    const id = report.body.id as string;
    await eventually(() => grievance(otherRider, id), (m) => m?.status === 'dispatched', 'dispatched');
    await verifyOnSite(id, place, 'invalid', 'The cover is in place; nothing to fix.');
    await eventually(() => grievance(otherRider, id), (m) => m?.status === 'rejected' || m?.status === 'closed', 'rejected');
    const notifications = await eventually(
      async () => (await call(feedback('/v1/notifications'), otherRider)).body.items as { grievanceId: string; message: string }[],
      (items) => items.some((n) => n.grievanceId === id && n.message.includes('nothing to fix')),
      'the rider is told why',
    );
    // In Chinese by default, in English when asked.
    const why = (items: { grievanceId: string; message: string }[]) => items.filter((n) => n.grievanceId === id && n.message.includes('nothing to fix')).map((n) => n.message);
    expect(why(notifications)).toContain('网格员到现场未能核实您反映的问题：The cover is in place; nothing to fix.');
    const english = (await call(feedback('/v1/notifications'), otherRider, { headers: { 'accept-language': 'en' } })).body.items;
    expect(why(english)).toContain('The grid worker could not confirm the problem on site: The cover is in place; nothing to fix.');
  });

  it('reopens a grievance to the department when the rider is unsatisfied', async () => {
    const place = { lat: 28.655, lng: 115.83 };
    const report = await reportManhole(rider, { location: place });
    const id = report.body.id as string;
    await eventually(() => grievance(rider, id), (m) => m?.status === 'dispatched', 'dispatched');
    await verifyOnSite(id, place, 'confirmed', 'Missing cover confirmed.');
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'in the inbox');
    await call(routing(`/v1/matters/${id}/resolve`), department, { body: { resolution: 'Temporary plate laid.' } });
    await eventually(() => grievance(rider, id), (m) => m?.status === 'resolved', 'resolved');
    const rated = await call(feedback(`/v1/grievances/${id}/rating`), rider, { body: { rating: 'unsatisfied', comment: 'A plate is not a cover.' } });
    expect(rated.status).toBe(201);
    const reopened = await eventually(() => grievance(rider, id), (m) => m?.status === 'in_progress', 'reopened');
    expect(reopened.holder).toMatchObject({ type: 'department', id: 'municipal_works' });
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'back in the inbox');
  });

  it('refuses bad input with 400 naming the field and makes no grievance', async () => {
    const before = (await call(intake('/v1/grievances'), otherRider)).body.items.length as number;
    const noLocation = await call(intake('/v1/grievances'), otherRider, {
      body: { kind: 'hazard', category: 'manhole_cover_missing', title: 'x', description: 'y' },
    });
    expect(noLocation.status).toBe(400);
    expect(JSON.stringify(noLocation.body.message)).toContain('location');
    const badLat = await call(intake('/v1/grievances'), otherRider, {
      body: { kind: 'hazard', category: 'manhole_cover_missing', title: 'x', description: 'y', location: { lat: 123, lng: 115.8 } },
    });
    expect(badLat.status).toBe(400);
    expect(JSON.stringify(badLat.body.message)).toContain('lat');
    expect((await call(intake('/v1/grievances'), otherRider)).body.items.length).toBe(before);
  });
});
