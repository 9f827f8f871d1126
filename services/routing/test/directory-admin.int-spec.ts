import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signDevToken } from '@grievance/auth';
import { DirectoryEntryChangedV1, departmentIssuesTopic, EventEnvelope } from '@grievance/contracts';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, eventually, TEST_KAFKA_BROKERS, testConfigEnv, TestServiceApp, uniqueTopicPrefix, waitForMessages } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { RoutingConfig } from '../src/config';
import { RoutingDirectoryCache } from '../src/directory/routing-directory.cache';
import { DirectoryBootstrap } from '../src/directory/directory-bootstrap';
import { importDemoCity, importInto } from './demo-city';

const square = (w: number, s: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]],
});

describe('routing: the directory admin and worker registration', () => {
  let service: TestServiceApp<RoutingConfig>;
  let kafka: KafkaConnection;
  let dataSource: DataSource;
  let admin: string;
  let department: string;
  let worker: string;

  beforeAll(async () => {
    const prefix = uniqueTopicPrefix('routing-admin');
    kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'routing-admin-int', topicPrefix: prefix });
    await kafka.ensureTopics(catalogueTopicsToCreate());
    service = await createServiceApp(AppModule, testConfigEnv({ KAFKA_TOPIC_PREFIX: prefix }));
    await importDemoCity(service);
    dataSource = service.app.get(DataSource);
    admin = await signDevToken({ sub: 'admin-1', role: 'admin' });
    department = await signDevToken({ sub: 'officer', role: 'department', departmentCode: 'fire' });
    worker = await signDevToken({ sub: 'worker-42', role: 'worker' });
  });

  afterAll(async () => {
    await service?.close();
    await kafka?.deletePrefixedTopics().catch(() => undefined);
    await kafka?.disconnect();
  });

  const http = () => request(service.url);
  const asAdmin = (method: 'post' | 'put' | 'get', path: string) => http()[method](path).set('Authorization', `Bearer ${admin}`);
  const listTopics = async (): Promise<string[]> => {
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  };
  const directory = () => service.app.get(RoutingDirectoryCache).get();
  /** What the outbox holds for the directory: a refused request must add nothing. */
  const directoryEvents = async () =>
    ((await dataSource.query(`SELECT envelope FROM messaging_outbox WHERE topic = 'directory.entry-changed.v1' ORDER BY seq`)) as { envelope: EventEnvelope<DirectoryEntryChangedV1> }[]).map(
      (r) => r.envelope,
    );
  const expectNothingWritten = async (refused: () => Promise<unknown>) => {
    const before = await directoryEvents();
    const units = await dataSource.query(`SELECT id, version, retired FROM directory_org_units ORDER BY id`);
    await refused();
    expect(await directoryEvents()).toHaveLength(before.length);
    expect(await dataSource.query(`SELECT id, version, retired FROM directory_org_units ORDER BY id`)).toEqual(units);
  };

  // A new topic can take a moment to show in the metadata of a busy broker.
  const topicAppears = (code: string) =>
    eventually(listTopics, (topics) => topics.includes(kafka.topic(departmentIssuesTopic(code))), { what: `topic of ${code}` });

  it('creates the department topics of the imported city', async () => {
    await topicAppears('hrss');
  });

  it('publishes every entry of the city on the compacted directory topic, keyed by <kind>:<id>', async () => {
    const messages = await waitForMessages(kafka, 'directory.entry-changed.v1', 130);
    expect(messages.map((m) => m.key)).toEqual(expect.arrayContaining(['grid:xiangyun-yuhua-g1', 'grid_worker:gw-xiangyun-yuhua-g1-1', 'department:fire', 'category_route:illegal_parking@hongcheng']));
    const grid = messages.find((m) => m.key === 'grid:xiangyun-yuhua-g1')!;
    expect((JSON.parse(grid.value!) as EventEnvelope<DirectoryEntryChangedV1>).payload).toMatchObject({
      kind: 'grid',
      id: 'xiangyun-yuhua-g1',
      parentId: 'xiangyun-qingshan-yuhua',
      version: 1,
      retired: false,
      polygon: { type: 'Polygon' },
    });
    const config = await kafka.kafka.admin();
    await config.connect();
    try {
      const described = await config.describeConfigs({ resources: [{ type: 2, name: kafka.topic('directory.entry-changed.v1'), configNames: ['cleanup.policy'] }], includeSynonyms: false });
      expect(described.resources[0]!.configEntries[0]!.configValue).toBe('compact');
    } finally {
      await config.disconnect();
    }
  });

  it('publishes, once, at its start, entries an older routing stored without publishing them', async () => {
    await dataSource.query(`INSERT INTO directory_org_units (id, level, name, parent_id, attributes, version) VALUES ('xiangyun-old', 'street', 'Old Street', 'xiangyun', '{}', 0)`);
    const bootstrap = service.app.get(DirectoryBootstrap);
    await bootstrap.onApplicationBootstrap();
    await bootstrap.onApplicationBootstrap();
    const events = (await directoryEvents()).filter((e) => e.payload.id === 'xiangyun-old');
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ kind: 'street', name: 'Old Street', parentId: 'xiangyun', version: 1, retired: false })]);
    expect(await dataSource.query(`SELECT version FROM directory_org_units WHERE id = 'xiangyun-old'`)).toEqual([{ version: 1 }]);
  });

  describe('departments', () => {
    it('lets an admin add one, with its topic, and rename it, each change a new version', async () => {
      await asAdmin('post', '/v1/directory/departments')
        .send({ code: 'water_affairs', name: 'Water Affairs Bureau' })
        .expect(201, { code: 'water_affairs', name: 'Water Affairs Bureau', version: 1, retired: false });
      await topicAppears('water_affairs');
      await asAdmin('put', '/v1/directory/departments/water_affairs')
        .send({ name: 'Water Bureau', expectedVersion: 1 })
        .expect(200, { code: 'water_affairs', name: 'Water Bureau', version: 2, retired: false });
      const list = await http().get('/v1/directory/departments').set('Authorization', `Bearer ${department}`).expect(200);
      expect((list.body as { items: unknown[] }).items).toContainEqual({ code: 'water_affairs', name: 'Water Bureau', version: 2, retired: false });
      const events = (await directoryEvents()).filter((e) => e.payload.kind === 'department' && e.payload.id === 'water_affairs');
      expect(events.map((e) => [e.payload.name, e.payload.version, e.actor.id])).toEqual([
        ['Water Affairs Bureau', 1, 'admin-1'],
        ['Water Bureau', 2, 'admin-1'],
      ]);
    });

    it('refuses a stale version with 409 naming expectedVersion, and writes nothing', async () => {
      await expectNothingWritten(async () => {
        const stale = await asAdmin('put', '/v1/directory/departments/water_affairs').send({ name: 'Stale', expectedVersion: 1 }).expect(409);
        expect(stale.body).toMatchObject({ details: { field: 'expectedVersion', version: 2 } });
      });
    });

    it('refuses a duplicate (409), a bad code (400), an unknown one (404) and a non-admin (403)', async () => {
      await asAdmin('post', '/v1/directory/departments').send({ code: 'fire', name: 'Fire' }).expect(409);
      const bad = await asAdmin('post', '/v1/directory/departments').send({ code: 'Bad Code', name: 'x' }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('code');
      await asAdmin('put', '/v1/directory/departments/nope').send({ name: 'x' }).expect(404);
      await http().post('/v1/directory/departments').set('Authorization', `Bearer ${department}`).send({ code: 'xx_dept', name: 'x' }).expect(403);
    });

    it('retires a department nothing uses any more, and refuses one a route still names', async () => {
      const used = await asAdmin('post', '/v1/directory/departments/public_security/retire').send({}).expect(409);
      expect(JSON.stringify(used.body)).toContain('illegal_parking@hongcheng');
      await asAdmin('post', '/v1/directory/departments/water_affairs/retire').send({ expectedVersion: 2 }).expect(200, { code: 'water_affairs', name: 'Water Bureau', version: 3, retired: true });
      expect((await directory()).department('water_affairs')).toBeUndefined();
      const route = await asAdmin('put', '/v1/directory/category-routes').send({ category: 'road_damage', districtId: 'xiangyun', departmentCode: 'water_affairs' }).expect(400);
      expect(JSON.stringify(route.body)).toContain('departmentCode');
    });
  });

  describe('org units and routes', () => {
    it('adds a grid that routing finds at once, and publishes it', async () => {
      const polygon = square(115.9, 28.76, 0.01); // north of every demo grid
      expect((await directory()).gridAt({ lat: 28.765, lng: 115.905 })).toBeUndefined();
      const created = await asAdmin('post', '/v1/directory/org-units')
        .send({ id: 'binjiang-new-g1', level: 'grid', name: 'New Grid', parentId: 'binjiang-wangjiang-chaoyang', polygon })
        .expect(201);
      expect(created.body).toMatchObject({ id: 'binjiang-new-g1', level: 'grid', parentId: 'binjiang-wangjiang-chaoyang', polygon, version: 1, retired: false });
      expect((await directory()).gridAt({ lat: 28.765, lng: 115.905 })).toMatchObject({ id: 'binjiang-new-g1', districtId: 'binjiang' });
      await asAdmin('put', '/v1/directory/org-units/binjiang-new-g1').send({ name: 'Renamed Grid' }).expect(200);
      expect((await directory()).gridAt({ lat: 28.765, lng: 115.905 })?.name).toBe('Renamed Grid');
      const messages = await waitForMessages(kafka, 'directory.entry-changed.v1', 2, (m) => m.key === 'grid:binjiang-new-g1');
      expect(messages.map((m) => (JSON.parse(m.value!) as EventEnvelope<DirectoryEntryChangedV1>).payload)).toMatchObject([
        { name: 'New Grid', version: 1 },
        { name: 'Renamed Grid', version: 2, polygon },
      ]);
    });

    it('refuses a grid without a polygon, under the wrong parent, with an open ring, crossing itself or overlapping another (naming the field, writing nothing)', async () => {
      await expectNothingWritten(async () => {
        const post = (body: object, status: number) => asAdmin('post', '/v1/directory/org-units').send({ id: 'g-x', level: 'grid', name: 'X', ...body }).expect(status);
        expect(JSON.stringify((await post({ parentId: 'binjiang-wangjiang-chaoyang' }, 400)).body)).toContain('polygon');
        expect(JSON.stringify((await post({ parentId: 'binjiang', polygon: square(1, 1, 1) }, 400)).body)).toContain('parentId');
        expect(JSON.stringify((await post({ parentId: 'no-such-community', polygon: square(1, 1, 1) }, 400)).body)).toContain('parentId');
        const open = square(1, 1, 1);
        open.coordinates[0]!.pop();
        expect(JSON.stringify((await post({ parentId: 'binjiang-wangjiang-chaoyang', polygon: open }, 400)).body)).toContain('coordinates');
        const bowTie = { type: 'Polygon', coordinates: [[[1, 1], [2, 2], [2, 1], [1, 2], [1, 1]]] };
        const crossing = await post({ parentId: 'binjiang-wangjiang-chaoyang', polygon: bowTie }, 400);
        expect(crossing.body).toMatchObject({ details: { field: 'polygon' } });
        expect(JSON.stringify(crossing.body)).toContain('intersects itself');
        expect(crossing.body.errors).toEqual([{ field: 'polygon', code: 'invalid', message: expect.stringMatching(/^边界多边形自相交：第 0 环的第 \d 条边与第 0 环的第 \d 条边在 \[[\d., ]+\] 附近相交/) }]);
        const overlapping = await post({ parentId: 'binjiang-wangjiang-chaoyang', polygon: square(115.905, 28.765, 0.01) }, 409);
        expect(overlapping.body).toMatchObject({ details: { field: 'polygon', overlaps: 'binjiang-new-g1' } });
        await asAdmin('post', '/v1/directory/org-units').send({ id: 'binjiang', level: 'district', name: 'Again' }).expect(409);
        const occupation = await asAdmin('post', '/v1/directory/org-units')
          .send({ id: 'ic-space', level: 'industry_committee', name: 'Space', parentId: 'two-new-committee', attributes: { industry: 'space', occupations: ['astronaut'] } })
          .expect(400);
        expect(occupation.body).toMatchObject({ details: { field: 'occupations' } });
      });
      const grids = await asAdmin('get', '/v1/directory/org-units?level=grid').expect(200);
      expect((grids.body as { items: { id: string }[] }).items.map((g) => g.id)).not.toContain('g-x');
    });

    it('sets a category route and a fallback owner that routing uses at once', async () => {
      await asAdmin('put', '/v1/directory/category-routes').send({ category: 'open_air_garbage', districtId: 'xiangyun', departmentCode: 'housing' }).expect(200);
      expect((await directory()).departmentFor('open_air_garbage', 'xiangyun')).toBe('housing');
      await asAdmin('put', '/v1/directory/fallback-owners').send({ departmentCode: 'justice' }).expect(200);
      expect((await directory()).fallbackOwner(null)).toBe('justice');
      const routes = await asAdmin('get', '/v1/directory/category-routes').expect(200);
      expect((routes.body as { items: unknown[] }).items).toContainEqual({ category: 'open_air_garbage', districtId: 'xiangyun', departmentCode: 'housing', version: 1, retired: false });
      const bad = await asAdmin('put', '/v1/directory/category-routes').send({ category: 'open_air_garbage', districtId: 'xiangyun', departmentCode: 'no_such_dept' }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('departmentCode');
      await asAdmin('post', '/v1/directory/category-routes/retire').send({ category: 'open_air_garbage', districtId: 'xiangyun' }).expect(200);
      expect((await directory()).departmentFor('open_air_garbage', 'xiangyun')).not.toBe('housing');
    });
  });

  describe('grid workers and stations', () => {
    it('adds a grid worker to a grid, moves them, and retires them; their phone is for admins only', async () => {
      const created = await asAdmin('post', '/v1/directory/grid-workers')
        .send({ id: 'gw-new-1', name: 'Chen Jing', gridId: 'binjiang-new-g1', phone: '138 0000 1234', employment: 'part_time' })
        .expect(201);
      expect(created.body).toEqual({ id: 'gw-new-1', name: 'Chen Jing', gridId: 'binjiang-new-g1', phone: '138 0000 1234', employment: 'part_time', workerId: null, stationId: null, version: 1, retired: false });
      await asAdmin('put', '/v1/directory/grid-workers/gw-new-1').send({ name: 'Chen Jing', gridId: 'xiangyun-yuhua-g1', employment: 'full_time', expectedVersion: 1 }).expect(200);
      await http().get('/v1/directory/grid-workers').set('Authorization', `Bearer ${department}`).expect(403);
      const unknown = await asAdmin('get', '/v1/directory/grid-workers?gridId=no-such-grid').expect(400);
      expect(unknown.body).toMatchObject({ details: { field: 'gridId' } });
      const list = await asAdmin('get', '/v1/directory/grid-workers?gridId=xiangyun-yuhua-g1').expect(200);
      expect((list.body as { items: unknown[] }).items).toContainEqual({ id: 'gw-new-1', name: 'Chen Jing', gridId: 'xiangyun-yuhua-g1', phone: null, employment: 'full_time', workerId: null, stationId: null, version: 2, retired: false });
      await asAdmin('post', '/v1/directory/grid-workers/gw-new-1/retire').send({ expectedVersion: 1 }).expect(409);
      await asAdmin('post', '/v1/directory/grid-workers/gw-new-1/retire').send({ expectedVersion: 2 }).expect(200);
      const payloads = (await directoryEvents()).filter((e) => e.payload.id === 'gw-new-1').map((e) => e.payload);
      expect(payloads.map((p) => [p.parentId, p.partTime, p.retired, p.version])).toEqual([
        ['binjiang-new-g1', true, false, 1],
        ['xiangyun-yuhua-g1', false, false, 2],
        ['xiangyun-yuhua-g1', false, true, 3],
      ]);
    });

    it('refuses a grid worker in no grid, or with a bad employment, naming the field', async () => {
      await expectNothingWritten(async () => {
        const noGrid = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-lost', name: 'Lost', gridId: 'no-such-grid', employment: 'full_time' }).expect(400);
        expect(noGrid.body).toMatchObject({ details: { field: 'gridId' } });
        const bad = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-lost', name: 'Lost', gridId: 'xiangyun-yuhua-g1', employment: 'sometimes' }).expect(400);
        expect(JSON.stringify(bad.body)).toContain('employment');
      });
    });

    it('appoints a rider as a part-time grid worker (workerId), announces it, and retires the appointment', async () => {
      const appointed = await asAdmin('post', '/v1/directory/grid-workers')
        .send({ id: 'gw-rider-7', name: 'Rider 7', gridId: 'xiangyun-yuhua-g2', employment: 'part_time', workerId: 'rider-7' })
        .expect(201);
      expect(appointed.body).toMatchObject({ id: 'gw-rider-7', employment: 'part_time', workerId: 'rider-7', version: 1 });
      await asAdmin('post', '/v1/directory/grid-workers/gw-rider-7/retire').send({ expectedVersion: 1 }).expect(200);
      const payloads = (await directoryEvents()).filter((e) => e.payload.id === 'gw-rider-7').map((e) => e.payload);
      expect(payloads.map((p) => [p.partTime, p.attributes, p.retired])).toEqual([
        [true, { workerId: 'rider-7', stationId: null }, false],
        [true, { workerId: 'rider-7', stationId: null }, true],
      ]);
      // Retired, the rider may be appointed again (elsewhere).
      await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-rider-7b', name: 'Rider 7', gridId: 'xiangyun-yuhua-g1', employment: 'part_time', workerId: 'rider-7' }).expect(201);
    });

    it('refuses an appointment that is not part-time, a malformed workerId, or a rider appointed twice, naming the field', async () => {
      await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-rider-8', name: 'Rider 8', gridId: 'xiangyun-yuhua-g2', employment: 'part_time', workerId: 'rider-8' }).expect(201);
      await expectNothingWritten(async () => {
        const fullTime = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-rider-9', name: 'Rider 9', gridId: 'xiangyun-yuhua-g2', employment: 'full_time', workerId: 'rider-9' }).expect(400);
        expect(fullTime.body).toMatchObject({ details: { field: 'employment' } });
        expect(JSON.stringify(fullTime.body)).toContain('workerId');
        const malformed = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-rider-9', name: 'Rider 9', gridId: 'xiangyun-yuhua-g2', employment: 'part_time', workerId: 'no spaces!' }).expect(400);
        expect(JSON.stringify(malformed.body)).toContain('workerId');
        const twice = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-rider-9', name: 'Rider 8 again', gridId: 'xiangyun-yuhua-g1', employment: 'part_time', workerId: 'rider-8' }).expect(409);
        expect(twice.body).toMatchObject({ details: { field: 'workerId', appointedAs: 'gw-rider-8' } });
        const demoted = await asAdmin('put', '/v1/directory/grid-workers/gw-rider-8').send({ name: 'Rider 8', gridId: 'xiangyun-yuhua-g2', employment: 'full_time', workerId: 'rider-8' }).expect(400);
        expect(demoted.body).toMatchObject({ details: { field: 'employment' } });
      });
    });

    it('posts a grid worker at a live station (驻点), announces it, and refuses a station that is none or retired, or retiring one with a grid worker posted', async () => {
      await asAdmin('post', '/v1/directory/stations').send({ id: 'st-post', name: 'Post Station', districtId: 'xiangyun', address: '2 Post Road', hours: '24h' }).expect(201);
      const posted = await asAdmin('post', '/v1/directory/grid-workers')
        .send({ id: 'gw-posted', name: 'Posted', gridId: 'xiangyun-yuhua-g1', employment: 'full_time', stationId: 'st-post' })
        .expect(201);
      expect(posted.body).toMatchObject({ id: 'gw-posted', stationId: 'st-post', version: 1 });
      const payloads = (await directoryEvents()).filter((e) => e.payload.id === 'gw-posted').map((e) => e.payload);
      expect(payloads.map((p) => p.attributes)).toEqual([{ workerId: null, stationId: 'st-post' }]);
      await asAdmin('post', '/v1/directory/stations').send({ id: 'st-closed', name: 'Closed', districtId: 'xiangyun', address: '3 Post Road', hours: '24h' }).expect(201);
      await asAdmin('post', '/v1/directory/stations/st-closed/retire').send({}).expect(200);
      await expectNothingWritten(async () => {
        const none = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-nowhere', name: 'N', gridId: 'xiangyun-yuhua-g1', employment: 'full_time', stationId: 'no-such-station' }).expect(400);
        expect(none.body).toMatchObject({ details: { field: 'stationId' } });
        const retired = await asAdmin('put', '/v1/directory/grid-workers/gw-posted').send({ name: 'Posted', gridId: 'xiangyun-yuhua-g1', employment: 'full_time', stationId: 'st-closed' }).expect(400);
        expect(retired.body).toMatchObject({ details: { field: 'stationId' } });
        const malformed = await asAdmin('post', '/v1/directory/grid-workers').send({ id: 'gw-nowhere', name: 'N', gridId: 'xiangyun-yuhua-g1', employment: 'full_time', stationId: 'Not An Id!' }).expect(400);
        expect(JSON.stringify(malformed.body)).toContain('stationId');
        const busy = await asAdmin('post', '/v1/directory/stations/st-post/retire').send({}).expect(409);
        expect(JSON.stringify(busy.body)).toContain('gw-posted');
      });
    });

    it('refuses to retire a grid that still has grid workers', async () => {
      await expectNothingWritten(async () => {
        const busy = await asAdmin('post', '/v1/directory/org-units/xiangyun-yuhua-g1/retire').send({}).expect(409);
        expect(JSON.stringify(busy.body)).toContain('gw-xiangyun-yuhua-g1-1');
      });
    });

    it('keeps stations with their address, hours and staff', async () => {
      await asAdmin('post', '/v1/directory/stations')
        .send({ id: 'st-new', name: 'Riverside Station', districtId: 'binjiang', address: '1 River Road', hours: '24h', staff: ['Zhou Min'] })
        .expect(201);
      const list = await http().get('/v1/directory/stations').set('Authorization', `Bearer ${worker}`).expect(200);
      expect((list.body as { items: unknown[] }).items).toContainEqual({
        id: 'st-new',
        name: 'Riverside Station',
        districtId: 'binjiang',
        address: '1 River Road',
        hours: '24h',
        staff: ['Zhou Min'],
        phone: null,
        version: 1,
        retired: false,
      });
      const bad = await asAdmin('post', '/v1/directory/stations').send({ id: 'st-bad', name: 'X', districtId: 'nowhere', address: 'a', hours: 'b', staff: [] }).expect(400);
      expect(bad.body).toMatchObject({ details: { field: 'districtId' } });
    });
  });

  describe('importing a city (npm run directory:import)', () => {
    let dir: string;
    const city = (extra: Record<string, string[]>) => {
      dir = mkdtempSync(join(tmpdir(), 'city-'));
      for (const [file, lines] of Object.entries(extra)) writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
      return dir;
    };
    const grids = (...features: { id: string; communityId: string; ring: number[][] }[]) => [
      JSON.stringify({
        type: 'FeatureCollection',
        features: features.map((f) => ({ type: 'Feature', properties: { id: f.id, name: f.id, communityId: f.communityId }, geometry: { type: 'Polygon', coordinates: [f.ring] } })),
      }),
    ];
    const ring = (w: number, s: number, size: number) => square(w, s, size).coordinates[0]!;

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses overlapping grids, a route to a department that does not exist and a grid worker in no grid, naming file, row and field; writes and publishes nothing', async () => {
      const path = city({
        'grids.geojson': grids(
          { id: 'import-g1', communityId: 'hongcheng-jinta-fengshou', ring: ring(116.1, 28.8, 0.01) },
          { id: 'import-g2', communityId: 'hongcheng-jinta-fengshou', ring: ring(116.105, 28.805, 0.01) },
        ),
        'category-routes.csv': ['category,districtId,departmentCode', 'road_damage,hongcheng,no_such_department'],
        'grid-workers.csv': ['id,name,gridId,phone,employment', 'gw-import-1,Ok,import-g1,,full_time', 'gw-import-2,Lost,no-such-grid,,part_time'],
      });
      await expectNothingWritten(async () => {
        const run = await importInto(service, path);
        expect(run.applied).toBe(false);
        expect(run.problems).toEqual([
          { file: 'grids.geojson', row: 2, field: 'geometry', message: 'polygon overlaps grid import-g1' },
          { file: 'grid-workers.csv', row: 3, field: 'gridId', message: 'there is no grid no-such-grid' },
          { file: 'category-routes.csv', row: 2, field: 'departmentCode', message: 'there is no department no_such_department' },
        ]);
      });
      expect((await asAdmin('get', '/v1/directory/org-units?level=grid').expect(200)).body.items.map((g: { id: string }) => g.id)).not.toContain('import-g1');
    });

    it('checks without writing on a dry run, then imports all of it at once, and again changes nothing', async () => {
      const path = city({
        'grids.geojson': grids({ id: 'import-g3', communityId: 'hongcheng-jinta-fengshou', ring: ring(116.2, 28.8, 0.01) }),
        'grid-workers.csv': ['id,name,gridId,phone,employment', 'gw-import-3,Wu Fang,import-g3,+86 138 0000 3333,part_time'],
      });
      await expectNothingWritten(async () => expect(await importInto(service, path, { dryRun: true })).toMatchObject({ entries: 2, changed: 2, problems: [], applied: false }));
      expect(await importInto(service, path)).toMatchObject({ entries: 2, changed: 2, problems: [], applied: true });
      const events = (await directoryEvents()).filter((e) => ['import-g3', 'gw-import-3'].includes(e.payload.id));
      expect(events.map((e) => [e.payload.kind, e.payload.version, e.actor.id])).toEqual([
        ['grid', 1, 'directory-import'],
        ['grid_worker', 1, 'directory-import'],
      ]);
      await expectNothingWritten(async () => expect(await importInto(service, path)).toMatchObject({ changed: 0, unchanged: 2, applied: true }));
    });
  });

  describe('PUT /v1/workers/me', () => {
    it('registers a worker without a branch to the fallback branch of their committee', async () => {
      await http().get('/v1/workers/me').set('Authorization', `Bearer ${worker}`).expect(404);
      const res = await http().put('/v1/workers/me').set('Authorization', `Bearer ${worker}`).send({ occupation: 'rider', platform: 'meituan' }).expect(200);
      expect(res.body).toMatchObject({ workerId: 'worker-42', occupation: 'rider', branchId: null, effectiveBranchId: 'br-delivery-fallback' });
    });

    it('registers a worker with a branch, and refuses an unknown branch or occupation', async () => {
      const res = await http()
        .put('/v1/workers/me')
        .set('Authorization', `Bearer ${worker}`)
        .send({ occupation: 'rider', branchId: 'br-delivery-meituan-xiangyun' })
        .expect(200);
      expect(res.body).toMatchObject({ branchId: 'br-delivery-meituan-xiangyun', effectiveBranchId: 'br-delivery-meituan-xiangyun' });
      const unknown = await http().put('/v1/workers/me').set('Authorization', `Bearer ${worker}`).send({ occupation: 'rider', branchId: 'ic-delivery' }).expect(400);
      expect(JSON.stringify(unknown.body)).toContain('branchId');
      const badOccupation = await http().put('/v1/workers/me').set('Authorization', `Bearer ${worker}`).send({ occupation: 'astronaut' }).expect(400);
      expect(JSON.stringify(badOccupation.body)).toContain('occupation');
      await http().get('/v1/workers/me').set('Authorization', `Bearer ${worker}`).expect(200);
      await http().put('/v1/workers/me').set('Authorization', `Bearer ${admin}`).send({ occupation: 'rider' }).expect(403);
      const me = await http().get('/v1/workers/me').set('Authorization', `Bearer ${worker}`).expect(200);
      expect(me.body).toMatchObject({ branchId: 'br-delivery-meituan-xiangyun' });
    });
  });
});
