import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * Points (五入积分法), across the services as separate processes: a rider earns points for a
 * hazard the grid worker confirms on site, spends them on a prize at the Yuhua station (玉华暖心驿站),
 * is refused a small wish (微心愿) the rest cannot pay, and the station's staff hand the prize
 * over; the auditor traces every movement.
 */

// Inside the demo city's grid xiangyun-yuhua-g1 (deploy/seed/demo-city).
const HOLE = { lat: 28.662, lng: 115.822, address: 'Yuhua Rd, by the bus stop' };
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';
const STATION = 'st-xiangyun-yuhua';

describe('points: earned, redeemed, refused when short, handed over', () => {
  let system: RunningSystem;
  let riderId: string;
  let rider: string;
  let gridWorker: string;
  let staff: string;
  let auditor: string;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
  const feedback = (path: string) => `${system.url('feedback')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;

  beforeAll(async () => {
    system = await startSystem({ BENEFITS_POINTS_THRESHOLD: '12' });
    riderId = `rider-${randomUUID()}`;
    rider = await tokenFor({ sub: riderId, role: 'worker' });
    gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    staff = await tokenFor({ sub: 'staff-li-na', role: 'station_staff', stationId: STATION });
    auditor = await tokenFor({ sub: 'auditor-points', role: 'auditor' });
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('pays the rider for a confirmed report, lets them spend it at a station, refuses what the rest cannot pay, and the staff hand the prize over', async () => {
    // Earned: the rider reports a missing manhole cover; the grid worker confirms it on site.
    const reported = await call(intake('/v1/grievances'), rider, {
      body: {
        kind: 'hazard',
        category: 'manhole_cover_missing',
        title: 'Manhole cover missing by the bus stop',
        description: 'Open hole in the cycle lane.',
        urgency: 'urgent',
        location: HOLE,
        attachmentIds: [await uploadPhoto(system, rider, 'hole.png')],
      },
    });
    expect(reported.status).toBe(201);
    const id = reported.body.id as string;
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
    const earned = await eventually(async () => (await call(feedback('/v1/points/me'), rider)).body, (p) => p?.balance === 10, 'the rider paid 10 points');
    expect(earned.entries).toEqual([expect.objectContaining({ points: 10, reason: 'verified_report', grievanceId: id })]);

    // The station's staff put a prize and a small wish in the catalogue; the rider reads it.
    const water = await call(feedback('/v1/stations/me/catalogue'), staff, { body: { name: '矿泉水一箱', kind: 'prize', cost: 8, stock: 2 } });
    expect(water.status).toBe(201);
    const wish = await call(feedback('/v1/stations/me/catalogue'), staff, { body: { name: '给孩子买一本字典', kind: 'wish', cost: 5, stock: 1 } });
    expect(wish.status).toBe(201);
    const catalogue = await call(feedback(`/v1/stations/${STATION}/catalogue`), rider);
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.items.map((i: { name: string; cost: number }) => [i.name, i.cost])).toEqual([
      ['矿泉水一箱', 8],
      ['给孩子买一本字典', 5],
    ]);

    // Redeemed: 8 of the 10 points; the same request again (same key) spends nothing more.
    const redeem = (itemId: string, key: string) =>
      call(feedback('/v1/points/redemptions'), rider, { body: { stationId: STATION, itemId }, headers: { 'idempotency-key': key } });
    const redeemed = await redeem(water.body.id, 'water-1');
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({ itemName: '矿泉水一箱', cost: 8, balanceAfter: 2, state: 'awaiting_hand_over' });
    expect((await redeem(water.body.id, 'water-1')).body).toEqual(redeemed.body);

    // Refused when short: the wish costs 5, the rider has 2; nothing is spent.
    const short = await redeem(wish.body.id, 'wish-1');
    expect(short.status).toBe(409);
    expect(short.body.details).toMatchObject({ reason: 'insufficientPoints', cost: 5, balance: 2 });
    expect(short.body.errors[0].message).toBe('给孩子买一本字典需要 5 积分，您当前有 2 积分，积分不足。');
    const afterRefusal = (await call(feedback('/v1/points/me'), rider)).body;
    expect(afterRefusal.balance).toBe(2);
    expect(afterRefusal.redemptions).toHaveLength(1);

    // Handed over: the staff see it waiting at their station and confirm the hand-over.
    const waiting = await call(feedback('/v1/stations/me/redemptions'), staff);
    expect(waiting.body.map((r: { id: string }) => r.id)).toContain(redeemed.body.id);
    const handedOver = await call(feedback(`/v1/stations/me/redemptions/${redeemed.body.id}/hand-over`), staff, { method: 'POST' });
    expect(handedOver.status).toBe(200);
    const mine = (await call(feedback('/v1/points/me'), rider)).body;
    expect(mine.balance).toBe(2);
    expect(mine.redemptions).toEqual([expect.objectContaining({ id: redeemed.body.id, state: 'handed_over', handedOverAt: expect.any(String) })]);
    expect(mine.entries.map((e: { points: number; reason: string }) => [e.points, e.reason])).toEqual([
      [-8, 'redemption'],
      [10, 'verified_report'],
    ]);

    // Traceable: the award in the grievance's trace, the redemption and hand-over in the rider's points account.
    const grievanceTrace = await eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => t?.events?.some((e: { type: string }) => e.type === 'points.awarded'),
      'the award in the grievance trace',
    );
    expect(grievanceTrace.verified).toBe(true);
    const accountTrace = await eventually(
      async () => (await call(audit(`/v1/trace/${mine.accountId}`), auditor)).body,
      (t) => t?.events?.length === 2,
      "the rider's points account traced",
    );
    expect(accountTrace.verified).toBe(true);
    expect(accountTrace.events.map((e: { type: string; actor: { id: string } }) => [e.type, e.actor.id])).toEqual([
      ['points.redeemed', riderId],
      ['points.handed-over', 'staff-li-na'],
    ]);
    // …and every movement of the rider together, with the running balance the ledger gives.
    const movements = (await call(audit(`/v1/workers/${riderId}/points`), auditor)).body;
    expect(movements).toMatchObject({ balance: 2, verified: true, accountId: mine.accountId });
    expect(movements.movements.map((m: { type: string; points: number; balanceAfter: number }) => [m.type, m.points, m.balanceAfter])).toEqual([
      ['points.awarded', 10, 10],
      ['points.redeemed', -8, 2],
      ['points.handed-over', 0, 2],
    ]);
  });

  it('opens a public-service benefit (五入) to a registered worker over the threshold, decided by the industry committee that owns them', async () => {
    const volunteerId = `rider-${randomUUID()}`;
    const volunteer = await tokenFor({ sub: volunteerId, role: 'worker' });
    const committee = await tokenFor({ sub: 'secretary-ic-delivery', role: 'industry_committee', orgUnitId: 'ic-delivery' });
    const otherCommittee = await tokenFor({ sub: 'secretary-ic-express', role: 'industry_committee', orgUnitId: 'ic-express' });

    // Registered with a Meituan branch of the delivery committee (扫码报到); routing tells feedback.
    expect((await call(routing('/v1/workers/me'), volunteer, { method: 'PUT', body: { occupation: 'rider', branchId: 'br-delivery-meituan-xiangyun' } })).status).toBe(200);
    // Volunteering at the station: 15 points, over the threshold of 12.
    const awarded = await call(feedback('/v1/stations/me/volunteering'), staff, { body: { workerId: volunteerId, points: 15, reason: '暴雨天协助驿站转移物资' } });
    expect(awarded.status).toBe(201);
    const missing = await call(feedback('/v1/stations/me/volunteering'), staff, { body: { workerId: volunteerId, points: 5 } });
    expect(missing.status).toBe(400);

    const applied = await eventually(
      () => call(feedback('/v1/points/benefits'), volunteer, { body: { kind: 'childcare', note: '孩子三岁，想进社区托育点' } }),
      (r) => r.status !== 422 || r.body?.details?.reason !== 'notRegistered',
      'the registration known to feedback',
    );
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ kind: 'childcare', committeeId: 'ic-delivery', balance: 15, state: 'pending' });

    expect((await call(feedback('/v1/benefits'), otherCommittee)).body).toEqual([]);
    const pending = (await call(feedback('/v1/benefits'), committee)).body as { id: string }[];
    expect(pending.map((a) => a.id)).toContain(applied.body.id);
    const decided = await call(feedback(`/v1/benefits/${applied.body.id}/decide`), committee, { body: { decision: 'refused', reason: '本月托育名额已满，下月优先安排。' } });
    expect(decided.status).toBe(200);

    const told = await eventually(
      async () => (await call(feedback('/v1/notifications'), volunteer)).body.items as { eventType: string; message: string }[],
      (items) => items.some((n) => n.eventType === 'benefit.decided'),
      'the volunteer told of the decision',
    );
    expect(told.find((n) => n.eventType === 'benefit.decided')!.message).toBe('您的入托积分权益申请未获批准：本月托育名额已满，下月优先安排。');
    const mine = (await call(feedback('/v1/points/me'), volunteer)).body;
    expect(mine.balance).toBe(15);
    expect(mine.benefits).toEqual([expect.objectContaining({ id: applied.body.id, state: 'refused', decisionReason: '本月托育名额已满，下月优先安排。' })]);

    // The auditor sees the worker's registration, award, application and decision in their account.
    const account = await eventually(
      async () => (await call(audit(`/v1/trace/${mine.accountId}`), auditor)).body,
      (t) => t?.events?.length === 4,
      "the volunteer's account traced",
    );
    expect(account.verified).toBe(true);
    expect(account.events.map((e: { type: string }) => e.type)).toEqual(['worker.registered', 'points.awarded', 'benefit.applied', 'benefit.decided']);
  });
});
