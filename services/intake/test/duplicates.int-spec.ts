import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp, waitForMessages } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { HAZARD, writeCategorySeed } from './fixtures';

jest.setTimeout(60_000);

/** HAZARD's location moved `metres` north. */
const north = (metres: number) => ({ ...HAZARD, location: { lat: HAZARD.location.lat + metres / 111_195, lng: HAZARD.location.lng } });

describe('duplicate detection', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  let kafka: KafkaConnection;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('intake-duplicates');
    service = (await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed() }))) as TestServiceApp<IntakeConfig>;
    kafka = service.app.get(KafkaConnection);
    await kafka.ensureTopics(catalogueTopicsToCreate());
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin']) tokens[name] = await signDevToken({ sub: `worker-${name}`, role: 'worker' });
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const submit = async (who: string, body: object) =>
    (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${tokens[who]}`).send(body).expect(201)).body as { id: string };
  const duplicateOf = async (id: string) => (await queryDatabase<{ d: string | null }>(db.url, 'SELECT duplicate_of AS d FROM intake_grievances WHERE id = $1', [id]))[0]!.d;

  it('links a hazard of the same category 20 m from an open one, makes its reporter a co-reporter and says so', async () => {
    const original = await submit('alice', HAZARD);
    const second = await submit('bob', north(20));
    expect(await duplicateOf(second.id)).toBe(original.id);
    expect(await queryDatabase(db.url, 'SELECT reporter_id FROM intake_co_reporters WHERE grievance_id = $1', [original.id])).toEqual([{ reporter_id: 'worker-bob' }]);

    const [submitted] = await waitForMessages(kafka, 'grievance.submitted.v1', 1, (m) => m.key === second.id);
    expect(JSON.parse(submitted!.value!).payload.duplicateOf).toBe(original.id);
    const [linked] = await waitForMessages(kafka, 'grievance.linked.v1', 1, (m) => m.key === second.id);
    expect(JSON.parse(linked!.value!)).toMatchObject({
      type: 'grievance.linked',
      grievanceId: second.id,
      payload: { duplicateOf: original.id, reporterId: 'worker-bob', linkedBy: { type: 'org_unit', id: 'intake', name: 'duplicate check' } },
    });

    // The co-reporter follows the original, and their own report points to it.
    const view = await request(service.url).get(`/v1/grievances/${original.id}`).set('Authorization', `Bearer ${tokens.bob}`).expect(200);
    expect(view.body.id).toBe(original.id);
    const own = await request(service.url).get(`/v1/grievances/${second.id}`).set('Authorization', `Bearer ${tokens.bob}`).expect(200);
    expect(own.body).toMatchObject({ duplicateOf: original.id, original: { id: original.id, status: 'submitted' } });
    const byReporter = await request(service.url).get(`/v1/grievances/${original.id}`).set('Authorization', `Bearer ${tokens.alice}`).expect(200);
    expect(byReporter.body.coReporters).toEqual(['worker-bob']);
  });

  it('does not link another category, a point 200 m away, or an appeal', async () => {
    const original = await submit('alice', north(1000));
    const otherCategory = await submit('carol', { ...north(1005), category: 'road_damage' });
    const far = await submit('dave', north(1200));
    expect(await duplicateOf(otherCategory.id)).toBeNull();
    expect(await duplicateOf(far.id)).toBeNull();
    expect(await duplicateOf(original.id)).toBeNull();
    const outbox = await queryDatabase(db.url, `SELECT 1 FROM messaging_outbox WHERE topic = 'grievance.linked.v1' AND message_key = ANY($1)`, [[otherCategory.id, far.id]]);
    expect(outbox).toHaveLength(0);
  });

  it('does not link to a closed grievance or one older than the window', async () => {
    const closed = await submit('alice', north(3000));
    await queryDatabase(db.url, `UPDATE intake_grievances SET status = 'closed' WHERE id = $1`, [closed.id]);
    expect(await duplicateOf((await submit('erin', north(3010))).id)).toBeNull();

    const old = await submit('alice', north(5000));
    await queryDatabase(db.url, `UPDATE intake_grievances SET submitted_at = now() - interval '73 hours' WHERE id = $1`, [old.id]);
    expect(await duplicateOf((await submit('erin', north(5005))).id)).toBeNull();
  });

  it('links concurrent reports of one spot to a single original', async () => {
    const results = await Promise.all(['bob', 'carol', 'dave', 'erin'].map((who) => submit(who, north(7000))));
    const links = await Promise.all(results.map((r) => duplicateOf(r.id)));
    const originals = results.filter((_r, i) => links[i] === null);
    expect(originals).toHaveLength(1);
    expect(links.filter((l) => l !== null).every((l) => l === originals[0]!.id)).toBe(true);
  });

  it('links concurrent reports on both sides of a lock cell border to a single original', async () => {
    // The duplicate check locks the cells of a lattice four radii tall; these reports lie 5-20 m
    // either side of one of its lines, in different cells, and must still see each other.
    const step = (4 * 50) / 111_320;
    const border = (Math.floor(HAZARD.location.lat / step) + 30) * step;
    const at = (metresNorthOfBorder: number) => ({ ...HAZARD, location: { lat: border + metresNorthOfBorder / 111_195, lng: HAZARD.location.lng } });
    const results = await Promise.all(
      [
        ['bob', -5],
        ['carol', 5],
        ['dave', -20],
        ['erin', 20],
      ].map(([who, metres]) => submit(who as string, at(metres as number))),
    );
    const links = await Promise.all(results.map((r) => duplicateOf(r.id)));
    const originals = results.filter((_r, i) => links[i] === null);
    expect(originals).toHaveLength(1);
    expect(links.filter((l) => l !== null).every((l) => l === originals[0]!.id)).toBe(true);
  });
});
