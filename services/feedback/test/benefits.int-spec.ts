import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { pointsAccountId, uuidv7 } from '@grievance/contracts';
import { eventually } from '@grievance/testing';
import { FeedbackHarness, workerToken } from './feedback-harness';

jest.setTimeout(120_000);

const COMMITTEE = 'ic-delivery';

describe('benefits (五入积分法): applied for over the threshold, decided by the worker’s industry committee (feedback, real Postgres and Kafka)', () => {
  let h: FeedbackHarness;

  beforeAll(async () => {
    h = await FeedbackHarness.start({ BENEFITS_POINTS_THRESHOLD: '20', VOLUNTEERING_DAILY_CAP: '100' });
  });

  afterAll(async () => {
    await h?.close();
  });

  const asWorker = async (worker: string) => `Bearer ${await workerToken(worker)}`;
  const committeeToken = (orgUnitId: string) => signDevToken({ sub: `secretary-${orgUnitId}`, role: 'industry_committee', orgUnitId });

  /** Routing tells feedback which committee owns the worker, as it does on registration (扫码报到). */
  async function registered(worker: string, committeeId = COMMITTEE): Promise<void> {
    await h.publish(
      'worker.registered.v1',
      pointsAccountId(worker),
      { workerId: worker, occupation: 'rider', branchId: 'br-delivery-1', effectiveBranchId: 'br-delivery-1', committeeId },
      { actor: { id: worker, role: 'worker' } },
    );
    await eventually(
      () => h.query(`SELECT committee_id FROM feedback_worker_committees WHERE worker_id = $1`, [worker]),
      (rows) => rows[0]?.committee_id === committeeId,
      { what: `${worker} registered` },
    );
  }

  async function earn(worker: string, points: number): Promise<void> {
    const staff = await signDevToken({ sub: 'staff-yuhua', role: 'station_staff', stationId: 'st-xiangyun-yuhua' });
    await request(h.url).post('/v1/stations/me/volunteering').set('authorization', `Bearer ${staff}`).send({ workerId: worker, points, reason: '协助驿站整理物资' }).expect(201);
  }

  const apply = async (worker: string, body: object) => request(h.url).post('/v1/points/benefits').set('authorization', await asWorker(worker)).send(body);

  it('sends the application of a worker over the threshold to their committee, which approves it with a reason the worker is told', async () => {
    const worker = `w-${uuidv7()}`;
    await registered(worker);
    await earn(worker, 25);

    const applied = await apply(worker, { kind: 'childcare', note: '孩子三岁，想进社区托育点' });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ workerId: worker, kind: 'childcare', committeeId: COMMITTEE, balance: 25, state: 'pending' });
    const [appliedEvent] = await h.eventsOn('benefit.applied.v1', pointsAccountId(worker));
    expect(appliedEvent!.payload).toEqual({ applicationId: applied.body.id, workerId: worker, kind: 'childcare', committeeId: COMMITTEE, balance: 25, threshold: 20 });
    expect((await apply(worker, { kind: 'childcare' })).status).toBe(409);

    const inbox = await request(h.url).get('/v1/benefits').set('authorization', `Bearer ${await committeeToken(COMMITTEE)}`);
    expect(inbox.body.map((a: { id: string }) => a.id)).toContain(applied.body.id);
    const elsewhere = await request(h.url).get('/v1/benefits').set('authorization', `Bearer ${await committeeToken('ic-express')}`);
    expect(elsewhere.body.map((a: { id: string }) => a.id)).not.toContain(applied.body.id);

    const decide = async (committee: string, body: object) =>
      request(h.url).post(`/v1/benefits/${applied.body.id}/decide`).set('authorization', `Bearer ${await committeeToken(committee)}`).send(body);
    expect((await decide('ic-express', { decision: 'approved', reason: '同意' })).status).toBe(404);
    const noReason = await decide(COMMITTEE, { decision: 'refused' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.message)).toContain('reason');
    expect((await h.query(`SELECT state FROM feedback_benefit_applications WHERE id = $1`, [applied.body.id]))[0]).toEqual({ state: 'pending' });

    const approved = await decide(COMMITTEE, { decision: 'approved', reason: '已联系青山湖社区托育点，下周一报到。' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', decisionReason: '已联系青山湖社区托育点，下周一报到。' });
    expect((await decide(COMMITTEE, { decision: 'refused', reason: '改主意' })).status).toBe(409);

    const [decided] = await h.eventsOn('benefit.decided.v1', pointsAccountId(worker));
    expect(decided!.payload).toMatchObject({ applicationId: applied.body.id, decision: 'approved', committeeId: COMMITTEE, decidedBy: `secretary-${COMMITTEE}` });
    expect(decided!.actor).toEqual({ id: `secretary-${COMMITTEE}`, role: 'industry_committee' });

    const told = await request(h.url).get('/v1/notifications').set('authorization', await asWorker(worker));
    expect(told.body.items[0]).toMatchObject({ eventType: 'benefit.decided', message: '您的入托积分权益申请已获所属行业党委批准：已联系青山湖社区托育点，下周一报到。' });
    const toldEn = await request(h.url).get('/v1/notifications').set('authorization', await asWorker(worker)).set('accept-language', 'en');
    expect(toldEn.body.items[0].message).toBe('Your industry committee approved your application for childcare (入托): 已联系青山湖社区托育点，下周一报到。');

    const mine = (await request(h.url).get('/v1/points/me').set('authorization', await asWorker(worker))).body;
    expect(mine.balance).toBe(25);
    expect(mine.benefits).toEqual([expect.objectContaining({ id: applied.body.id, kind: 'childcare', state: 'approved' })]);
    // Decided, a new application of the same kind may be made.
    expect((await apply(worker, { kind: 'childcare' })).status).toBe(201);
  });

  it('refuses an application under the threshold, or from a worker no committee is known to own, writing nothing', async () => {
    const short = `w-${uuidv7()}`;
    await registered(short);
    await earn(short, 15);
    const under = await apply(short, { kind: 'school' });
    expect(under.status).toBe(422);
    expect(under.body.details).toEqual({ reason: 'belowThreshold', threshold: 20, balance: 15 });
    expect(under.body.errors[0].message).toBe('申请积分权益需达到 20 积分，您当前有 15 积分。');

    const unknown = `w-${uuidv7()}`;
    await earn(unknown, 30);
    const unregistered = await apply(unknown, { kind: 'job' });
    expect(unregistered.status).toBe(422);
    expect(unregistered.body.details).toEqual({ reason: 'notRegistered' });

    const bad = await apply(short, { kind: 'housing' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('kind');
    expect(await h.query(`SELECT 1 FROM feedback_benefit_applications WHERE worker_id = ANY($1)`, [[short, unknown]])).toEqual([]);
  });

  it('keeps the latest registration: an older one read late does not move the worker to another committee', async () => {
    const worker = `w-${uuidv7()}`;
    await registered(worker, 'ic-delivery');
    const older = await h.publish(
      'worker.registered.v1',
      pointsAccountId(worker),
      { workerId: worker, occupation: 'courier', committeeId: 'ic-express' },
      { actor: { id: worker, role: 'worker' }, at: new Date(Date.now() - 60_000) },
    );
    await eventually(() => h.query(`SELECT 1 FROM messaging_inbox WHERE event_id = $1`, [older.eventId]), (rows) => rows.length === 1, { what: 'the older registration consumed' });
    expect((await h.query(`SELECT committee_id FROM feedback_worker_committees WHERE worker_id = $1`, [worker]))[0]).toEqual({ committee_id: 'ic-delivery' });
  });
});
