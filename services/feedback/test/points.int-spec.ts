import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { EventEnvelope, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { FeedbackHarness, workerToken } from './feedback-harness';

jest.setTimeout(120_000);

const CAP = 20;

describe('points: station catalogues, redemptions, hand-overs and volunteering (feedback, real Postgres and Kafka)', () => {
  let h: FeedbackHarness;

  beforeAll(async () => {
    h = await FeedbackHarness.start({ VOLUNTEERING_DAILY_CAP: String(CAP), POINTS_VERIFIED_REPORT: '10' });
  });

  afterAll(async () => {
    await h?.close();
  });

  const newStation = () => `st-it-${uuidv7().slice(-12)}`;
  const staffToken = (stationId: string, sub = `staff-${stationId}`) => signDevToken({ sub, role: 'station_staff', stationId });
  const asWorker = async (worker: string) => `Bearer ${await workerToken(worker)}`;

  async function addItem(stationId: string, item: { name: string; kind: 'prize' | 'wish'; cost: number; stock: number }): Promise<string> {
    const res = await request(h.url).post('/v1/stations/me/catalogue').set('authorization', `Bearer ${await staffToken(stationId)}`).send(item);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** The worker earns POINTS_VERIFIED_REPORT points the way workers do: a report the grid worker confirmed. */
  async function earnByReport(worker: string): Promise<void> {
    const id = await h.submit(worker);
    await h.publish(
      'ticket.verified.v1',
      id,
      { ticketId: uuidv7(), gridWorkerId: 'gw-qs-01-1', verdict: 'confirmed', note: 'Cover missing.', position: { lat: 28.68, lng: 115.89 }, attachmentIds: [] },
      { actor: { id: 'gw-qs-01-1', role: 'grid_worker' } },
    );
    await h.eventsOn('points.awarded.v1', id);
  }

  const pointsOf = async (worker: string) => (await request(h.url).get('/v1/points/me').set('authorization', await asWorker(worker))).body;

  const redeem = async (worker: string, key: string, body: object) =>
    request(h.url).post('/v1/points/redemptions').set('authorization', await asWorker(worker)).set('idempotency-key', key).send(body);

  const ledgerOf = (worker: string) => h.query<{ points: number; reason: string }>(`SELECT points, reason FROM feedback_points_ledger WHERE worker_id = $1`, [worker]);

  describe('the catalogue', () => {
    it('lets station staff add and change their own items and every worker read them; another station’s item is 404', async () => {
      const station = newStation();
      const other = newStation();
      const raincoat = await addItem(station, { name: '雨衣', kind: 'prize', cost: 30, stock: 5 });
      await addItem(station, { name: '为孩子买一本字典', kind: 'wish', cost: 20, stock: 1 });

      const changed = await request(h.url)
        .put(`/v1/stations/me/catalogue/${raincoat}`)
        .set('authorization', `Bearer ${await staffToken(station)}`)
        .send({ stock: 8, cost: 25 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id: raincoat, name: '雨衣', cost: 25, stock: 8 });

      const list = await request(h.url).get(`/v1/stations/${station}/catalogue`).set('authorization', await asWorker(`w-${uuidv7()}`));
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { name: string; kind: string; cost: number; stock: number }) => [i.name, i.kind, i.cost, i.stock])).toEqual([
        ['雨衣', 'prize', 25, 8],
        ['为孩子买一本字典', 'wish', 20, 1],
      ]);

      const intruder = await request(h.url).put(`/v1/stations/me/catalogue/${raincoat}`).set('authorization', `Bearer ${await staffToken(other)}`).send({ stock: 0 });
      expect(intruder.status).toBe(404);
      const [row] = await h.query<{ stock: number }>(`SELECT stock FROM feedback_station_items WHERE id = $1`, [raincoat]);
      expect(row!.stock).toBe(8);

      const byWorker = await request(h.url).post('/v1/stations/me/catalogue').set('authorization', await asWorker('w-x')).send({ name: 'x', kind: 'prize', cost: 1, stock: 1 });
      expect(byWorker.status).toBe(403);

      const bad = await request(h.url).post('/v1/stations/me/catalogue').set('authorization', `Bearer ${await staffToken(station)}`).send({ name: '伞', kind: 'gift', cost: 0, stock: 1 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toContain('kind');
      expect(JSON.stringify(bad.body.message)).toContain('cost');
      expect((await request(h.url).get(`/v1/stations/${station}/catalogue`).set('authorization', await asWorker('w-y'))).body.items).toHaveLength(2);
    });
  });

  describe('redemptions', () => {
    it('debits the ledger with a negative entry, once per Idempotency-Key, and refuses what the balance or the stock cannot pay, writing nothing', async () => {
      const station = newStation();
      const worker = `w-${uuidv7()}`;
      await earnByReport(worker);
      const water = await addItem(station, { name: '矿泉水一箱', kind: 'prize', cost: 8, stock: 3 });
      const helmet = await addItem(station, { name: '头盔', kind: 'prize', cost: 5, stock: 2 });
      const gone = await addItem(station, { name: '充电宝', kind: 'prize', cost: 1, stock: 0 });

      const first = await redeem(worker, 'key-1', { stationId: station, itemId: water });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ stationId: station, itemId: water, itemName: '矿泉水一箱', cost: 8, balanceAfter: 2, state: 'awaiting_hand_over' });
      const again = await redeem(worker, 'key-1', { stationId: station, itemId: water });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect((await ledgerOf(worker)).map((e) => e.points).sort((a, b) => a - b)).toEqual([-8, 10]);
      const [item] = await h.query<{ stock: number }>(`SELECT stock FROM feedback_station_items WHERE id = $1`, [water]);
      expect(item!.stock).toBe(2);

      const [redeemed] = await h.eventsOn('points.redeemed.v1', pointsAccountId(worker));
      expect(redeemed!.payload).toMatchObject({ redemptionId: first.body.id, workerId: worker, stationId: station, itemId: water, points: -8, balanceAfter: 2 });
      expect(redeemed!.actor).toEqual({ id: worker, role: 'worker' });
      expect(await h.query(`SELECT 1 FROM messaging_outbox WHERE topic = 'points.redeemed.v1' AND message_key = $1`, [pointsAccountId(worker)])).toHaveLength(1);

      const reused = await redeem(worker, 'key-1', { stationId: station, itemId: helmet });
      expect(reused.status).toBe(422);

      const short = await redeem(worker, 'key-2', { stationId: station, itemId: helmet });
      expect(short.status).toBe(409);
      expect(short.body.details).toMatchObject({ reason: 'insufficientPoints', cost: 5, balance: 2 });
      const shortZh = await request(h.url)
        .post('/v1/points/redemptions')
        .set('authorization', await asWorker(worker))
        .set('idempotency-key', 'key-2')
        .send({ stationId: station, itemId: helmet });
      expect(shortZh.body.errors[0].message).toBe('头盔需要 5 积分，您当前有 2 积分，积分不足。');

      const empty = await redeem(worker, 'key-3', { stationId: station, itemId: gone });
      expect(empty.status).toBe(409);
      expect(empty.body.details).toMatchObject({ reason: 'outOfStock' });

      const elsewhere = await redeem(worker, 'key-4', { stationId: newStation(), itemId: helmet });
      expect(elsewhere.status).toBe(404);
      const noKey = await request(h.url).post('/v1/points/redemptions').set('authorization', await asWorker(worker)).send({ stationId: station, itemId: helmet });
      expect(noKey.status).toBe(400);

      expect(await ledgerOf(worker)).toHaveLength(2);
      expect(await h.query(`SELECT 1 FROM feedback_redemptions WHERE worker_id = $1`, [worker])).toHaveLength(1);
      const [helmetRow] = await h.query<{ stock: number }>(`SELECT stock FROM feedback_station_items WHERE id = $1`, [helmet]);
      expect(helmetRow!.stock).toBe(2);
      const mine = await pointsOf(worker);
      expect(mine.balance).toBe(2);
      expect(mine.accountId).toBe(pointsAccountId(worker));
      expect(mine.redemptions).toEqual([first.body]);
      expect(mine.entries[0]).toMatchObject({ points: -8, reason: 'redemption', stationId: station, redemptionId: first.body.id });
    });

    it('gives the last item to exactly one of two workers who ask at the same moment', async () => {
      const station = newStation();
      const [a, b] = [`w-${uuidv7()}`, `w-${uuidv7()}`];
      await Promise.all([earnByReport(a), earnByReport(b)]);
      const last = await addItem(station, { name: '最后一件雨衣', kind: 'prize', cost: 10, stock: 1 });

      const answers = await Promise.all([redeem(a, 'race', { stationId: station, itemId: last }), redeem(b, 'race', { stationId: station, itemId: last })]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.status === 409)!.body.details.reason).toBe('outOfStock');
      const [row] = await h.query<{ stock: number }>(`SELECT stock FROM feedback_station_items WHERE id = $1`, [last]);
      expect(row!.stock).toBe(0);
      const debits = await h.query(`SELECT 1 FROM feedback_points_ledger WHERE worker_id = ANY($1) AND points < 0`, [[a, b]]);
      expect(debits).toHaveLength(1);
    });

    it('never lets one worker spend the same points twice, even asking twice at once with two keys', async () => {
      const station = newStation();
      const worker = `w-${uuidv7()}`;
      await earnByReport(worker);
      const cap = await addItem(station, { name: '遮阳帽', kind: 'prize', cost: 10, stock: 5 });
      const umbrella = await addItem(station, { name: '雨伞', kind: 'prize', cost: 10, stock: 5 });

      const answers = await Promise.all([redeem(worker, 'one', { stationId: station, itemId: cap }), redeem(worker, 'two', { stationId: station, itemId: umbrella })]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.status === 409)!.body.details.reason).toBe('insufficientPoints');
      expect((await pointsOf(worker)).balance).toBe(0);
    });
  });

  describe('hand-over', () => {
    it('lets the station’s staff confirm it once, shows it in the worker’s history, and hides it from another station', async () => {
      const station = newStation();
      const worker = `w-${uuidv7()}`;
      await earnByReport(worker);
      const wish = await addItem(station, { name: '给女儿的生日蛋糕', kind: 'wish', cost: 10, stock: 1 });
      const redemption = (await redeem(worker, 'cake', { stationId: station, itemId: wish })).body as { id: string };

      const pending = await request(h.url).get('/v1/stations/me/redemptions').set('authorization', `Bearer ${await staffToken(station)}`);
      expect(pending.body.map((r: { id: string }) => r.id)).toEqual([redemption.id]);

      const foreign = await request(h.url).post(`/v1/stations/me/redemptions/${redemption.id}/hand-over`).set('authorization', `Bearer ${await staffToken(newStation())}`);
      expect(foreign.status).toBe(404);

      const done = await request(h.url).post(`/v1/stations/me/redemptions/${redemption.id}/hand-over`).set('authorization', `Bearer ${await staffToken(station, 'li-na')}`);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: redemption.id, state: 'handed_over' });
      const twice = await request(h.url).post(`/v1/stations/me/redemptions/${redemption.id}/hand-over`).set('authorization', `Bearer ${await staffToken(station, 'li-na')}`);
      expect(twice.status).toBe(409);

      const [handedOver] = await h.eventsOn('points.handed-over.v1', pointsAccountId(worker));
      expect(handedOver!.payload).toMatchObject({ redemptionId: redemption.id, workerId: worker, stationId: station, handedOverBy: 'li-na', kind: 'wish' });
      expect(handedOver!.actor).toEqual({ id: 'li-na', role: 'station_staff' });
      expect((await pointsOf(worker)).redemptions[0]).toMatchObject({ id: redemption.id, state: 'handed_over', handedOverAt: expect.any(String) });
      expect((await ledgerOf(worker)).map((e) => e.points).sort((x, y) => x - y)).toEqual([-10, 10]);
    });
  });

  describe('volunteering', () => {
    it('awards points with a reason up to the daily cap, refuses past it with 422 and without a reason with 400, writing nothing', async () => {
      const station = newStation();
      const worker = `w-${uuidv7()}`;
      const award = async (body: object) => request(h.url).post('/v1/stations/me/volunteering').set('authorization', `Bearer ${await staffToken(station, 'wang-jun')}`).send(body);

      const first = await award({ workerId: worker, points: 15, reason: '协助驿站整理防暑物资' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ workerId: worker, points: 15, stationId: station, remainingToday: CAP - 15 });

      const past = await award({ workerId: worker, points: 10, reason: '带新骑手熟悉路线' });
      expect(past.status).toBe(422);
      expect(past.body.details).toEqual({ cap: CAP, awardedToday: 15, remaining: 5 });

      const noReason = await award({ workerId: worker, points: 5 });
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body.message)).toContain('reason');
      const blank = await award({ workerId: worker, points: 5, reason: '' });
      expect(blank.status).toBe(400);

      const byWorker = await request(h.url).post('/v1/stations/me/volunteering').set('authorization', await asWorker(worker)).send({ workerId: worker, points: 5, reason: 'x' });
      expect(byWorker.status).toBe(403);

      expect(await ledgerOf(worker)).toEqual([{ points: 15, reason: 'volunteering' }]);
      const rest = await award({ workerId: worker, points: 5, reason: '带新骑手熟悉路线' });
      expect(rest.status).toBe(201);
      expect((await pointsOf(worker)).balance).toBe(20);

      const events = (await h.eventsOn('points.awarded.v1', pointsAccountId(worker), 2)) as EventEnvelope<{ note?: string; stationId?: string; reason: string; points: number }>[];
      expect(events.map((e) => [e.payload.points, e.payload.reason, e.payload.stationId, e.payload.note])).toEqual([
        [15, 'volunteering', station, '协助驿站整理防暑物资'],
        [5, 'volunteering', station, '带新骑手熟悉路线'],
      ]);
      expect(events[0]!.actor).toEqual({ id: 'wang-jun', role: 'station_staff' });
    });

    it('pays once for a double tap: the same Idempotency-Key answers the same award, even sent twice at once; another request under it is refused', async () => {
      const station = newStation();
      const worker = `w-${uuidv7()}`;
      const award = async (body: object, key: string) =>
        request(h.url)
          .post('/v1/stations/me/volunteering')
          .set('authorization', `Bearer ${await staffToken(station, 'wang-jun')}`)
          .set('idempotency-key', key)
          .send(body);
      const body = { workerId: worker, points: 10, reason: '帮忙搬运防汛沙袋' };

      const [a, b] = await Promise.all([award(body, 'tap-1'), award(body, 'tap-1')]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.entryId).toBe(a.body.entryId);
      const again = await award(body, 'tap-1');
      expect(again.body).toMatchObject({ entryId: a.body.entryId, points: 10, remainingToday: CAP - 10 });
      expect((await pointsOf(worker)).balance).toBe(10);

      const reused = await award({ ...body, points: 5 }, 'tap-1');
      expect(reused.status).toBe(422);
      expect(reused.body.errors[0].message).toContain('Idempotency-Key');
      const badKey = await award(body, 'not a key!');
      expect(badKey.status).toBe(400);
      expect(JSON.stringify(badKey.body)).toContain('Idempotency-Key');

      const next = await award(body, 'tap-2');
      expect(next.status).toBe(201);
      expect(next.body.entryId).not.toBe(a.body.entryId);
      expect(await ledgerOf(worker)).toEqual([
        { points: 10, reason: 'volunteering' },
        { points: 10, reason: 'volunteering' },
      ]);
      expect(await h.eventsOn('points.awarded.v1', pointsAccountId(worker), 2)).toHaveLength(2);
    });
  });
});
