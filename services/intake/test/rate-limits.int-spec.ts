import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp, uniqueTopicPrefix } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { HAZARD, writeCategorySeed } from './fixtures';

jest.setTimeout(60_000);

describe('per-caller rate limits on intake', () => {
  let db: TestDatabase;
  let first: TestServiceApp;
  let second: TestServiceApp;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    db = await createTestDatabase('intake-rate');
    // Two replicas on one database, one Redis and one topic prefix: the limit must hold across both.
    const env = testConfigEnv({
      DATABASE_URL: db.url,
      CATEGORIES_FILE: writeCategorySeed(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('rate'),
      RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '3',
      RATE_LIMIT_READS_PER_MINUTE: '5',
    });
    first = await createServiceApp(AppModule, env);
    second = await createServiceApp(AppModule, env);
    await first.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
    alice = await signDevToken({ sub: `worker-alice-${Date.now()}`, role: 'worker' });
    bob = await signDevToken({ sub: `worker-bob-${Date.now()}`, role: 'worker' });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await db?.drop();
  });

  const submit = (url: string, token: string, title: string) =>
    request(url).post('/v1/grievances').set('Authorization', `Bearer ${token}`).send({ ...HAZARD, title, location: { lat: 28.6 + Math.random() / 10, lng: 115.8 } });
  const stored = async () => Number((await queryDatabase<{ n: string }>(db.url, 'SELECT count(*) AS n FROM intake_grievances'))[0]!.n);

  it('lets a caller submit up to the limit across replicas, then answers 429 with Retry-After and stores nothing more', async () => {
    await submit(first.url, alice, 'one').expect(201);
    const two = await submit(second.url, alice, 'two').expect(201);
    expect(two.headers['ratelimit-limit']).toBe('3');
    expect(two.headers['ratelimit-remaining']).toBe('1');
    await submit(first.url, alice, 'three').expect(201);
    const refused = await submit(second.url, alice, 'four').expect(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: [expect.stringMatching(/^too many submissions: at most 3 every minute; try again in \d+ s$/)],
      errors: [{ code: 'tooManyRequests', message: '请求过于频繁，请稍后再试。' }],
    });
    const retryAfter = Number(refused.headers['retry-after']);
    // One submission frees up every 20 s of the 60 s window.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(await stored()).toBe(3);
  });

  it('counts each caller on their own, and reads apart from submissions', async () => {
    await submit(first.url, bob, 'bob one').expect(201);
    for (let i = 0; i < 5; i += 1) await request(first.url).get('/v1/grievances').set('Authorization', `Bearer ${alice}`).expect(200);
    const sixth = await request(second.url).get('/v1/grievances').set('Authorization', `Bearer ${alice}`).expect(429);
    expect(sixth.body.message).toEqual([expect.stringMatching(/^too many reads: at most 5 every minute/)]);
    await request(second.url).get('/v1/grievances').set('Authorization', `Bearer ${bob}`).expect(200);
  });

  it('answers 401 before counting anything for a caller without a token', async () => {
    await request(first.url).post('/v1/grievances').send(HAZARD).expect(401);
  });
});
