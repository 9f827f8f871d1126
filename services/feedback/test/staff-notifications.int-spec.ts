import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { Holder, uuidv7 } from '@grievance/contracts';
import { eventually, listenToEventStream } from '@grievance/testing';
import { FeedbackHarness, MUNICIPAL_WORKS } from './feedback-harness';

jest.setTimeout(120_000);

const MEMBER: Holder = { type: 'member', id: 'm-li', name: '党员联络员李明', level: 'member' };
const BRANCH: Holder = { type: 'org_unit', id: 'b-riders', name: '象湖外卖骑手党支部', level: 'branch' };

const departmentToken = (code: string) => signDevToken({ sub: `${code}-clerk`, role: 'department', departmentCode: code });
const gridWorkerToken = (id: string) => signDevToken({ sub: id, role: 'grid_worker', gridId: 'g-1' });
const branchToken = (unit: string) => signDevToken({ sub: `${unit}-secretary`, role: 'branch', orgUnitId: unit });
const memberToken = (id: string) => signDevToken({ sub: id, role: 'member', orgUnitId: id });

interface Item {
  id: string;
  grievanceId: string;
  eventType: string;
  message: string;
  read: boolean;
  occurredAt: string;
}
interface Page {
  items: Item[];
  unread: number;
  nextBefore?: string;
}

/** Reads a server-sent-event stream in the background; `events` fills as they come. */
const listen = (url: string, token: string, language = 'zh-CN') => listenToEventStream(url, token, { 'accept-language': language });

