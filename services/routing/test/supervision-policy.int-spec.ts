import { DataSource } from 'typeorm';
import { SlaSettingsStore } from '@grievance/sla';
import { createTestDatabase, TestDatabase } from '@grievance/testing';
import { ROUTING_MIGRATIONS } from '../src/migrations';
import { SupervisionPolicy1798600000000 } from '../src/migrations/1798600000000-SupervisionPolicy';

/** The `supervision` policy reaches a routing database seeded before it was a default, once. */
describe('routing: the supervision (督办) policy in an existing database', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('supervision_policy');
    dataSource = await new DataSource({ type: 'postgres', url: db.url, migrations: ROUTING_MIGRATIONS }).initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const policyIds = async () => ((await dataSource.query(`SELECT id FROM sla_policies ORDER BY id`)) as { id: string }[]).map((r) => r.id);
  const migrate = async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new SupervisionPolicy1798600000000().up(runner);
    } finally {
      await runner.release();
    }
  };

  it('is seeded with the defaults in a new database, and added once to one seeded without it, unless an admin removed it', async () => {
    await new SlaSettingsStore(dataSource).seedDefaults();
    expect(await policyIds()).toContain('supervision');
    // A database seeded before the policy existed.
    await dataSource.query(`DELETE FROM sla_policies WHERE id = 'supervision'`);
    await dataSource.query(`DELETE FROM sla_settings_history WHERE item_id = 'supervision'`);
    await migrate();
    const [row] = (await dataSource.query(`SELECT version, body FROM sla_policies WHERE id = 'supervision'`)) as { version: number; body: { match: object; targets: object; priority: number } }[];
    expect(row).toEqual({ version: 1, body: expect.objectContaining({ match: { stage: 'supervision' }, targets: { resolve: 'P3D' }, priority: 1 }) });
    const store = new SlaSettingsStore(dataSource);
    expect((await store.current()).policies.map((p) => p.id)).toContain('supervision');
    // Removed by an admin since (its history remains): not brought back.
    await dataSource.query(`DELETE FROM sla_policies WHERE id = 'supervision'`);
    await migrate();
    expect(await policyIds()).not.toContain('supervision');
  });
});
