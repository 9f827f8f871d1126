import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp, uniqueTopicPrefix } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { readXml } from '../src/open311/open311-xml.testing';
import { writeCategorySeed } from './fixtures';

jest.setTimeout(60_000);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP call from a chosen local address (every 127.x.y.z is this machine), so two clients can be told apart by address. */
function call(url: string, options: { from?: string; method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        localAddress: options.from ?? '127.0.0.1',
        headers: { ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const KEY_A = randomBytes(24).toString('base64url');
const KEY_B = randomBytes(24).toString('base64url');
const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/** The spec's error answer for 429 in JSON, with Retry-After within the window's share of one request. */
function expectTooMany(answer: Answer, noun: string, limit: number): void {
  expect({ status: answer.status, type: answer.headers['content-type'] }).toEqual({ status: 429, type: expect.stringMatching(/^application\/json/) });
  expect(JSON.parse(answer.text)).toEqual([{ code: 429, description: expect.stringMatching(new RegExp(`^too many ${noun}: at most ${limit} every minute; try again in \\d+ s$`)) }]);
  const retryAfter = Number(answer.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(60 / limit));
}

describe('rate limits on the public Open311 routes', () => {
  let db: TestDatabase;
  let direct: TestServiceApp;
  let proxied: TestServiceApp;

  beforeAll(async () => {
    db = await createTestDatabase('intake-open311-rate');
    const env = {
      DATABASE_URL: db.url,
      CATEGORIES_FILE: writeCategorySeed(),
      OPEN311_PARTNERS: `app-a:${digest(KEY_A)},app-b:${digest(KEY_B)}`,
      OPEN311_RATE_LIMIT_READS_PER_MINUTE: '3',
      OPEN311_RATE_LIMIT_POSTS_PER_MINUTE: '2',
    };
    // Each on its own prefix, so their counts in the shared Redis are apart.
    direct = await createServiceApp(AppModule, testConfigEnv({ ...env, KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('o311rate') }));
    proxied = await createServiceApp(AppModule, testConfigEnv({ ...env, KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('o311proxy'), TRUST_PROXY: 'loopback' }));
    await direct.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
  });

  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await db?.drop();
  });

  const stored = async () => Number((await queryDatabase<{ n: string }>(db.url, 'SELECT count(*) AS n FROM open311_requests'))[0]!.n);

  it('lets a client address read up to the limit, then answers 429 in the spec\'s error format, JSON or XML; another address reads on', async () => {
    const url = `${direct.url}/open311/v2`;
    const first = await call(`${url}/services.json`, { from: '127.0.0.3' });
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expect((await call(`${url}/requests.json`, { from: '127.0.0.3' })).status).toBe(200);
    expect((await call(`${url}/services/manhole_cover_missing.json`, { from: '127.0.0.3' })).status).toBe(200);

    expectTooMany(await call(`${url}/services.json`, { from: '127.0.0.3' }), 'Open311 reads', 3);
    // A header naming another client is not believed without TRUST_PROXY.
    expectTooMany(await call(`${url}/services.json`, { from: '127.0.0.3', headers: { 'x-forwarded-for': '203.0.113.9' } }), 'Open311 reads', 3);
    const xml = await call(`${url}/requests.xml`, { from: '127.0.0.3' });
    expect({ status: xml.status, type: xml.headers['content-type'] }).toEqual({ status: 429, type: expect.stringMatching(/^text\/xml/) });
    expect(Number(xml.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(readXml(xml.text)).toEqual({ errors: { error: { code: '429', description: expect.stringMatching(/^too many Open311 reads: at most 3 every minute/) } } });

    const other = await call(`${url}/services.json`, { from: '127.0.0.4' });
    expect(other.status).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('2');
  });

  it('behind a trusted proxy, counts each client the proxy names', async () => {
    const url = `${proxied.url}/open311/v2`;
    const as = (client: string) => ({ from: '127.0.0.5', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 3; i += 1) expect((await call(`${url}/services.json`, as('198.51.100.7'))).status).toBe(200);
    expectTooMany(await call(`${url}/services.json`, as('198.51.100.7')), 'Open311 reads', 3);
    expect((await call(`${url}/services.json`, as('198.51.100.8'))).status).toBe(200);
  });

  it('counts a partner\'s posts against its api_key, refuses the one past the limit storing nothing, and leaves another partner unaffected', async () => {
    const url = `${direct.url}/open311/v2/requests.json`;
    const form = (apiKey: string, description: string) => ({
      api_key: apiKey, service_code: 'manhole_cover_missing', lat: '28.6612', long: '115.8188', description, account_id: 'u-1',
    });
    // The same address for both partners: the key decides, not the address.
    expect((await call(url, { form: form(KEY_A, 'one'), from: '127.0.0.6' })).status).toBe(201);
    expect((await call(url, { form: form(KEY_A, 'two'), from: '127.0.0.7' })).status).toBe(201);
    const refused = await call(url, { form: form(KEY_A, 'three'), from: '127.0.0.8' });
    expectTooMany(refused, 'Open311 requests', 2);
    expect(await stored()).toBe(2);

    expect((await call(url, { form: form(KEY_B, 'from b'), from: '127.0.0.6' })).status).toBe(201);
    expect(await stored()).toBe(3);
  });

  it('counts posts with an api_key nobody holds against the client address', async () => {
    const url = `${direct.url}/open311/v2/requests.xml`;
    const form = { api_key: 'guessed-key', service_code: 'manhole_cover_missing', lat: '28.66', long: '115.81' };
    expect((await call(url, { form, from: '127.0.0.9' })).status).toBe(403);
    expect((await call(url, { form, from: '127.0.0.9' })).status).toBe(403);
    const refused = await call(url, { form, from: '127.0.0.9' });
    expect({ status: refused.status, type: refused.headers['content-type'] }).toEqual({ status: 429, type: expect.stringMatching(/^text\/xml/) });
    expect(readXml(refused.text)).toEqual({ errors: { error: { code: '429', description: expect.stringMatching(/^too many Open311 requests/) } } });
    expect((await call(url, { form, from: '127.0.0.10' })).status).toBe(403);
  });
});
