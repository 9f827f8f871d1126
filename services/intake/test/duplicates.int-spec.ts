import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { createEnvelope, DUPLICATE_CHECK_HOLDER } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp, waitForMessages } from '@grievance/testing';
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
  let publisher: EventPublisher;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('intake-duplicates');
    service = (await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed() }))) as TestServiceApp<IntakeConfig>;
    kafka = service.app.get(KafkaConnection);
    await kafka.ensureTopics(catalogueTopicsToCreate());
    publisher = new EventPublisher(kafka);
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin']) tokens[name] = await signDevToken({ sub: `worker-${name}`, role: 'worker' });
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
    await db?.drop();
  });

  const submit = async (who: string, body: object) =>
    (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${tokens[who]}`).send(body).expect(201)).body as { id: string };
  const coReportersOf = (id: string) => queryDatabase<{ reporter_id: string }>(db.url, 'SELECT reporter_id FROM intake_co_reporters WHERE grievance_id = $1', [id]);
  const linkedInOutbox = (ids: string[]) => queryDatabase(db.url, `SELECT 1 FROM messaging_outbox WHERE topic = 'grievance.linked.v1' AND message_key = ANY($1)`, [ids]);
  const duplicateOf = async (id: string) => (await queryDatabase<{ d: string | null }>(db.url, 'SELECT duplicate_of AS d FROM intake_grievances WHERE id = $1', [id]))[0]!.d;

  it('finds a hazard of the same category 20 m from an open one a duplicate and names the original in the submission; routing’s link makes its reporter a co-reporter', async () => {
    const original = await submit('alice', HAZARD);
    const second = await submit('bob', north(20));
    expect(await duplicateOf(second.id)).toBe(original.id);

    const [submitted] = await waitForMessages(kafka, 'grievance.submitted.v1', 1, (m) => m.key === second.id);
    expect(JSON.parse(submitted!.value!).payload.duplicateOf).toBe(original.id);
    // The finding travels in the submission; routing links the duplicate (grievance.linked.v1), intake does not.
    expect(await linkedInOutbox([second.id])).toHaveLength(0);

    // Their own report points to the original at once.
    const own = await request(service.url).get(`/v1/grievances/${second.id}`).set('Authorization', `Bearer ${tokens.bob}`).expect(200);
    expect(own.body).toMatchObject({ duplicateOf: original.id, original: { id: original.id, status: 'submitted' } });

    // Routing's link, read back as every service reads it, makes them a co-reporter of the original.
    await publisher.publish('grievance.linked.v1', createEnvelope({
      topic: 'grievance.linked.v1',
      grievanceId: second.id,
      actor: { id: 'routing', role: 'system' },
      correlationId: JSON.parse(submitted!.value!).correlationId as string,
      payload: { duplicateOf: original.id, reporterId: 'worker-bob', linkedBy: { ...DUPLICATE_CHECK_HOLDER } },
    }));
    await eventually(() => coReportersOf(original.id), (rows) => rows.length > 0, { what: 'the co-reporter added from the link' });
    expect(await coReportersOf(original.id)).toEqual([{ reporter_id: 'worker-bob' }]);
    const view = await request(service.url).get(`/v1/grievances/${original.id}`).set('Authorization', `Bearer ${tokens.bob}`).expect(200);
    expect(view.body.id).toBe(original.id);
    const byReporter = await request(service.url).get(`/v1/grievances/${original.id}`).set('Authorization', `Bearer ${tokens.alice}`).expect(200);
    expect(byReporter.body.coReporters).toEqual(['worker-bob']);
    const linked = await request(service.url).get(`/v1/grievances/${second.id}`).set('Authorization', `Bearer ${tokens.bob}`).set('Accept-Language', 'en').expect(200);
    expect(linked.body.history.map((h: { type: string }) => h.type)).toEqual(['grievance.submitted', 'grievance.linked']);
    expect(linked.body.history[1].summary).toBe(`linked to an open report of the same hazard nearby (${original.id})`);
  });

  it('does not link another category, a point 200 m away, or an appeal', async () => {
    const original = await submit('alice', north(1000));
    const otherCategory = await submit('carol', { ...north(1005), category: 'road_damage' });
    const far = await submit('dave', north(1200));
    expect(await duplicateOf(otherCategory.id)).toBeNull();
    expect(await duplicateOf(far.id)).toBeNull();
    expect(await duplicateOf(original.id)).toBeNull();
    const submissions = await waitForMessages(kafka, 'grievance.submitted.v1', 2, (m) => m.key === otherCategory.id || m.key === far.id);
    expect(submissions.map((m) => JSON.parse(m.value!).payload.duplicateOf)).toEqual([undefined, undefined]);
    expect(await linkedInOutbox([otherCategory.id, far.id])).toHaveLength(0);
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
