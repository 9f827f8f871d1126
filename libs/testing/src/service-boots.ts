import type * as JestGlobals from '@jest/globals';
import request from 'supertest';
import { loadConfig, ServiceConfig, ServiceModule } from '@grievance/platform';
import { queryDatabase } from './provisioning';
import { createServiceApp, testConfigEnv, TestServiceApp } from './service-app';

export interface ServiceExpectations {
  /** SERVICE_NAME, e.g. 'grid-dispatch'. */
  name: string;
  /** Default PORT, e.g. 3003. */
  port: number;
  /** The database its default DATABASE_URL names, e.g. 'grievance_grid_dispatch'. */
  database: string;
}

/**
 * The smoke test every service shares: its defaults are the documented ones, and it
 * boots against the real Postgres, Redis and Kafka, migrates its database and answers
 * /health and /docs-json. A service's `test/app.int-spec.ts` is just the call:
 *
 *     describeServiceBoots(AppModule, { name: 'intake', port: 3001, database: 'grievance_intake' });
 */
export function describeServiceBoots<C extends ServiceConfig>(service: ServiceModule<C>, expected: ServiceExpectations): void {
  // Required here, not imported at the top: @jest/globals refuses to load outside jest,
  // and the rest of this library is usable from plain scripts.
  const { afterAll, beforeAll, describe, expect, it } = require('@jest/globals') as typeof JestGlobals;
  describe(`the ${expected.name} service`, () => {
    let app: TestServiceApp<C>;

    beforeAll(async () => {
      app = await createServiceApp(service, testConfigEnv());
    });

    afterAll(async () => {
      await app?.close();
    });

    it(`defaults to port ${expected.port} and the ${expected.database} database`, () => {
      const defaults = loadConfig(service.configClass, {});
      expect(defaults.SERVICE_NAME).toBe(expected.name);
      expect(defaults.PORT).toBe(expected.port);
      expect(new URL(defaults.DATABASE_URL).pathname).toBe(`/${expected.database}`);
    });

    it('boots and answers 200 on /health with postgres, redis and kafka up', async () => {
      const response = await request(app.url).get('/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } });
    });

    it('has migrated its database, the messaging outbox and inbox included', async () => {
      const rows = await queryDatabase<{ table_name: string }>(
        app.config.DATABASE_URL,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('messaging_outbox', 'messaging_inbox')`,
      );
      expect(rows.map((row) => row.table_name).sort()).toEqual(['messaging_inbox', 'messaging_outbox']);
    });

    it('serves its OpenAPI document at /docs-json with bearer auth declared', async () => {
      const response = await request(app.url).get('/docs-json').expect(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(response.body.info.title).toBe(`${expected.name} service`);
      expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });
}
