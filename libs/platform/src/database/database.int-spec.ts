import request from 'supertest';
import { createServiceApp, dropTestDatabase, eventually, FixtureAppModule, queryDatabase, testConfigEnv, testDatabaseExists, TestServiceApp, unusedTestDatabaseName } from '@grievance/testing';

describe('the service chassis and its database', () => {
  const { name, url } = unusedTestDatabaseName('chassis');
  const services: TestServiceApp[] = [];

  afterAll(async () => {
    await Promise.allSettled(services.map((service) => service.close()));
    await dropTestDatabase(name);
  });

  it('creates the database when it is missing and runs the migrations on start', async () => {
    expect(await testDatabaseExists(name)).toBe(false);
    services.push(await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: url })));

    expect(await testDatabaseExists(name)).toBe(true);
    const tables = await queryDatabase<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['messaging_inbox', 'messaging_outbox', 'typeorm_migrations']));
    const ran = await queryDatabase<{ name: string }>(url, 'SELECT name FROM typeorm_migrations');
    expect(ran.map((m) => m.name)).toEqual(['CreateOutboxAndInbox1763900000000']);
  });

  it('boots again against the same database without running anything twice', async () => {
    const again = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: url }));
    services.push(again);
    await request(again.url).get('/health').expect(200);
    const ran = await queryDatabase(url, 'SELECT name FROM typeorm_migrations');
    expect(ran).toHaveLength(1);
  });

  it('lets replicas start together on a fresh database: one creates and migrates, the others wait', async () => {
    const fresh = unusedTestDatabaseName('replicas');
    try {
      const replicas = await Promise.all([1, 2, 3].map(() => createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: fresh.url }))));
      services.push(...replicas);
      // Healthy each (a check that timed out on a busy machine is asked again, not taken as the answer).
      for (const replica of replicas) {
        await eventually(async () => (await request(replica.url).get('/health')).status, (status) => status === 200, { what: `replica ${replica.url} healthy`, timeoutMs: 15_000 });
      }
      const ran = await queryDatabase(fresh.url, 'SELECT name FROM typeorm_migrations');
      expect(ran).toHaveLength(1);
    } finally {
      await Promise.allSettled(services.splice(2).map((service) => service.close()));
      await dropTestDatabase(fresh.name);
    }
  });
});