describe('feedback: staff notifications (员工提醒) on the real broker, Postgres and Redis', () => {
  let h: FeedbackHarness;

  beforeAll(async () => {
    h = await FeedbackHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  const pageOf = async (token: string, query = '', language = 'zh-CN') =>
    (await request(h.url).get(`/v1/staff-notifications${query}`).set('authorization', `Bearer ${token}`).set('accept-language', language).expect(200)).body as Page;

  const warn = (grievanceId: string, holder: Holder, target: 'resolve' | 'accept' = 'resolve') =>
    h.publish('sla.warned.v1', grievanceId, {
      deadlineId: uuidv7(),
      target,
      holder,
      ...(holder.level ? { level: holder.level } : {}),
      startedAt: new Date(Date.now() - 80_000).toISOString(),
      dueAt: new Date(Date.now() + 20_000).toISOString(),
      firedAt: new Date().toISOString(),
      budgetMs: 100_000,
    });

  it('gives the department its assignment and its 80 % warning, newest first, once each however often they come, and nobody else', async () => {
    const code = `works_${uuidv7().slice(-8)}`;
    const department: Holder = { ...MUNICIPAL_WORKS, id: code };
    const id = uuidv7();
    const assigned = await h.publish('grievance.assigned.v1', id, { holder: department, departmentCode: code, reason: 'verified_on_site' });
    const warned = await warn(id, department);
    await h.redeliver('sla.warned.v1', warned);
    await h.redeliver('grievance.assigned.v1', assigned);

    const token = await departmentToken(code);
    const page = await eventually(() => pageOf(token), (p) => p.items.length >= 2, { what: 'two notifications' });
    // Give the redeliveries time to be (not) applied.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await pageOf(token);
    expect(after.items).toHaveLength(2);
    expect(after.unread).toBe(2);
    expect(page.items.map((n) => n.eventType)).toEqual(['sla.warned', 'grievance.assigned']);
    expect(page.items[0]).toMatchObject({ grievanceId: id, read: false });
    expect(page.items[0]!.message).toMatch(/^一条诉求的办结时限将于 \d{4}-\d\d-\d\d \d\d:\d\d 到期，请尽快处理。$/);
    expect((await pageOf(token, '', 'en')).items[1]!.message).toBe('A grid worker confirmed a problem on site; it is your department\'s to handle.');

    // Another department, a grid worker, a rung: none of it is theirs.
    expect((await pageOf(await departmentToken('hrss'))).items.filter((n) => n.grievanceId === id)).toEqual([]);
    expect((await pageOf(await gridWorkerToken(code))).items).toEqual([]);
    // Not even by naming its id.
    await request(h.url).post('/v1/staff-notifications/read').set('authorization', `Bearer ${await departmentToken('hrss')}`).send({ upTo: page.items[0]!.id }).expect(404);
    expect((await pageOf(token)).unread).toBe(2);
    // A reporter has no staff notifications at all.
    await request(h.url).get('/v1/staff-notifications').set('authorization', `Bearer ${await signDevToken({ sub: 'w-1', role: 'worker' })}`).expect(403);
  });

  it('pages newest first and marks read up to the one the holder saw', async () => {
    const worker = `gw-${uuidv7().slice(-8)}`;
    const ids: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const id = uuidv7();
      ids.push(id);
      await h.publish('ticket.dispatched.v1', id, { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: worker, attempt: 1 }, { at: new Date(Date.now() - (4 - attempt) * 1000) });
    }
    const token = await gridWorkerToken(worker);
    await eventually(() => pageOf(token), (p) => p.items.length === 3, { what: 'three tickets told' });
    const first = await pageOf(token, '?limit=2');
    expect(first.items.map((n) => n.grievanceId)).toEqual([ids[2], ids[1]]);
    expect(first.unread).toBe(3);
    expect(first.nextBefore).toBe(first.items[1]!.id);
    const second = await pageOf(token, `?limit=2&before=${first.nextBefore}`);
    expect(second.items.map((n) => n.grievanceId)).toEqual([ids[0]]);
    expect(second.nextBefore).toBeUndefined();

    const read = await request(h.url).post('/v1/staff-notifications/read').set('authorization', `Bearer ${token}`).send({ upTo: first.items[1]!.id }).expect(200);
    expect(read.body).toEqual({ marked: 2, unread: 1 });
    expect((await pageOf(token)).items.map((n) => n.read)).toEqual([false, true, true]);

    const bad = await request(h.url).post('/v1/staff-notifications/read').set('authorization', `Bearer ${token}`).send({ upTo: 'latest' }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/upTo/);
    const badLimit = await request(h.url).get('/v1/staff-notifications?limit=0').set('authorization', `Bearer ${token}`).expect(400);
    expect(JSON.stringify(badLimit.body)).toMatch(/limit/);
  });

  it('tells the rung at its level: the branch it was escalated to, the member it was returned to', async () => {
    const unit = `b-${uuidv7().slice(-8)}`;
    const branch = { ...BRANCH, id: unit };
    const member = { ...MEMBER, id: `m-${uuidv7().slice(-8)}` };
    const id = uuidv7();
    await h.publish('grievance.escalated.v1', id, { fromLevel: 'member', toLevel: 'branch', fromHolder: member, toHolder: branch, reason: 'sla', automatic: true, trigger: 'deadline_missed' });
    await h.publish('grievance.returned.v1', id, { fromLevel: 'branch', toLevel: 'member', fromHolder: branch, toHolder: member, reason: '请先与站点核实', bounces: 1 });
    const branchPage = await eventually(async () => pageOf(await branchToken(unit)), (p) => p.items.length === 1, { what: 'the branch told' });
    expect(branchPage.items[0]!.message).toBe(`${member.name}未在时限内处理，一条诉求已上交给您办理。`);
    const memberPage = await eventually(async () => pageOf(await memberToken(member.id)), (p) => p.items.length === 1, { what: 'the member told' });
    expect(memberPage.items[0]!.message).toBe(`${branch.name}将一条诉求退回给您：请先与站点核实`);
    // The same unit id at another rung hears nothing.
    expect((await pageOf(await signDevToken({ sub: 'x', role: 'industry_committee', orgUnitId: unit }))).items).toEqual([]);
  });

  it('brings a warning to the holder’s open stream, on whichever replica it is open, and only theirs', async () => {
    const worker = `gw-${uuidv7().slice(-8)}`;
    const other = `gw-${uuidv7().slice(-8)}`;
    // A second replica of the service: the notice is stored by one, heard by the other's stream through Redis.
    const replica = await FeedbackHarness.start({ KAFKA_TOPIC_PREFIX: h.service.config.KAFKA_TOPIC_PREFIX ?? '', DATABASE_URL: h.service.config.DATABASE_URL });
    try {
      const mine = listen(`${replica.url}/v1/staff-notifications/stream`, await gridWorkerToken(worker));
      const theirs = listen(`${h.url}/v1/staff-notifications/stream`, await gridWorkerToken(other));
      const response = await mine.opened;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await theirs.opened;
      const id = uuidv7();
      await warn(id, { type: 'grid_worker', id: worker, name: 'Wang' }, 'accept');
      await eventually(async () => mine.events.filter((e) => e.event === 'notification'), (events) => events.length === 1, { what: 'the warning on the stream' });
      const [event] = mine.events.filter((e) => e.event === 'notification');
      expect(event!.data).toMatchObject({ grievanceId: id, eventType: 'sla.warned', read: false });
      expect(String(event!.data.message)).toMatch(/签收时限将于 .* 到期/);
      expect(theirs.events.filter((e) => e.event === 'notification')).toEqual([]);
      mine.close();
      theirs.close();
    } finally {
      await replica.close();
    }
  });
});
