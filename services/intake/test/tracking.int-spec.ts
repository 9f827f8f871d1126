import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { createEnvelope, EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp, waitForMessages } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { GrievancesRepository } from '../src/grievances/grievances.repository';
import { IntakeConfig } from '../src/config';
import { HAZARD, writeCategorySeed } from './fixtures';

jest.setTimeout(90_000);

const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
const GRID = { type: 'org_unit' as const, id: 'grid-1', name: 'Grid 1' };

describe('the tracking view', () => {
  let db: TestDatabase;
  let service: TestServiceApp<IntakeConfig>;
  let alice: string;
  let bob: string;
  let publisher: EventPublisher;

  beforeAll(async () => {
    db = await createTestDatabase('intake-tracking');
    service = (await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed(), TRACKING_PREFIX: 'GZ' }))) as TestServiceApp<IntakeConfig>;
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
    publisher = new EventPublisher(service.app.get(KafkaConnection));
    alice = await signDevToken({ sub: 'worker-alice', role: 'worker' });
    bob = await signDevToken({ sub: 'worker-bob', role: 'worker' });
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
    await db?.drop();
  });

  /** Publishes an event as another service would. */
  const publish = async <T extends TopicName>(topic: T, grievanceId: string, minutesLater: number, payload: PayloadOf<T>): Promise<EventEnvelope<PayloadOf<T>>> => {
    const envelope = createEnvelope({ topic, grievanceId, actor: { id: 'someone', role: 'system' }, correlationId: 'test', occurredAt: new Date(Date.now() + minutesLater * 60_000), payload } as never) as EventEnvelope<PayloadOf<T>>;
    await publisher.publish(topic, envelope);
    return envelope;
  };
  const view = (id: string, token = alice, language?: string) => {
    const req = request(service.url).get(`/v1/grievances/${id}`).set('Authorization', `Bearer ${token}`);
    return language ? req.set('Accept-Language', language) : req;
  };

  it('follows the grievance through the loop; a late dispatch does not undo the resolution, a redelivery adds nothing', async () => {
    const { id } = (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send(HAZARD).expect(201)).body as { id: string };

    await publish('grievance.routed.v1', id, 1, { kind: 'hazard', category: HAZARD.category, holder: GRID, gridId: 'grid-1', fallback: false });
    await publish('grievance.resolved.v1', id, 5, { resolvedBy: DEPT, resolution: 'cover replaced', attachmentIds: [] });
    const dispatched = await publish('ticket.dispatched.v1', id, 2, { ticketId: '0195a8c4-1b2c-7d3e-8f40-123456789abc', gridId: 'grid-1', gridWorkerId: 'gw-grid-1-1', attempt: 1 });
    await publish('ticket.dispatched.v1', id, 2, dispatched.payload); // another event, same content
    await publisher.publish('ticket.dispatched.v1', dispatched); // a redelivery
    // Same key, same partition: once this one shows, the redelivery has been handled.
    await publish('feedback.rated.v1', id, 6, { reporterId: 'worker-alice', rating: 'satisfied' });

    const res = await eventually(
      async () => (await view(id).expect(200)).body,
      (body) => body.history.length >= 6,
      { what: 'history of 6 events', timeoutMs: 40_000 },
    );
    expect(res).toMatchObject({
      id,
      trackingNo: expect.stringMatching(/^GZ-\d{8}-\d{6}$/), // the city's prefix (TRACKING_PREFIX)
      kind: 'hazard',
      category: HAZARD.category,
      title: HAZARD.title,
      location: HAZARD.location,
      status: 'resolved',
      holder: DEPT,
      underSupervision: false,
      duplicateOf: null,
      coReporters: [],
    });
    expect(res.history.map((h: { type: string }) => h.type)).toEqual([
      'grievance.submitted',
      'grievance.routed',
      'ticket.dispatched',
      'ticket.dispatched',
      'grievance.resolved',
      'feedback.rated',
    ]);
    const times = res.history.map((h: { at: string }) => h.at);
    expect([...times].sort()).toEqual(times);
  });

  it('shows the state and the history of one moment, when events are applied between its reads', async () => {
    const { id } = (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send({ ...HAZARD, location: { lat: 28.71, lng: 115.91 } }).expect(201)).body as { id: string };
    const repository = service.app.get(GrievancesRepository);
    const history = repository.history.bind(repository);
    // A resolution applied by another connection (as the tracking consumer commits a fetch) after the view read the state, before it reads the history.
    const between = jest.spyOn(repository, 'history').mockImplementationOnce(async (grievanceId, language) => {
      await queryDatabase(
        db.url,
        `WITH moved AS (UPDATE intake_grievances SET status = 'resolved', status_at = now() WHERE id = $1)
         INSERT INTO intake_history (grievance_id, event_id, at, type, actor, summary) VALUES ($1, gen_random_uuid(), now(), 'grievance.resolved', '{}'::jsonb, 'resolved')`,
        [id],
      );
      return history(grievanceId, language);
    });
    const during = (await view(id).expect(200)).body as { status: string; history: { type: string }[] };
    between.mockRestore();
    expect(during.status).toBe('submitted');
    expect(during.history.map((h) => h.type)).toEqual(['grievance.submitted']);
    const after = (await view(id).expect(200)).body as { status: string; history: { type: string }[] };
    expect(after.status).toBe('resolved');
    expect(after.history.map((h) => h.type)).toEqual(['grievance.submitted', 'grievance.resolved']);
  });

  it('lets the reporter answer what the holder asked, and nobody else', async () => {
    const { id } = (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send({ kind: 'appeal', category: 'pay_dispute', title: 'Unpaid', description: '' }).expect(201)).body as { id: string };
    const member = { type: 'member' as const, id: 'mb-1', name: 'Liaison member 1', level: 'member' as const };
    await publish('grievance.paused.v1', id, 0, { holder: member, question: 'Which station?' });
    await request(service.url).post(`/v1/grievances/${id}/reply`).set('Authorization', `Bearer ${alice}`).send({ message: '  ' }).expect(400);
    await request(service.url).post(`/v1/grievances/${id}/reply`).set('Authorization', `Bearer ${bob}`).send({ message: 'not mine' }).expect(404);
    const reply = await request(service.url).post(`/v1/grievances/${id}/reply`).set('Authorization', `Bearer ${alice}`).send({ message: 'Xiangyun station.' }).expect(202);
    const [message] = await waitForMessages(service.app.get(KafkaConnection), 'grievance.replied.v1', 1, (m) => m.key === id);
    expect(JSON.parse(message!.value!)).toMatchObject({ eventId: reply.body.eventId, actor: { id: 'worker-alice', role: 'worker' }, payload: { reporterId: 'worker-alice', message: 'Xiangyun station.' } });
    const res = await eventually(async () => (await view(id, alice, 'en').expect(200)).body, (body) => body.history.length >= 3, { what: 'question and reply in the history' });
    expect(res.history.map((h: { summary: string }) => h.summary).slice(1)).toEqual([
      'Liaison member 1 (member) asks: Which station? (its clock stops until you reply)',
      'the reporter replied: Xiangyun station.',
    ]);
    // Without Accept-Language the same history reads in Chinese.
    const zh = (await view(id).expect(200)).body;
    expect(zh.history.map((h: { summary: string }) => h.summary)).toEqual([
      `已提交，编号 ${zh.trackingNo}`,
      'Liaison member 1（党员）询问：Which station?（您回复前，其办理时限暂停计算）',
      '诉求人已回复：Xiangyun station.',
    ]);
  });

  it('shows a grievance only to its reporter and co-reporters', async () => {
    const { id } = (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send({ ...HAZARD, location: { lat: 28.7, lng: 115.9 } }).expect(201)).body as { id: string };
    await view(id, bob).expect(404);
    await view('0195a8c4-1b2c-7d3e-8f40-123456789abc').expect(404);
    await view('not-a-uuid').expect(400);
  });

  it('shows a grievance to the staff who hold it now and to no other staff, whose answer is the same 404 as for a missing one', async () => {
    const { id } = (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${alice}`).send({ kind: 'appeal', category: 'pay_dispute', title: 'Unpaid wages', description: 'three weeks' }).expect(201)).body as { id: string };
    const member = { type: 'member' as const, id: 'mb-7', name: 'Liaison member 7', level: 'member' as const };
    const branch = { type: 'org_unit' as const, id: 'branch-3', name: 'Branch 3', level: 'branch' as const };
    const tokens = {
      member: await signDevToken({ sub: 'mb-7', role: 'member', orgUnitId: 'mb-7' }),
      otherMember: await signDevToken({ sub: 'mb-8', role: 'member', orgUnitId: 'mb-8' }),
      branch: await signDevToken({ sub: 'b3-secretary', role: 'branch', orgUnitId: 'branch-3' }),
      committeeOfSameId: await signDevToken({ sub: 'c', role: 'industry_committee', orgUnitId: 'branch-3' }),
      department: await signDevToken({ sub: 'd', role: 'department', departmentCode: 'hrss' }),
      gridWorker: await signDevToken({ sub: 'gw-1', role: 'grid_worker', gridId: 'grid-1' }),
      auditor: await signDevToken({ sub: 'a', role: 'auditor' }),
      admin: await signDevToken({ sub: 'root', role: 'admin' }),
    };
    await publish('grievance.routed.v1', id, 1, { kind: 'appeal', category: 'pay_dispute', holder: member, level: 'member', fallback: false });
    const seen = await eventually(async () => (await view(id, tokens.member)).status, (status) => status === 200, { what: 'the member holding it sees it' });
    expect(seen).toBe(200);
    const missing = await view('0195a8c4-1b2c-7d3e-8f40-123456789abd', tokens.otherMember).expect(404);
    for (const outsider of [tokens.otherMember, tokens.branch, tokens.department, tokens.gridWorker, tokens.auditor, tokens.admin]) {
      const res = await view(id, outsider).expect(404);
      expect(res.body.message).toBe(missing.body.message.replace('0195a8c4-1b2c-7d3e-8f40-123456789abd', id));
    }

    await publish('grievance.escalated.v1', id, 2, { fromLevel: 'member', toLevel: 'branch', fromHolder: member, toHolder: branch, reason: 'needs the branch', automatic: false, trigger: 'by_hand' });
    await eventually(async () => (await view(id, tokens.branch)).status, (status) => status === 200, { what: 'the branch sees it once it holds it' });
    // The member let it go; a committee whose unit id happens to match is another rung.
    await view(id, tokens.member).expect(404);
    await view(id, tokens.committeeOfSameId).expect(404);
    const staffView = (await view(id, tokens.branch).expect(200)).body;
    expect(staffView).toMatchObject({ id, level: 'branch', holder: branch });
    expect(staffView.coReporters).toBeUndefined();
  });

  it('lists the worker’s own grievances, newest first, a page at a time', async () => {
    const carol = await signDevToken({ sub: 'worker-carol', role: 'worker' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const body = { kind: 'appeal', category: 'pay_dispute', title: `appeal ${i}`, description: '' };
      ids.push((await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${carol}`).send(body).expect(201)).body.id);
    }
    const first = (await request(service.url).get('/v1/grievances?limit=2').set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(first.items.map((g: { id: string }) => g.id)).toEqual([ids[4], ids[3]]);
    const second = (await request(service.url).get(`/v1/grievances?limit=2&cursor=${first.nextCursor}`).set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(second.items.map((g: { id: string }) => g.id)).toEqual([ids[2], ids[1]]);
    const third = (await request(service.url).get(`/v1/grievances?limit=2&cursor=${second.nextCursor}`).set('Authorization', `Bearer ${carol}`).expect(200)).body;
    expect(third.items.map((g: { id: string }) => g.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
    await request(service.url).get('/v1/grievances?limit=0').set('Authorization', `Bearer ${carol}`).expect(400);
    await request(service.url).get('/v1/grievances?limit=101').set('Authorization', `Bearer ${carol}`).expect(400);
    await request(service.url).get('/v1/grievances?cursor=x!').set('Authorization', `Bearer ${carol}`).expect(400);
  });
});
