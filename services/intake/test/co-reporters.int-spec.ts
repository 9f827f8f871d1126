import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { createEnvelope, DUPLICATE_CHECK_HOLDER, EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { HAZARD, MINIMAL_JPEG, writeCategorySeed } from './fixtures';

jest.setTimeout(90_000);

const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
const GRID = { type: 'org_unit' as const, id: 'grid-1', name: 'Grid 1' };

interface View {
  status: string;
  trackingNo: string;
  holder: unknown;
  duplicateOf: string | null;
  resolution: { resolution: string; resolvedBy: unknown; attachments: { id: string; url: string }[] } | null;
  original?: { id: string; trackingNo: string; joinedAt: string; status: string; history: { type: string; summary: string }[] };
  history: { type: string; summary: string }[];
  coReporters?: string[];
}

describe('co-reporters: the reporter of a duplicate follows the original, and both see the fix photos', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  let publisher: EventPublisher;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('intake-co-reporters');
    service = (await createServiceApp(
      AppModule,
      testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed(), ATTACHMENTS_DIR: mkdtempSync(join(tmpdir(), 'intake-co-reporters-')) }),
    )) as TestServiceApp<IntakeConfig>;
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
    publisher = new EventPublisher(service.app.get(KafkaConnection));
    for (const who of ['alice', 'bob', 'carol']) tokens[who] = await signDevToken({ sub: `worker-${who}`, role: 'worker' });
    tokens.works = await signDevToken({ sub: 'mw-clerk', role: 'department', departmentCode: 'municipal_works' });
    tokens.otherWorks = await signDevToken({ sub: 'mw-clerk-2', role: 'department', departmentCode: 'municipal_works' });
    tokens.fire = await signDevToken({ sub: 'fire-clerk', role: 'department', departmentCode: 'fire' });
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
    await db?.drop();
  });

  const publish = async <T extends TopicName>(topic: T, grievanceId: string, minutesLater: number, payload: PayloadOf<T>): Promise<EventEnvelope<PayloadOf<T>>> => {
    const envelope = createEnvelope({ topic, grievanceId, actor: { id: 'someone', role: 'system' }, correlationId: 'test', occurredAt: new Date(Date.now() + minutesLater * 60_000), payload } as never) as EventEnvelope<PayloadOf<T>>;
    await publisher.publish(topic, envelope);
    return envelope;
  };
  const submit = async (who: string, body: object) =>
    (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${tokens[who]}`).send(body).expect(201)).body as { id: string; trackingNo: string };
  const view = async (who: string, id: string, language = 'en') =>
    (await request(service.url).get(`/v1/grievances/${id}`).set('Authorization', `Bearer ${tokens[who]}`).set('Accept-Language', language).expect(200)).body as View;
  const download = (who: string, url: string) => request(service.url).get(url).set('Authorization', `Bearer ${tokens[who]}`);

  it('shows the co-reporter the original’s status, history and fix photos, and lets only its reporters download them', async () => {
    const original = await submit('alice', HAZARD);
    const duplicate = await submit('bob', { ...HAZARD, location: { ...HAZARD.location, lat: HAZARD.location.lat + 0.0001 } });
    expect((await view('bob', duplicate.id)).duplicateOf).toBe(original.id);
    // Routing links the duplicate; its reporter becomes a co-reporter of the original.
    await publish('grievance.linked.v1', duplicate.id, 0, { duplicateOf: original.id, reporterId: 'worker-bob', linkedBy: { ...DUPLICATE_CHECK_HOLDER } });
    await eventually(() => view('alice', original.id), (v) => JSON.stringify(v.coReporters) === JSON.stringify(['worker-bob']), { what: 'bob a co-reporter of the original' });

    // The department photographs its fix, then routing and the department move the original along.
    const photo = (await request(service.url).post('/v1/attachments').set('Authorization', `Bearer ${tokens.works}`).attach('file', MINIMAL_JPEG, 'fixed.jpg').expect(201)).body as { id: string };
    await publish('grievance.routed.v1', original.id, 1, { kind: 'hazard', category: HAZARD.category, holder: GRID, gridId: 'grid-1', fallback: false });
    await publish('grievance.assigned.v1', original.id, 2, { holder: DEPT, departmentCode: 'municipal_works', reason: 'verified_on_site' });
    await publish('grievance.paused.v1', original.id, 3, { holder: DEPT, question: 'Is it the north side?' });
    await publish('grievance.replied.v1', original.id, 4, { reporterId: 'worker-alice', message: 'North side, by the bus stop.', resumedBy: DEPT });
    await publish('grievance.resolved.v1', original.id, 5, { resolvedBy: DEPT, resolution: 'New cover fitted.', attachmentIds: [photo.id] });

    // The events come on five topics, so intake may apply the resolution before the routing: wait for the whole story.
    const bobs = await eventually(() => view('bob', duplicate.id), (v) => v.status === 'resolved' && v.original?.history.length === 4, {
      what: 'the duplicate showing the original resolved, with its whole history',
      timeoutMs: 40_000,
    });
    expect(bobs).toMatchObject({
      trackingNo: duplicate.trackingNo,
      status: 'resolved',
      holder: DEPT,
      resolution: { resolution: 'New cover fitted.', resolvedBy: DEPT, attachments: [{ id: photo.id, url: `/v1/attachments/${photo.id}` }] },
      original: { id: original.id, trackingNo: original.trackingNo, status: 'resolved', joinedAt: expect.any(String) },
    });
    // The original's history, without the dialogue between its holder and its reporter; their own stays theirs.
    expect(bobs.original!.history.map((h) => h.type)).toEqual(['grievance.submitted', 'grievance.routed', 'grievance.assigned', 'grievance.resolved']);
    expect(bobs.original!.history[3]!.summary).toBe('resolved by Municipal works (department): New cover fitted.');
    expect(bobs.history.map((h) => h.type)).toEqual(['grievance.submitted', 'grievance.linked']);

    const alices = await view('alice', original.id);
    expect(alices).toMatchObject({ status: 'resolved', resolution: { attachments: [{ id: photo.id, url: `/v1/attachments/${photo.id}` }] }, coReporters: ['worker-bob'] });
    expect(alices.original).toBeUndefined();

    // Both reporters download the fix photo; another rider and another department get the same 404 as for nothing.
    for (const who of ['alice', 'bob', 'works', 'otherWorks']) {
      const res = await download(who, `/v1/attachments/${photo.id}`).expect(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
    }
    for (const who of ['carol', 'fire']) await download(who, `/v1/attachments/${photo.id}`).expect(404);

    // The co-reporter's list shows where the original stands, with its tracking number.
    const list = (await request(service.url).get('/v1/grievances').set('Authorization', `Bearer ${tokens.bob}`).expect(200)).body as { items: { id: string; status: string; original?: { trackingNo: string } }[] };
    expect(list.items.find((i) => i.id === duplicate.id)).toMatchObject({ status: 'resolved', original: { id: original.id, trackingNo: original.trackingNo, status: 'resolved' } });

    await publish('grievance.closed.v1', original.id, 6, { outcome: 'resolved', rating: 'satisfied', slaMet: true });
    const closed = await eventually(() => view('bob', duplicate.id, 'zh-CN'), (v) => v.status === 'closed', { what: 'the duplicate showing the original closed' });
    expect(closed.original!.status).toBe('closed');
    expect(closed.holder).toBeNull();
    expect(closed.original!.history.map((h) => h.type).at(-1)).toBe('grievance.closed');
    // Once closed, the photo stays the reporters' to see.
    await download('bob', `/v1/attachments/${photo.id}`).expect(200);
    await download('carol', `/v1/attachments/${photo.id}`).expect(404);
  });

  it('shows the latest resolution after a reopening, whatever order the resolutions are read in, and a redelivery adds none', async () => {
    const original = await submit('alice', { ...HAZARD, location: { lat: 28.7, lng: 115.95 } });
    const first = (await request(service.url).post('/v1/attachments').set('Authorization', `Bearer ${tokens.works}`).attach('file', MINIMAL_JPEG, 'plate.jpg').expect(201)).body as { id: string };
    const second = (await request(service.url).post('/v1/attachments').set('Authorization', `Bearer ${tokens.works}`).attach('file', MINIMAL_JPEG, 'cover.jpg').expect(201)).body as { id: string };
    const later = await publish('grievance.resolved.v1', original.id, 9, { resolvedBy: DEPT, resolution: 'Cover fitted.', attachmentIds: [second.id] });
    await publish('grievance.reopened.v1', original.id, 5, { reason: 'A plate is not a cover.', reopenedTo: DEPT });
    await publish('grievance.resolved.v1', original.id, 3, { resolvedBy: DEPT, resolution: 'Plate laid.', attachmentIds: [first.id] });
    await publisher.publish('grievance.resolved.v1', later);
    const v = await eventually(() => view('alice', original.id), (x) => x.history.length >= 4, { what: 'both resolutions and the reopening read' });
    expect(v.resolution).toMatchObject({ resolution: 'Cover fitted.', attachments: [{ id: second.id }] });
    expect(v.history.filter((h) => h.type === 'grievance.resolved')).toHaveLength(2);
    // Both fix photos, the earlier one too, are hers to see.
    await download('alice', `/v1/attachments/${first.id}`).expect(200);
    await download('bob', `/v1/attachments/${first.id}`).expect(404);
  });
});
