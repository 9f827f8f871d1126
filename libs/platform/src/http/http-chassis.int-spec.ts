import request from 'supertest';
import { createServiceApp, createTestDatabase, FixtureAppModule, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { uuidv7 } from '@grievance/contracts';
import { DataSource } from 'typeorm';

describe('the HTTP chassis of a service', () => {
  let database: TestDatabase;
  let service: TestServiceApp;

  beforeAll(async () => {
    database = await createTestDatabase('http');
    service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url }));
  });

  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  describe('correlation ids', () => {
    it('echoes the x-correlation-id a caller sends and makes it current for the code serving the request', async () => {
      const response = await request(service.url).get('/v1/fixture/correlation').set('x-correlation-id', 'req-42').expect(200);
      expect(response.headers['x-correlation-id']).toBe('req-42');
      expect(response.body).toEqual({ correlationId: 'req-42' });
    });

    it('gives a request without one a new UUID v7', async () => {
      const response = await request(service.url).get('/v1/fixture/correlation').expect(200);
      const id = response.headers['x-correlation-id'];
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(response.body).toEqual({ correlationId: id });
    });

    it('replaces a correlation id that is not safe to log', async () => {
      const response = await request(service.url).get('/v1/fixture/correlation').set('x-correlation-id', 'a b\tc').expect(200);
      expect(response.headers['x-correlation-id']).not.toBe('a b\tc');
    });

    it('echoes it on error responses too', async () => {
      const response = await request(service.url).get('/v1/fixture/crash').set('x-correlation-id', 'req-err').expect(500);
      expect(response.headers['x-correlation-id']).toBe('req-err');
    });
  });

  describe('validation', () => {
    it('turns the body into the DTO', async () => {
      const response = await request(service.url)
        .post('/v1/fixture/things')
        .send({ title: 'Manhole', urgency: 'urgent', location: { lat: 28.6, lng: 115.8 } })
        .expect(201);
      expect(response.body).toEqual({ isDto: true, thing: { title: 'Manhole', urgency: 'urgent', location: { lat: 28.6, lng: 115.8 } } });
    });

    it('answers 400 naming every bad field by its path, unknown ones included', async () => {
      const response = await request(service.url)
        .post('/v1/fixture/things')
        .send({ title: 7, urgency: 'soon', location: { lat: 'north', lng: 1 }, admin: true })
        .expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([
          'property admin should not exist',
          'title must be a string',
          'urgency must be one of the following values: normal, urgent',
          'location.lat must be a number conforming to the specified constraints',
        ]),
        errors: expect.any(Array),
      });
    });

    it('says each problem of a bad body at its field in the language of Accept-Language, zh-CN when there is none, and leaves message as it was', async () => {
      const bad = { title: 'a title longer than twenty', urgency: 'soon', location: { lat: 'north', lng: 1 }, admin: true };
      const english = [
        'property admin should not exist',
        'title must be shorter than or equal to 20 characters',
        'urgency must be one of the following values: normal, urgent',
        'location.lat must be a number conforming to the specified constraints',
      ];
      const zh = await request(service.url).post('/v1/fixture/things').set('accept-language', 'zh-CN').send(bad).expect(400);
      const none = await request(service.url).post('/v1/fixture/things').send(bad).expect(400);
      const en = await request(service.url).post('/v1/fixture/things').set('accept-language', 'en-US,en;q=0.9,zh;q=0.5').send(bad).expect(400);
      for (const response of [zh, none, en]) {
        expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect([...(response.body as { message: string[] }).message].sort()).toEqual([...english].sort());
      }
      const byField = (body: { errors: Array<{ field?: string; code: string; message: string }> }) => Object.fromEntries(body.errors.map((e) => [`${e.field}:${e.code}`, e.message]));
      expect(byField(zh.body)).toEqual({
        'admin:whitelistValidation': '不接受字段 admin。',
        'title:maxLength': '标题不能超过 20 个字符。',
        'urgency:isIn': '紧急程度必须是以下之一：normal、urgent。',
        'location.lat:isNumber': '纬度必须是数字。',
      });
      expect(none.body.errors).toEqual(zh.body.errors);
      expect(byField(en.body)).toEqual({
        'admin:whitelistValidation': 'The field admin is not accepted.',
        'title:maxLength': 'Title must be at most 20 characters.',
        'urgency:isIn': 'Urgency must be one of: normal, urgent.',
        'location.lat:isNumber': 'Latitude must be a number.',
      });
    });

    it('says a domain error, a refused body and an unknown route in the caller’s language too', async () => {
      const zh = await request(service.url).get('/v1/fixture/domain-errors/conflict').expect(409);
      expect(zh.body).toEqual({ statusCode: 409, error: 'Conflict', code: 'conflict', message: 'fixture conflict', errors: [{ code: 'conflict', message: '此操作与当前状态冲突，请刷新后重试。' }] });
      const en = await request(service.url).get('/v1/fixture/domain-errors/conflict').set('accept-language', 'en').expect(409);
      expect(en.body.errors).toEqual([{ code: 'conflict', message: 'This clashes with the current state; reload and try again.' }]);
      const array = await request(service.url).post('/v1/fixture/things').set('content-type', 'application/json').send('[1]').expect(400);
      expect(array.body.errors).toEqual([{ code: 'bodyNotObject', message: '请求体必须是一个 JSON 对象（content-type application/json）。' }]);
      const route = await request(service.url).get('/v1/fixture/nowhere').set('accept-language', 'en').expect(404);
      expect(route.body.errors).toEqual([{ code: 'not_found', message: 'What you asked for was not found.' }]);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const response = await request(service.url).post('/v1/fixture/things').set('content-type', 'application/json').send('{"title":').expect(400);
      expect(response.body).toMatchObject({ statusCode: 400 });
    });

    it('answers 413 for a JSON body over 1 MiB', async () => {
      const response = await request(service.url)
        .post('/v1/fixture/things')
        .send({ title: 'big', urgency: 'normal', note: 'x'.repeat(1024 * 1024 + 10) })
        .expect(413);
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large', errors: [{ code: 'payloadTooLarge', message: '提交的内容过大。' }] });
    });
  });

  describe('hostile input', () => {
    const thing = { title: 'Manhole', urgency: 'urgent', location: { lat: 28.6, lng: 115.8 } };
    const post = (body: string, type = 'application/json') => request(service.url).post('/v1/fixture/things').set('content-type', type).send(body);

    it.each([
      ['text/plain', 'content-type must be application/json, not text/plain'],
      ['application/x-www-form-urlencoded', 'content-type must be application/json, not application/x-www-form-urlencoded'],
    ])('refuses a body sent as %s with 400 naming the content type', async (type, message) => {
      const response = await post(JSON.stringify(thing), type).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [message], errors: [{ code: 'invalid', message: '提交的内容有误，请检查后重试。' }] });
    });

    it('refuses a body with no content type at all', async () => {
      const response = await fetch(`${service.url}/v1/fixture/things`, { method: 'POST', body: new Blob([JSON.stringify(thing)]) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: unknown }).message).toEqual([expect.stringMatching(/^content-type must be application\/json/)]);
    });

    it('refuses a request without a body where the handler takes one, and a JSON array', async () => {
      const none = await request(service.url).post('/v1/fixture/things').expect(400);
      expect(none.body.message).toEqual(['the body must be a JSON object (content-type application/json)']);
      const array = await post('[1,2]').expect(400);
      expect(array.body.message).toEqual(['the body must be a JSON object (content-type application/json)']);
    });

    it('refuses bytes that are not UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","urgency":"normal"}')]);
      // fetch sends the bytes as they are (supertest would re-encode a Buffer as JSON).
      const response = await fetch(`${service.url}/v1/fixture/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, message: 'the body must be valid UTF-8' });
    });

    it.each(['__proto__', 'constructor'])('refuses a %s key with 400 naming its path, and pollutes nothing', async (key) => {
      const body = JSON.stringify(thing).replace('"location":{', `"location":{"${key}":{"isAdmin":true},`);
      const response = await post(body).expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [`location.${key} is not an allowed property name`],
        errors: [{ code: 'invalid', message: '提交的内容有误，请检查后重试。' }],
      });
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses deep nesting and numbers JSON cannot carry', async () => {
      const deep = await post(JSON.stringify({ ...thing, note: JSON.parse('['.repeat(30) + ']'.repeat(30)) as unknown })).expect(400);
      expect(deep.body.message).toEqual([expect.stringMatching(/^note(\[0\])+ nests deeper than 16 levels$/)]);
      const huge = await post(JSON.stringify(thing).replace('28.6', '1e400')).expect(400);
      expect(huge.body.message).toEqual([expect.stringMatching(/^location\.lat must be a number between/)]);
    });

    it('refuses a URL with a NUL or a malformed escape, wherever it is', async () => {
      for (const path of ['/v1/fixture/domain-errors/a%00b', '/v1/fixture/correlation?x=%00', '/v1/fixture/domain-errors/%ZZ']) {
        const response = await request(service.url).get(path).expect(400);
        expect(response.body.message).toEqual([expect.stringMatching(/^the URL (must not contain NUL characters|has a malformed percent-escape)$/)]);
      }
    });

    it('sends security headers and no CORS grant to an origin that is not on the list', async () => {
      const response = await request(service.url).get('/v1/fixture/correlation').set('origin', 'https://evil.example').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('errors', () => {
    it.each([
      ['not_found', 404],
      ['forbidden', 403],
      ['conflict', 409],
      ['unprocessable', 422],
      ['invalid', 400],
    ])('maps the domain error %s to %i', async (code, status) => {
      const response = await request(service.url).get(`/v1/fixture/domain-errors/${code}`).expect(status);
      expect(response.body).toMatchObject({ statusCode: status, code });
    });

    it('answers 500 with an errorId and nothing of the internals', async () => {
      const response = await request(service.url).get('/v1/fixture/crash').expect(500);
      expect(response.body).toEqual({ statusCode: 500, error: 'Internal Server Error', errorId: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toContain('hunter2');
    });

    it('answers 404 for a route that does not exist', async () => {
      await request(service.url).get(`/v1/nothing/${uuidv7()}`).expect(404);
    });
  });

  describe('auth', () => {
    it('answers 401 on a route that is not public when no token comes', async () => {
      await request(service.url).get('/v1/fixture/private').expect(401);
    });
  });

  describe('CORS', () => {
    it('grants exactly the configured origins, preflight included', async () => {
      const allowed = await createServiceApp(
        FixtureAppModule,
        testConfigEnv({ DATABASE_URL: database.url, CORS_ALLOWED_ORIGINS: 'https://report.example.gov.cn, https://ops.example.gov.cn' }),
      );
      try {
        const preflight = await request(allowed.url)
          .options('/v1/fixture/things')
          .set('origin', 'https://report.example.gov.cn')
          .set('access-control-request-method', 'POST')
          .expect(204);
        expect(preflight.headers['access-control-allow-origin']).toBe('https://report.example.gov.cn');
        expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
        const other = await request(allowed.url).get('/v1/fixture/correlation').set('origin', 'https://evil.example').expect(200);
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await allowed.close();
      }
    });
  });

  describe('OpenAPI', () => {
    it('serves the document at /docs-json with bearer auth, health open to all', async () => {
      const response = await request(service.url).get('/docs-json').expect(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(response.body.info.title).toBe('fixture service');
      expect(response.body.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
      expect(response.body.security).toEqual([{ bearer: [] }]);
      expect(response.body.paths['/health'].get.security).toEqual([]);
      expect(response.body.paths['/v1/fixture/things']).toBeDefined();
      expect(response.body.paths['/v1/fixture/things'].post.responses['4XX'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ApiErrorBody' });
      expect(response.body.components.schemas.ApiErrorBody.properties.errors.items).toEqual({ $ref: '#/components/schemas/ApiErrorEntry' });
      expect(response.body.components.schemas.ApiErrorEntry.required).toEqual(['code', 'message']);
    });

    it('serves the UI at /docs without a token', async () => {
      const response = await request(service.url).get('/docs').redirects(1).expect(200);
      expect(response.text).toContain('swagger-ui');
    });
  });
});

describe('a service whose database connections are all taken', () => {
  let database: TestDatabase;
  let service: TestServiceApp;

  beforeAll(async () => {
    database = await createTestDatabase('http-busy');
    service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '3', DATABASE_QUEUE_LIMIT: '1' }));
  });

  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  it('refuses requests with 503 and Retry-After while queries queue past the limit, answers health, and serves again once they drain', async () => {
    const dataSource = service.app.get(DataSource);
    // Slow queries hold the three connections; more wait for them (past the limit of one).
    const busy = [1, 2, 3, 4, 5].map(() => dataSource.query('SELECT pg_sleep(1)'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await request(service.url).get('/v1/fixture/correlation').expect(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body).toMatchObject({ statusCode: 503, message: ['the service is busy; try again in 1 s'] });
    const health = await request(service.url).get('/health').expect(200);
    expect(health.body.checks.postgres).toBe('up');
    await Promise.all(busy);
    await request(service.url).get('/v1/fixture/correlation').expect(200);
  });
});

