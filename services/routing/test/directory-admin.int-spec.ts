import { join } from 'node:path';
import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { departmentIssuesTopic } from '@grievance/contracts';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, eventually, TEST_KAFKA_BROKERS, testConfigEnv, TestServiceApp, uniqueTopicPrefix } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { RoutingConfig } from '../src/config';
import { RoutingDirectoryCache } from '../src/directory/routing-directory.cache';

const SEED_FILE = join(__dirname, '../../../deploy/seed/demo-city.json');
const square = (w: number, s: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]],
});

describe('routing: the directory admin and worker registration', () => {
  let service: TestServiceApp<RoutingConfig>;
  let kafka: KafkaConnection;
  let admin: string;
  let department: string;
  let worker: string;

  beforeAll(async () => {
    const prefix = uniqueTopicPrefix('routing-admin');
    kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'routing-admin-int', topicPrefix: prefix });
    await kafka.ensureTopics(catalogueTopicsToCreate());
    service = await createServiceApp(AppModule, testConfigEnv({ KAFKA_TOPIC_PREFIX: prefix, DIRECTORY_SEED_FILE: SEED_FILE }));
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

  // A new topic can take a moment to show in the metadata of a busy broker.
  const topicAppears = (code: string) =>
    eventually(listTopics, (topics) => topics.includes(kafka.topic(departmentIssuesTopic(code))), { what: `topic of ${code}` });

  it('creates the department topics of the seed at start', async () => {
    await topicAppears('hrss');
  });

  describe('departments', () => {
    it('lets an admin add one, with its topic, and rename it', async () => {
      await http()
        .post('/v1/directory/departments')
        .set('Authorization', `Bearer ${admin}`)
        .send({ code: 'water_affairs', name: 'Water Affairs Bureau' })
        .expect(201, { code: 'water_affairs', name: 'Water Affairs Bureau' });
      await topicAppears('water_affairs');
      await http()
        .put('/v1/directory/departments/water_affairs')
        .set('Authorization', `Bearer ${admin}`)
        .send({ name: 'Water Bureau' })
        .expect(200, { code: 'water_affairs', name: 'Water Bureau' });
      const list = await http().get('/v1/directory/departments').set('Authorization', `Bearer ${department}`).expect(200);
      expect((list.body as { items: unknown[] }).items).toContainEqual({ code: 'water_affairs', name: 'Water Bureau' });
    });

    it('refuses a duplicate (409), a bad code (400), an unknown one (404) and a non-admin (403)', async () => {
      await http().post('/v1/directory/departments').set('Authorization', `Bearer ${admin}`).send({ code: 'fire', name: 'Fire' }).expect(409);
      const bad = await http().post('/v1/directory/departments').set('Authorization', `Bearer ${admin}`).send({ code: 'Bad Code', name: 'x' }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('code');
      await http().put('/v1/directory/departments/nope').set('Authorization', `Bearer ${admin}`).send({ name: 'x' }).expect(404);
      await http().post('/v1/directory/departments').set('Authorization', `Bearer ${department}`).send({ code: 'xx_dept', name: 'x' }).expect(403);
    });
  });

  describe('org units and routes', () => {
    it('adds a grid that routing finds at once', async () => {
      const polygon = square(115.9, 28.76, 0.01); // north of every demo grid
      expect((await directory()).gridAt({ lat: 28.765, lng: 115.905 })).toBeUndefined();
      const created = await http()
        .post('/v1/directory/org-units')
        .set('Authorization', `Bearer ${admin}`)
        .send({ id: 'binjiang-new-g1', level: 'grid', name: 'New Grid', parentId: 'binjiang-wangjiang-chaoyang', polygon })
        .expect(201);
      expect(created.body).toMatchObject({ id: 'binjiang-new-g1', level: 'grid', parentId: 'binjiang-wangjiang-chaoyang', polygon });
      expect((await directory()).gridAt({ lat: 28.765, lng: 115.905 })).toMatchObject({ id: 'binjiang-new-g1', districtId: 'binjiang' });
      await http()
        .put('/v1/directory/org-units/binjiang-new-g1')
        .set('Authorization', `Bearer ${admin}`)
        .send({ name: 'Renamed Grid' })
        .expect(200);
      expect((await directory()).gridAt({ lat: 28.765, lng: 115.905 })?.name).toBe('Renamed Grid');
    });

    it('refuses a grid without a polygon, under the wrong parent, or with an open ring (400 naming the field)', async () => {
      const noPolygon = await http()
        .post('/v1/directory/org-units')
        .set('Authorization', `Bearer ${admin}`)
        .send({ id: 'g-x', level: 'grid', name: 'X', parentId: 'binjiang-wangjiang-chaoyang' })
        .expect(400);
      expect(JSON.stringify(noPolygon.body)).toContain('polygon');
      const wrongParent = await http()
        .post('/v1/directory/org-units')
        .set('Authorization', `Bearer ${admin}`)
        .send({ id: 'g-x', level: 'grid', name: 'X', parentId: 'binjiang', polygon: square(1, 1, 1) })
        .expect(400);
      expect(JSON.stringify(wrongParent.body)).toContain('parentId');
      const open = square(1, 1, 1);
      open.coordinates[0]!.pop();
      const openRing = await http()
        .post('/v1/directory/org-units')
        .set('Authorization', `Bearer ${admin}`)
        .send({ id: 'g-x', level: 'grid', name: 'X', parentId: 'binjiang-wangjiang-chaoyang', polygon: open })
        .expect(400);
      expect(JSON.stringify(openRing.body)).toContain('coordinates');
      await http().post('/v1/directory/org-units').set('Authorization', `Bearer ${admin}`).send({ id: 'binjiang', level: 'district', name: 'Again' }).expect(409);
      const grids = await http().get('/v1/directory/org-units?level=grid').set('Authorization', `Bearer ${admin}`).expect(200);
      expect((grids.body as { items: { id: string }[] }).items.map((g) => g.id)).not.toContain('g-x');
    });

    it('sets a category route and a fallback owner that routing uses at once', async () => {
      await http()
        .put('/v1/directory/category-routes')
        .set('Authorization', `Bearer ${admin}`)
        .send({ category: 'open_air_garbage', districtId: 'xiangyun', departmentCode: 'housing' })
        .expect(200);
      expect((await directory()).departmentFor('open_air_garbage', 'xiangyun')).toBe('housing');
      await http().put('/v1/directory/fallback-owners').set('Authorization', `Bearer ${admin}`).send({ departmentCode: 'justice' }).expect(200);
      expect((await directory()).fallbackOwner(null)).toBe('justice');
      const routes = await http().get('/v1/directory/category-routes').set('Authorization', `Bearer ${admin}`).expect(200);
      expect((routes.body as { items: unknown[] }).items).toContainEqual({ category: 'open_air_garbage', districtId: 'xiangyun', departmentCode: 'housing' });
      const bad = await http()
        .put('/v1/directory/category-routes')
        .set('Authorization', `Bearer ${admin}`)
        .send({ category: 'open_air_garbage', districtId: 'xiangyun', departmentCode: 'no_such_dept' })
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('departmentCode');
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
