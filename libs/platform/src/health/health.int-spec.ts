import request from 'supertest';
import { createServiceApp, createTestDatabase, eventually, FixtureAppModule, freePort, PrivateRedis, startPrivateRedis, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';

describe('GET /health on the service chassis', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('health');
  });

  afterAll(async () => {
    await database?.drop();
  });

  describe('with Postgres, Redis and Kafka up', () => {
    let service: TestServiceApp;

    beforeAll(async () => {
      service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url }));
    });

    afterAll(async () => {
      await service?.close();
    });

    it('answers 200 with every check up, without a token', async () => {
      const response = await request(service.url).get('/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } });
    });
  });

  describe('when Redis goes away', () => {
    let redis: PrivateRedis;
    let service: TestServiceApp;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url, REDIS_URL: redis.url }));
    });

    afterAll(async () => {
      await service?.close();
      await redis?.stop();
    });

    it('answers 503 naming redis when Redis is down, while postgres and kafka stay up', async () => {
      await request(service.url).get('/health').expect(200);
      await redis.stop();

      const started = Date.now();
      const response = await request(service.url).get('/health').expect(503);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(response.body).toEqual({
        status: 'error',
        checks: { postgres: 'up', redis: 'down', kafka: 'up' },
        down: ['redis'],
        message: ['redis is down'],
      });
    });

    it('answers 200 again once Redis is back', async () => {
      redis = await startPrivateRedis({ port: redis.port });
      await eventually(
        async () => (await request(service.url).get('/health')).status,
        (status) => status === 200,
        { timeoutMs: 10_000, what: 'health to recover' },
      );
    });
  });

  describe('when Redis is down at start', () => {
    let port: number;
    let service: TestServiceApp;
    let redis: PrivateRedis | undefined;

    beforeAll(async () => {
      port = await freePort();
      service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${port}` }));
    });

    afterAll(async () => {
      await service?.close();
      await redis?.stop();
    });

    it('starts anyway and answers 503 naming redis', async () => {
      const response = await request(service.url).get('/health').expect(503);
      expect(response.body.down).toEqual(['redis']);
    });

    it('connects once Redis comes up', async () => {
      redis = await startPrivateRedis({ port });
      await eventually(
        async () => (await request(service.url).get('/health')).status,
        (status) => status === 200,
        { timeoutMs: 10_000, what: 'health to recover' },
      );
    });
  });

  describe('when the broker address is dead', () => {
    let service: TestServiceApp;

    beforeAll(async () => {
      const deadBroker = `127.0.0.1:${await freePort()}`;
      service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url, KAFKA_BROKERS: deadBroker }));
    });

    afterAll(async () => {
      await service?.close();
    });

    it('answers 503 naming kafka, within the health deadline', async () => {
      const started = Date.now();
      const response = await request(service.url).get('/health').expect(503);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(response.body).toEqual({
        status: 'error',
        checks: { postgres: 'up', redis: 'up', kafka: 'down' },
        down: ['kafka'],
        message: ['kafka is down'],
      });
    });
  });
});
