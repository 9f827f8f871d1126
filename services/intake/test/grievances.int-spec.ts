import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp, waitForMessages } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { HAZARD, writeCategorySeed } from './fixtures';

jest.setTimeout(60_000);

describe('POST /v1/grievances', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  let kafka: KafkaConnection;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    db = await createTestDatabase('intake-grievances');
    service = (await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed() }))) as TestServiceApp<IntakeConfig>;
    kafka = service.app.get(KafkaConnection);
    await kafka.ensureTopics(catalogueTopicsToCreate());
    alice = await signDevToken({ sub: 'worker-alice', role: 'worker' });
    bob = await signDevToken({ sub: 'worker-bob', role: 'worker' });
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const rowCount = async () => Number((await queryDatabase<{ n: string }>(db.url, 'SELECT count(*) AS n FROM intake_grievances'))[0]!.n);
  const outboxCount = async () => Number((await queryDatabase<{ n: string }>(db.url, 'SELECT count(*) AS n FROM messaging_outbox'))[0]!.n);

  it('stores a hazard report and announces it on grievance.submitted.v1', async () => {
    const res = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send(HAZARD).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), trackingNo: expect.stringMatching(/^NC-\d{8}-\d{6}$/), status: 'submitted' });

    const [message] = await waitForMessages(kafka, 'grievance.submitted.v1', 1, (m) => m.key === res.body.id);
    const envelope = JSON.parse(message!.value!);
    expect(envelope).toMatchObject({
      type: 'grievance.submitted',
      version: 1,
      grievanceId: res.body.id,
      actor: { id: 'worker-alice', role: 'worker' },
      payload: {
        trackingNo: res.body.trackingNo,
        kind: 'hazard',
        category: 'manhole_cover_missing',
        urgency: 'normal',
        location: HAZARD.location,
        attachmentIds: [],
        reporter: { id: 'worker-alice' },
      },
    });
    expect(envelope.payload.duplicateOf).toBeUndefined();
    expect(envelope.payload.reporter).toEqual({ id: 'worker-alice' });
  });

  it('carries the occupation and platform given with a submission, and the language the reporter reads', async () => {
    const appeal = { kind: 'appeal', category: 'pay_dispute', title: '运费被拖欠', description: '货主拖欠三趟运费', occupation: 'truck_driver', platform: '货拉拉' };
    const res = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${bob}`).set('Accept-Language', 'en-GB,en;q=0.9').send(appeal).expect(201);
    const [message] = await waitForMessages(kafka, 'grievance.submitted.v1', 1, (m) => m.key === res.body.id);
    expect(JSON.parse(message!.value!).payload.reporter).toEqual({ id: 'worker-bob', occupation: 'truck_driver', platform: '货拉拉', language: 'en' });

    // A language we do not speak says nothing: the reporter's registration, or Chinese, decides.
    const other = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${bob}`).set('Accept-Language', 'fr').send({ ...appeal, platform: undefined }).expect(201);
    const [second] = await waitForMessages(kafka, 'grievance.submitted.v1', 1, (m) => m.key === other.body.id);
    expect(JSON.parse(second!.value!).payload.reporter).toEqual({ id: 'worker-bob', occupation: 'truck_driver' });
  });

  it('answers the same Idempotency-Key and body with the same grievance, once', async () => {
    const body = { kind: 'appeal', category: 'pay_dispute', title: 'Unpaid wages', description: 'Three weeks unpaid' };
    const first = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'key-1').send(body).expect(201);
    const again = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'key-1').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    const rows = await queryDatabase(db.url, 'SELECT id FROM intake_grievances WHERE title = $1', ['Unpaid wages']);
    expect(rows).toHaveLength(1);
    const events = await queryDatabase(db.url, `SELECT event_id FROM messaging_outbox WHERE message_key = $1`, [first.body.id]);
    expect(events).toHaveLength(1);

    // Keys are per worker: Bob's "key-1" is a new grievance.
    const bobs = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${bob}`).set('Idempotency-Key', 'key-1').send(body).expect(201);
    expect(bobs.body.id).not.toBe(first.body.id);
  });

  it('answers concurrent requests with one Idempotency-Key with one grievance', async () => {
    const body = { kind: 'appeal', category: 'pay_dispute', title: 'Raced', description: '' };
    const answers = await Promise.all(
      [1, 2, 3].map(() => request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'key-race').send(body)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await queryDatabase(db.url, 'SELECT id FROM intake_grievances WHERE title = $1', ['Raced'])).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different body (422) and changes nothing', async () => {
    const body = { kind: 'appeal', category: 'pay_dispute', title: 'Wages A', description: '' };
    await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'key-2').send(body).expect(201);
    const before = [await rowCount(), await outboxCount()];
    await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'key-2').send({ ...body, title: 'Wages B' }).expect(422);
    expect([await rowCount(), await outboxCount()]).toEqual(before);
  });

  it('gives every grievance its own tracking number', async () => {
    const numbers = await Promise.all(
      [1, 2, 3, 4].map(async (i) =>
        (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${bob}`).send({ kind: 'appeal', category: 'pay_dispute', title: `n${i}`, description: '' }).expect(201)).body.trackingNo as string,
      ),
    );
    expect(new Set(numbers).size).toBe(4);
  });

  describe('refuses bad input with 400 naming the field, storing and announcing nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown category', { ...HAZARD, category: 'no_such_category' }, 'category'],
      ['a category of another kind', { ...HAZARD, category: 'pay_dispute' }, 'category'],
      ['a hazard without a location', { ...HAZARD, location: undefined }, 'location'],
      ['a latitude out of range', { ...HAZARD, location: { lat: 91, lng: 115 } }, 'lat'],
      ['a longitude out of range', { ...HAZARD, location: { lat: 28, lng: -181 } }, 'lng'],
      ['an unknown field', { ...HAZARD, priority: 'high' }, 'priority'],
      ['an unknown kind', { ...HAZARD, kind: 'complaint' }, 'kind'],
      ['a title too long', { ...HAZARD, title: 'x'.repeat(201) }, 'title'],
      ['a description too long', { ...HAZARD, description: 'x'.repeat(5001) }, 'description'],
      ['an address too long', { ...HAZARD, location: { ...HAZARD.location, address: 'x'.repeat(301) } }, 'address'],
      ['a bad urgency', { ...HAZARD, urgency: 'asap' }, 'urgency'],
      ['attachment ids that are not ids', { ...HAZARD, attachmentIds: ['nope'] }, 'attachmentIds'],
      ['attachments that are not the caller’s', { ...HAZARD, attachmentIds: ['0195a8c4-1b2c-7d3e-8f40-123456789abc'] }, 'attachmentIds'],
      ['an unknown occupation', { ...HAZARD, occupation: 'astronaut' }, 'occupation'],
      ['an empty platform', { ...HAZARD, platform: '' }, 'platform'],
      ['a platform too long', { ...HAZARD, platform: 'x'.repeat(101) }, 'platform'],
    ];

    it.each(cases)('%s', async (_what, body, field) => {
      const before = [await rowCount(), await outboxCount()];
      const res = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      expect([await rowCount(), await outboxCount()]).toEqual(before);
    });

    it('a bad Idempotency-Key', async () => {
      const res = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).set('Idempotency-Key', 'bad key!').send(HAZARD).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('Idempotency-Key');
    });
  });

  it('is for workers only', async () => {
    const gridWorker = await signDevToken({ sub: 'gw-1', role: 'grid_worker', gridId: 'g1' });
    await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${gridWorker}`).send(HAZARD).expect(403);
    await request(service.url).post('/v1/grievances').send(HAZARD).expect(401);
  });

  it('lists the categories', async () => {
    const res = await request(service.url).get('/v1/categories').set('Authorization', `Bearer ${alice}`).expect(200);
    expect(res.body).toContainEqual({ code: 'road_damage', name: 'Road damage', kind: 'hazard', defaultDepartment: 'municipal_works' });
  });

  it('publishes every recorded event', async () => {
    await eventually(
      () => queryDatabase<{ n: string }>(db.url, 'SELECT count(*) AS n FROM messaging_outbox WHERE published_at IS NULL'),
      (rows) => Number(rows[0]!.n) === 0,
      { what: 'outbox drained' },
    );
  });
});
