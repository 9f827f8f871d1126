import request from 'supertest';
import { createServiceApp, createTestDatabase, FixtureAppModule, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { uuidv7 } from '@grievance/contracts';

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
      });
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
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
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

  describe('OpenAPI', () => {
    it('serves the document at /docs-json with bearer auth, health open to all', async () => {
      const response = await request(service.url).get('/docs-json').expect(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(response.body.info.title).toBe('fixture service');
      expect(response.body.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
      expect(response.body.security).toEqual([{ bearer: [] }]);
      expect(response.body.paths['/health'].get.security).toEqual([]);
      expect(response.body.paths['/v1/fixture/things']).toBeDefined();
    });

    it('serves the UI at /docs without a token', async () => {
      const response = await request(service.url).get('/docs').redirects(1).expect(200);
      expect(response.text).toContain('swagger-ui');
    });
  });
});
