import * as path from 'node:path';
import { createTestDatabase, freePort, testConfigEnv, TestDatabase } from '@grievance/testing';
import { RunningService, SERVICES, startServices } from '../deploy/local/services';

/**
 * The five services as `npm start` runs them: separate processes from their build,
 * against the real broker, Postgres and Redis.
 */
describe('the system started as separate processes', () => {
  const databases: TestDatabase[] = [];
  let services: RunningService[] = [];

  beforeAll(async () => {
    const ports: Record<string, number> = {};
    const env: Record<string, string> = {};
    for (const { name } of SERVICES) ports[name] = await freePort();
    const base = testConfigEnv({ LOG_LEVEL: 'info' });
    for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
    // Each service owns its database: a throwaway one each.
    const serviceEnv: Record<string, Record<string, string>> = {};
    for (const { name } of SERVICES) {
      const database = await createTestDatabase(`e2e_${name}`);
      databases.push(database);
      serviceEnv[name] = { DATABASE_URL: database.url };
    }
    const logDir = path.join(__dirname, '..', '.cache', 'e2e-logs', new Date().toISOString().replace(/[:.]/g, '-'));
    services = await startServices({ ports, env, serviceEnv, output: { logDir } });
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    for (const database of databases) await database.drop();
  });

  it('brings up all five services, each healthy with Postgres, Redis and Kafka up', async () => {
    expect(services.map((s) => s.name)).toEqual(['intake', 'routing', 'grid-dispatch', 'feedback', 'audit']);
    for (const service of services) {
      const response = await fetch(`${service.url}/health`);
      expect({ service: service.name, status: response.status, body: await response.json() }).toEqual({
        service: service.name,
        status: 200,
        body: expect.objectContaining({ status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } }),
      });
    }
  });

  it('serves each OpenAPI document at /docs-json and its UI at /docs', async () => {
    for (const service of services) {
      const json = await fetch(`${service.url}/docs-json`);
      expect(json.status).toBe(200);
      expect((await json.json()) as object).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
      const ui = await fetch(`${service.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    }
  });

  it('stops each service on SIGTERM by itself, without needing a SIGKILL', async () => {
    const stopping = services.splice(0);
    await Promise.all(stopping.map((s) => s.stop(10_000)));
    // Nest closes the app, then re-raises the signal: a clean stop ends by SIGTERM (or exit 0).
    const ends = stopping.map((s) => ({ name: s.name, clean: s.child.exitCode === 0 || s.child.signalCode === 'SIGTERM' }));
    expect(ends).toEqual(stopping.map((s) => ({ name: s.name, clean: true })));
  });
});
