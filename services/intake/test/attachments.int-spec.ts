import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import exifr from 'exifr';
import { HAZARD, jpegWithExif, MINIMAL_JPEG, writeCategorySeed } from './fixtures';

jest.setTimeout(60_000);

/** The smallest valid PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

describe('POST /v1/attachments', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  let dir: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    db = await createTestDatabase('intake-attachments');
    dir = mkdtempSync(join(tmpdir(), 'intake-attachments-'));
    service = (await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed(), ATTACHMENTS_DIR: dir }))) as TestServiceApp<IntakeConfig>;
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
    alice = await signDevToken({ sub: 'worker-alice', role: 'worker' });
    bob = await signDevToken({ sub: 'worker-bob', role: 'worker' });
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const upload = (token: string, bytes: Buffer, filename: string) =>
    request(service.url).post('/v1/attachments').set('Authorization', `Bearer ${token}`).attach('file', bytes, filename);

  it('stores a PNG by its hash and answers its id, hash, size and type', async () => {
    const res = await upload(alice, PNG, 'photo.bin').expect(201);
    expect(res.body).toEqual({ id: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: PNG.length, contentType: 'image/png' });
    const sha: string = res.body.sha256;
    expect(existsSync(join(dir, sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
  });

  it('knows a JPEG from its bytes', async () => {
    const res = await upload(alice, MINIMAL_JPEG, 'x.png').expect(201);
    expect(res.body.contentType).toBe('image/jpeg');
  });

  it('refuses a JPEG that breaks off before its image data (400): a photo it could not clean is never stored', async () => {
    const res = await upload(alice, Buffer.concat([JPEG_HEAD, Buffer.alloc(64)]), 'cut.jpg').expect(400);
    expect(res.body.message).toEqual([expect.stringMatching(/^file is not a well-formed JPEG image/)]);
  });

  it('serves a photo back to its uploader without its EXIF (no GPS, no time taken), and to nobody else', async () => {
    const photo = jpegWithExif([28, 40, 58.44], [115, 51, 29.52], '2026:11:30 10:00:00');
    expect(await exifr.parse(photo, { gps: true })).toMatchObject({ latitude: expect.any(Number) });
    const { id } = (await upload(alice, photo, 'street.jpg').expect(201)).body as { id: string };
    const res = await request(service.url).get(`/v1/attachments/${id}`).set('Authorization', `Bearer ${alice}`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const served = res.body as Buffer;
    expect(served.length).toBeLessThan(photo.length);
    expect(await exifr.parse(served, { gps: true }).catch(() => undefined)).toBeUndefined();
    expect(served.subarray(-4)).toEqual(photo.subarray(-4));
    // The place it was taken stays known to the service, as metadata nobody is served.
    const [row] = await queryDatabase<{ metadata: { exif: { gps?: unknown } } }>(db.url, 'SELECT metadata FROM intake_attachments WHERE id = $1', [id]);
    expect(row!.metadata.exif.gps).toBeDefined();
    await request(service.url).get(`/v1/attachments/${id}`).set('Authorization', `Bearer ${bob}`).expect(404);
    await request(service.url).get(`/v1/attachments/${id}`).set('Authorization', `Bearer ${await signDevToken({ sub: 'gw-1', role: 'grid_worker', gridId: 'g1' })}`).expect(404);
  });

  it('refuses a text file named .jpg (400) and stores nothing', async () => {
    const before = await queryDatabase(db.url, 'SELECT id FROM intake_attachments');
    const res = await upload(alice, Buffer.from('hello, I am not a picture'), 'photo.jpg').expect(400);
    expect(JSON.stringify(res.body.message)).toContain('file');
    expect(await queryDatabase(db.url, 'SELECT id FROM intake_attachments')).toEqual(before);
  });

  it('refuses a request without a file (400)', async () => {
    const res = await request(service.url).post('/v1/attachments').set('Authorization', `Bearer ${alice}`).field('note', 'x').expect(400);
    expect(JSON.stringify(res.body.message)).toContain('file');
  });

  it('refuses more than 10 MiB (413)', async () => {
    const big = Buffer.concat([JPEG_HEAD, Buffer.alloc(10 * 1024 * 1024)]);
    await upload(alice, big, 'big.jpg').expect(413);
  });

  it('lets a worker attach only their own uploads to a report', async () => {
    const mine = (await upload(alice, PNG, 'a.png').expect(201)).body.id as string;
    const theirs = (await upload(bob, PNG, 'b.png').expect(201)).body.id as string;
    const created = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send({ ...HAZARD, attachmentIds: [mine] }).expect(201);
    const row = await queryDatabase(db.url, 'SELECT attachment_ids FROM intake_grievances WHERE id = $1', [created.body.id]);
    expect(row[0]!.attachment_ids).toEqual([mine]);
    const res = await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send({ ...HAZARD, location: { lat: 10, lng: 10 }, attachmentIds: [theirs] }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain('attachmentIds');
  });
});
