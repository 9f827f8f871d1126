import { createServiceApp, createTestDatabase, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { TRACKING_SERIAL_BLOCK, TrackingSerials } from '../src/grievances/tracking-serials';
import { writeCategorySeed } from './fixtures';

jest.setTimeout(90_000);

/** The serials of tracking numbers, taken a block at a time by replicas sharing one counter row per day. */
describe('tracking serials', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  const replicas: TrackingSerials[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('intake-serials');
    service = (await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed() }))) as TestServiceApp<IntakeConfig>;
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.onModuleDestroy()));
    await service?.close();
    await db?.drop();
  });

  const replica = (): TrackingSerials => {
    const serials = new TrackingSerials(service.app.get(IntakeConfig));
    replicas.push(serials);
    return serials;
  };

  const counter = async (day: string): Promise<number | undefined> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ last: string }>('SELECT last FROM intake_tracking_counters WHERE day = $1', [day]);
      return rows[0] ? Number(rows[0].last) : undefined;
    } finally {
      await client.end();
    }
  };

  it('hands two replicas, asking at once, every serial of the day once and no other', async () => {
    const [a, b] = [replica(), replica()];
    const asked = 5 * TRACKING_SERIAL_BLOCK;
    const serials = await Promise.all([...Array.from({ length: asked }, () => a.next('20261201')), ...Array.from({ length: asked }, () => b.next('20261201'))]);
    expect([...serials].sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * asked }, (_, i) => i + 1));
    // One statement a block: the counter moved by whole blocks, not by 200 single steps.
    expect(await counter('20261201')).toBe(2 * asked);
  });

  it('starts each day at 1 and keeps the days apart', async () => {
    const serials = replica();
    expect(await serials.next('20261202')).toBe(1);
    expect(await serials.next('20261202')).toBe(2);
    expect(await serials.next('20261203')).toBe(1);
    expect(await serials.next('20261203')).toBe(2);
  });

  it('never hands a serial out again after a restart: the stopped replica leaves the rest of its block unused', async () => {
    const before = replica();
    expect([await before.next('20261204'), await before.next('20261204'), await before.next('20261204')]).toEqual([1, 2, 3]);
    const after = replica();
    expect(await after.next('20261204')).toBe(TRACKING_SERIAL_BLOCK + 1);
  });
});
