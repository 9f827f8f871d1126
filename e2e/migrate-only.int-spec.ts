import { migrateService, loadConfig, ServiceModule, ServiceConfig } from '@grievance/platform';
import { createTestDatabase, queryDatabase, testConfigEnv, TestDatabase } from '@grievance/testing';
import { AppModule as GridDispatchModule } from '../services/grid-dispatch/src/app.module';
import { AppModule as IntakeModule } from '../services/intake/src/app.module';

jest.setTimeout(90_000);

/** What the Kubernetes initContainer runs (MIGRATE_ONLY=true) before a new version takes traffic. */
describe('migrating a service without starting it', () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const db of databases) await db.drop().catch(() => undefined);
  });

  it.each([
    ['intake', IntakeModule as ServiceModule<ServiceConfig>, 'intake_grievances'],
    ['grid-dispatch', GridDispatchModule as ServiceModule<ServiceConfig>, 'sla_deadlines'],
  ])('%s: runs every migration, consumes and relays nothing, and a second run finds nothing to do', async (name, module, table) => {
    const db = await createTestDatabase(`migrate-${name}`);
    databases.push(db);
    const config = loadConfig(module.configClass, testConfigEnv({ DATABASE_URL: db.url }));

    await migrateService(module, config);

    const tables = await queryDatabase<{ name: string }>(db.url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['typeorm_migrations', 'messaging_outbox', 'messaging_inbox', table]));
    const [ran] = await queryDatabase<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM typeorm_migrations`);
    expect(ran!.n).toBeGreaterThan(0);
    // No consumer ran: nothing was applied, nothing recorded to publish.
    const [inbox] = await queryDatabase<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM messaging_inbox`);
    expect(inbox!.n).toBe(0);

    await migrateService(module, config);
    const [again] = await queryDatabase<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM typeorm_migrations`);
    expect(again!.n).toBe(ran!.n);
  });
});
