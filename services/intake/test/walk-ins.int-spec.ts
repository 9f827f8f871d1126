import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { createEnvelope, DIRECTORY_STREAM_ID, type DirectoryEntryChangedV1 } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection, readTopic } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { HAZARD, MINIMAL_JPEG, writeCategorySeed } from './fixtures';

jest.setTimeout(90_000);

const YUHUA = 'st-xiangyun-yuhua';
const CHAOYANG = 'st-binjiang-chaoyang';
const CLOSED_DOWN = 'st-closed-down';

const APPEAL = { kind: 'appeal', category: 'pay_dispute', title: '工资三周未发', description: '在驿站柜台口述：平台拖欠三周工资。' };
const walkIn = (workerId: string, extra: object = {}) => ({ ...APPEAL, workerId, workerPhone: '13812345678', consent: { given: true, method: 'verbal' }, ...extra });

describe('walk-ins: station staff log a grievance for a worker, which is the worker’s', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  let publisher: EventPublisher;
  const tokens: Record<string, string> = {};

  const station = (id: string, name: string, version: number, retired = false): DirectoryEntryChangedV1 =>
    ({ kind: 'station', id, name, version, retired, changedAt: new Date().toISOString(), parentId: 'xiangyun', phone: '0791-8610-2001', attributes: { address: '12 Yuhua Road', hours: '24h', staff: ['Li Na'] } }) as DirectoryEntryChangedV1;
  /** Publishes a directory entry; a topic created a moment ago may not have its partition leaders yet, so a refusal is tried again. */
  const publishEntry = async (entry: DirectoryEntryChangedV1) => {
    const envelope = createEnvelope({ topic: 'directory.entry-changed.v1', grievanceId: DIRECTORY_STREAM_ID, actor: { id: 'admin-1', role: 'admin' }, correlationId: 'test', payload: entry });
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await publisher.publish('directory.entry-changed.v1', envelope);
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const logWalkIn = (who: string, body: object, key?: string) => {
    const req = request(service.url).post('/v1/stations/me/walk-ins').set(as(who));
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };
  const stationList = (who: string, query = '') => request(service.url).get(`/v1/stations/me/walk-ins${query}`).set(as(who));
  const count = async (table: string) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('intake-walk-ins');
    service = (await createServiceApp(
      AppModule,
      testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed(), ATTACHMENTS_DIR: mkdtempSync(join(tmpdir(), 'intake-walk-ins-')) }),
    )) as TestServiceApp<IntakeConfig>;
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
    publisher = new EventPublisher(service.app.get(KafkaConnection));
    tokens.liNa = await signDevToken({ sub: 'staff-li-na', role: 'station_staff', stationId: YUHUA });
    tokens.wangJun = await signDevToken({ sub: 'staff-wang-jun', role: 'station_staff', stationId: YUHUA });
    tokens.zhaoLei = await signDevToken({ sub: 'staff-zhao-lei', role: 'station_staff', stationId: CHAOYANG });
    tokens.closedDown = await signDevToken({ sub: 'staff-gone', role: 'station_staff', stationId: CLOSED_DOWN });
    tokens.nowhere = await signDevToken({ sub: 'staff-nowhere', role: 'station_staff', stationId: 'st-nowhere' });
    tokens.rider = await signDevToken({ sub: 'rider-walk-in-1', role: 'worker' });
    tokens.otherRider = await signDevToken({ sub: 'rider-walk-in-2', role: 'worker' });

    // The directory as routing publishes it: two stations, one retired after it opened, and entries of other kinds.
    await publishEntry(station(YUHUA, '玉华暖心驿站', 1));
    await publishEntry(station(CHAOYANG, '朝阳骑手之家', 1));
    await publishEntry(station(CLOSED_DOWN, '湖滨驿站', 1));
    await publishEntry(station(CLOSED_DOWN, '湖滨驿站', 2, true));
    await publishEntry({ kind: 'district', id: 'xiangyun', name: '湘云区', version: 1, retired: false, changedAt: new Date().toISOString() });
    await eventually(async () => (await stationList('closedDown')).body, (b) => b?.retired === true, { what: 'the stations copied from the directory', timeoutMs: 40_000 });
    await eventually(async () => (await stationList('zhaoLei')).status, (s) => s === 200, { what: 'the second station copied' });
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
    await db?.drop();
  });

  it('logs a walk-in that the worker finds in their own list and history, announced with where, by whom and how they consented', async () => {
    const photo = (await request(service.url).post('/v1/attachments').set(as('liNa')).attach('file', MINIMAL_JPEG, 'payslip.jpg').expect(201)).body as { id: string };
    const sent = walkIn('rider-walk-in-1', { attachmentIds: [photo.id], occupation: 'rider', platform: '美团' });
    const created = await logWalkIn('liNa', sent, 'walk-in-001').expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), trackingNo: expect.stringMatching(/^[A-Z]+-\d{8}-\d{6}$/), status: 'submitted' });
    const id = created.body.id as string;

    // The same key again (a retry after a lost answer) gets the same grievance and writes nothing more.
    const again = await logWalkIn('liNa', sent, 'walk-in-001').expect(201);
    expect(again.body).toEqual(created.body);
    // The same key under another body is refused.
    await logWalkIn('liNa', { ...sent, title: '另一件事' }, 'walk-in-001').expect(422);

    // It is the worker's: in their list, readable by them, with a history line that says where it was logged.
    const list = (await request(service.url).get('/v1/grievances').set(as('rider')).expect(200)).body as { items: { id: string; status: string }[] };
    expect(list.items).toEqual([expect.objectContaining({ id, status: 'submitted', title: '工资三周未发' })]);
    const mine = (await request(service.url).get(`/v1/grievances/${id}`).set(as('rider')).set('Accept-Language', 'zh-CN').expect(200)).body;
    expect(mine).toMatchObject({ id, attachmentIds: [photo.id], history: [{ type: 'grievance.submitted', actor: { id: 'staff-li-na', role: 'station_staff' } }] });
    expect(mine.history[0].summary).toBe(`已由玉华暖心驿站工作人员代为登记提交，编号 ${created.body.trackingNo}`);
    // The photo the staff took is the worker's to see; another worker gets a 404.
    await request(service.url).get(`/v1/attachments/${photo.id}`).set(as('rider')).expect(200);
    await request(service.url).get(`/v1/attachments/${photo.id}`).set(as('otherRider')).expect(404);
    await request(service.url).get(`/v1/grievances/${id}`).set(as('otherRider')).expect(404);

    // The event on the broker names the worker as the reporter and the station staff as who logged it.
    const messages = await readTopic(service.app.get(KafkaConnection), 'grievance.submitted.v1', { until: (read) => read.some((m) => m.key === id) });
    const events = messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value!));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { id: 'staff-li-na', role: 'station_staff' },
      payload: { reporter: { id: 'rider-walk-in-1', occupation: 'rider', platform: '美团' }, loggedAt: { stationId: YUHUA, staffId: 'staff-li-na', consentMethod: 'verbal' }, attachmentIds: [photo.id] },
    });
    expect(await count('intake_walk_ins')).toBe(1);
  });

  it('refuses a walk-in without consent, naming consent, and writes nothing', async () => {
    const before = { grievances: await count('intake_grievances'), walkIns: await count('intake_walk_ins'), history: await count('intake_history') };
    const { consent: _consent, ...withoutConsent } = walkIn('rider-walk-in-1');
    const refused = await logWalkIn('liNa', withoutConsent).set('Accept-Language', 'zh-CN').expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('consent');
    expect(JSON.stringify(refused.body.message)).toContain('consent');
    const notGiven = await logWalkIn('liNa', walkIn('rider-walk-in-1', { consent: { given: false, method: 'verbal' } })).expect(400);
    expect(notGiven.body.errors.map((e: { field: string }) => e.field)).toEqual(['consent.given']);
    await logWalkIn('liNa', walkIn('rider-walk-in-1', { consent: { given: true, method: 'verbal', at: new Date(Date.now() + 3_600_000).toISOString() } })).expect(400);
    // A worker cannot use the station's door, nor a station staff member the worker's.
    await logWalkIn('rider', walkIn('rider-walk-in-1')).expect(403);
    await request(service.url).post('/v1/grievances').set(as('liNa')).send(APPEAL).expect(403);
    expect({ grievances: await count('intake_grievances'), walkIns: await count('intake_walk_ins'), history: await count('intake_history') }).toEqual(before);
  });

  it('refuses staff of a retired station (403) or of one the directory does not know (404)', async () => {
    const retired = await logWalkIn('closedDown', walkIn('rider-walk-in-1')).set('Accept-Language', 'zh-CN').expect(403);
    expect(retired.body.errors[0].message).toBe('湖滨驿站已撤销，不能再登记代办诉求。');
    await logWalkIn('nowhere', walkIn('rider-walk-in-1')).expect(404);
    await stationList('nowhere').expect(404);
    // A retired station still lists what it logged (nothing here).
    expect((await stationList('closedDown').expect(200)).body).toMatchObject({ stationId: CLOSED_DOWN, retired: true, items: [] });
  });

  it('lists a station’s walk-ins newest first with where each stands, to its own staff only', async () => {
    const older = (await logWalkIn('wangJun', walkIn('rider-walk-in-2', { ...HAZARD, workerPhone: undefined, consent: { given: true, method: 'signature' } })).expect(201)).body as { id: string };
    const newer = (await logWalkIn('liNa', walkIn('rider-walk-in-1', { title: '小区进门难', consent: { given: true, method: 'sms' } })).expect(201)).body as { id: string };
    const elsewhere = (await logWalkIn('zhaoLei', walkIn('rider-walk-in-1', { title: '朝阳的事' })).expect(201)).body as { id: string };

    // Routing takes the older one: the station sees it move.
    await publisher.publish(
      'grievance.routed.v1',
      createEnvelope({ topic: 'grievance.routed.v1', grievanceId: older.id, actor: { id: 'routing', role: 'system' }, correlationId: 'test', payload: { kind: 'hazard', category: HAZARD.category, holder: { type: 'org_unit', id: 'grid-1', name: 'Grid 1' }, gridId: 'grid-1', fallback: false } }),
    );
    const page = await eventually(
      async () => (await stationList('liNa').expect(200)).body,
      (b) => b.items.find((i: { id: string }) => i.id === older.id)?.status === 'routed',
      { what: 'the routed walk-in in the station list' },
    );
    expect(page).toMatchObject({ stationId: YUHUA, stationName: '玉华暖心驿站', nextCursor: null });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([newer.id, older.id, expect.any(String)]);
    expect(page.items[0]).toMatchObject({ status: 'submitted', title: '小区进门难', workerId: 'rider-walk-in-1', workerPhone: '138****5678', staffId: 'staff-li-na', consentMethod: 'sms' });
    expect(page.items[1]).toMatchObject({ status: 'routed', kind: 'hazard', workerId: 'rider-walk-in-2', workerPhone: null, staffId: 'staff-wang-jun', consentMethod: 'signature' });
    expect(page.items.map((i: { id: string }) => i.id)).not.toContain(elsewhere.id);

    // Paged: one at a time, the same order.
    const first = (await stationList('liNa', '?limit=1').expect(200)).body;
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([newer.id]);
    const second = (await stationList('liNa', `?limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([older.id]);

    // Another station's staff see only theirs, and cannot open this station's grievances; its own staff can.
    expect((await stationList('zhaoLei').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([elsewhere.id]);
    await request(service.url).get(`/v1/grievances/${newer.id}`).set(as('zhaoLei')).expect(404);
    await request(service.url).get(`/v1/grievances/${newer.id}`).set(as('wangJun')).expect(200);
    // A worker has no station list.
    await stationList('rider').expect(403);
  });
});
