import { randomUUID } from 'node:crypto';
import { waitForMessages } from '@grievance/testing';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto as upload } from './system-harness';

/**
 * The reporter's recourse, driven only through the services' HTTP APIs: a rider contests a
 * grid worker's invalid verdict and another grid worker of the grid checks again; and a hazard
 * the rider is unsatisfied with twice goes up to the district's supervising office (督办).
 */

// Inside the demo city's grid xiangyun-yuhua-g1 (deploy/seed/demo-city), whose district is Xiangyun.
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKERS = ['gw-xiangyun-yuhua-g1-1', 'gw-xiangyun-yuhua-g1-2'] as const;
const SUPERVISING_OFFICE = 'xiangyun_supervision';

describe('the reporter’s recourse: a contested verdict and a second unsatisfied rating', () => {
  let system: RunningSystem;
  let rider: string;
  let department: string;
  let auditor: string;
  const gridWorker: Record<string, string> = {};

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const feedback = (path: string) => `${system.url('feedback')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;

  const grievance = async (id: string) => (await call(intake(`/v1/grievances/${id}`), rider)).body;

  async function reportManhole(place: { lat: number; lng: number }): Promise<string> {
    const photo = await upload(system, rider, 'manhole.png');
    const submitted = await call(intake('/v1/grievances'), rider, {
      body: {
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Manhole cover missing',
        description: 'The cover is gone; riders swerve into traffic to avoid the hole.',
        location: { ...place, address: 'Yuhua Road' },
        attachmentIds: [photo],
      },
    });
    expect(submitted.status).toBe(201);
    return submitted.body.id as string;
  }

  /** The grid worker the rider's view says holds the dispatched ticket. */
  async function dispatchedTo(id: string, not?: string): Promise<string> {
    const view = await eventually(
      () => grievance(id),
      (m) => m?.status === 'dispatched' && m.holder?.type === 'grid_worker' && m.holder.id !== not,
      `dispatched to a grid worker${not ? ` other than ${not}` : ''}`,
    );
    return view.holder.id as string;
  }

  /** That grid worker finds the ticket in their list, accepts it, goes there and gives a verdict. */
  async function verifyOnSite(id: string, worker: string, place: { lat: number; lng: number }, verdict: 'confirmed' | 'invalid', note: string) {
    const token = gridWorker[worker]!;
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), token)).body as { id: string; grievanceId: string; status: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === id && t.status === 'dispatched'),
      `${worker} sees the ticket`,
    );
    const ticket = tickets.find((t) => t.grievanceId === id)!;
    expect((await call(dispatch(`/v1/tickets/${ticket.id}/accept`), token, { method: 'POST' })).status).toBe(200);
    const photo = await upload(system, token, 'site.png');
    const verified = await call(dispatch(`/v1/tickets/${ticket.id}/verify`), token, {
      body: { verdict, note, position: { lat: place.lat + 0.0003, lng: place.lng }, attachmentIds: [photo] },
    });
    expect(verified.status).toBe(200);
  }

  const contest = (id: string, body: object) => call(feedback(`/v1/grievances/${id}/contest`), rider, { body });

  const traceOf = (id: string, type: string) =>
    eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => Array.isArray(t?.events) && t.events.some((e: { type: string }) => e.type === type),
      `the audit trace showing ${type}`,
    );

  beforeAll(async () => {
    system = await startSystem();
    rider = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    department = await tokenFor({ sub: 'officer-mw-1', role: 'department', departmentCode: 'municipal_works' });
    auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    for (const id of GRID_WORKERS) {
      gridWorker[id] = await tokenFor({ sub: id, role: 'grid_worker', gridId: GRID });
      // The grid workers reach grid-dispatch's copy of the directory just after the grids the harness waits for.
      await eventually(() => call(dispatch('/v1/grid-workers/me/duty'), gridWorker[id]!, { method: 'PUT', body: { onDuty: true } }), (r) => r.status === 200, `${id} on duty`);
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('sends a contested invalid verdict to the other grid worker of the grid, whose confirmation takes it to the department; a second contest is refused', async () => {
    const place = { lat: 28.65, lng: 115.815 };
    const id = await reportManhole(place);
    const first = await dispatchedTo(id);
    await verifyOnSite(id, first, place, 'invalid', 'Nothing missing here.');
    await eventually(() => grievance(id), (m) => m?.status === 'closed', 'closed on the invalid verdict');

    const missingReason = await contest(id, {});
    expect(missingReason.status).toBe(400);
    expect(JSON.stringify(missingReason.body)).toContain('reason');

    const contested = await contest(id, { reason: 'The cover is still missing; look by the bus stop, not the gate.' });
    expect(contested.status).toBe(201);
    expect(contested.body).toMatchObject({ grievanceId: id, status: 'routed' });

    // Another grid worker of the same grid gets the ticket, never the one who gave the verdict.
    const second = await dispatchedTo(id, first);
    expect(GRID_WORKERS).toContain(second);
    expect(second).not.toBe(first);
    const view = await grievance(id);
    expect(view.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['grievance.rejected', 'grievance.closed', 'grievance.contested']));

    await verifyOnSite(id, second, place, 'confirmed', 'Missing cover by the bus stop, cordoned off.');
    const verified = await eventually(() => grievance(id), (m) => m?.status === 'verified', 'handed to municipal works');
    expect(verified.holder).toMatchObject({ type: 'department', id: 'municipal_works' });
    const [issue] = await waitForMessages(system.kafka, 'department.municipal_works.issues.v1', 1, (m) => m.key === id);
    expect(JSON.parse(issue!.value!).payload).toMatchObject({ departmentCode: 'municipal_works', category: 'manhole_cover_missing' });
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'in the department inbox');

    const again = await contest(id, { reason: 'Once more.' });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('already contested once');

    const trace = await traceOf(id, 'grievance.contested');
    expect(trace.verified).toBe(true);
    const contestedEvent = trace.events.find((e: { type: string }) => e.type === 'grievance.contested');
    expect(JSON.stringify(contestedEvent)).toContain('look by the bus stop');
  });

  it('closes for good when the second grid worker finds it invalid too, and allows no second contest', async () => {
    const place = { lat: 28.67, lng: 115.815 };
    const id = await reportManhole(place);
    const first = await dispatchedTo(id);
    await verifyOnSite(id, first, place, 'invalid', 'The cover is in place.');
    await eventually(() => grievance(id), (m) => m?.status === 'closed', 'closed on the invalid verdict');
    expect((await contest(id, { reason: 'It rattles and slides off.' })).status).toBe(201);
    const second = await dispatchedTo(id, first);
    await verifyOnSite(id, second, place, 'invalid', 'Checked again: the cover is in place and firm.');
    await eventually(async () => (await call(feedback('/v1/notifications'), rider)).body.items as { grievanceId: string; eventType: string }[], (items) =>
      items.filter((n) => n.grievanceId === id && n.eventType === 'grievance.closed').length === 2, 'closed a second time');
    // Intake follows on its own topics: the second close reaches the tracking view in its time.
    await eventually(() => grievance(id), (m) => m?.status === 'closed', 'closed again in the tracking view');
    expect((await contest(id, { reason: 'Please look again.' })).status).toBe(409);
  });

  it('sends a hazard the rider is unsatisfied with twice to the district’s supervising office instead of back to the department', async () => {
    const place = { lat: 28.65, lng: 115.83 };
    const id = await reportManhole(place);
    await verifyOnSite(id, await dispatchedTo(id), place, 'confirmed', 'Missing cover confirmed.');
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'in the department inbox');

    for (const [round, resolution] of [[1, 'Temporary plate laid.'], [2, 'Plate bolted down.']] as const) {
      expect((await call(routing(`/v1/matters/${id}/resolve`), department, { body: { resolution } })).status).toBeLessThan(300);
      await eventually(() => grievance(id), (m) => m?.status === 'resolved', `resolved (${round})`);
      const rated = await call(feedback(`/v1/grievances/${id}/rating`), rider, { body: { rating: 'unsatisfied', comment: 'A plate is not a cover.' } });
      expect(rated.status).toBe(201);
      if (round === 1) {
        const reopened = await eventually(() => grievance(id), (m) => m?.status === 'in_progress', 'reopened to the department');
        expect(reopened.holder).toMatchObject({ type: 'department', id: 'municipal_works' });
        expect(reopened.underSupervision).toBe(false);
        await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(id), 'back in the department inbox');
      }
    }

    // The assignment and the referral come on two topics: wait for the view to have both.
    const supervised = await eventually(() => grievance(id), (m) => m?.status === 'in_progress' && m.holder?.id === SUPERVISING_OFFICE && m.underSupervision === true, 'with the supervising office, supervised');
    expect(supervised).toMatchObject({ holder: { type: 'department', id: SUPERVISING_OFFICE }, underSupervision: true });
    const office = await tokenFor({ sub: 'officer-xy-sup-1', role: 'department', departmentCode: SUPERVISING_OFFICE });
    await eventually(async () => (await call(routing('/v1/inbox'), office)).body, (inbox) => JSON.stringify(inbox).includes(id), 'in the supervising office’s inbox');
    const [referral] = await waitForMessages(system.kafka, 'grievance.referred-to-supervision.v1', 1, (m) => m.key === id);
    expect(JSON.parse(referral!.value!).payload).toMatchObject({
      fromHolder: { type: 'department', id: 'municipal_works' },
      toHolder: { type: 'department', id: SUPERVISING_OFFICE },
      districtId: 'xiangyun',
      unsatisfiedRatings: 2,
    });
    const trace = await traceOf(id, 'grievance.referred-to-supervision');
    expect(trace.verified).toBe(true);
  });
});
