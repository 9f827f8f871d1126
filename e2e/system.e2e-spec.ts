import { RunningSystem, startSystem } from './system-harness';

/**
 * The five services as `npm start` runs them: separate processes from their build,
 * against the real broker, Postgres and Redis.
 */
describe('the system started as separate processes', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('brings up all five services, each healthy with Postgres, Redis and Kafka up', async () => {
    expect(system.services.map((s) => s.name)).toEqual(['intake', 'routing', 'grid-dispatch', 'feedback', 'audit']);
    for (const service of system.services) {
      const response = await fetch(`${service.url}/health`);
      expect({ service: service.name, status: response.status, body: await response.json() }).toEqual({
        service: service.name,
        status: 200,
        body: expect.objectContaining({ status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } }),
      });
    }
  });

  it('serves each OpenAPI document at /docs-json and its UI at /docs', async () => {
    for (const service of system.services) {
      const json = await fetch(`${service.url}/docs-json`);
      expect(json.status).toBe(200);
      expect((await json.json()) as object).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
      const ui = await fetch(`${service.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    }
  });

  it('stops each service on SIGTERM by itself, without needing a SIGKILL', async () => {
    const stopping = system.services.splice(0);
    await Promise.all(stopping.map((s) => s.stop(10_000)));
    // Nest closes the app, then re-raises the signal: a clean stop ends by SIGTERM (or exit 0).
    const ends = stopping.map((s) => ({ name: s.name, clean: s.child.exitCode === 0 || s.child.signalCode === 'SIGTERM' }));
    expect(ends).toEqual(stopping.map((s) => ({ name: s.name, clean: true })));
  });
});
