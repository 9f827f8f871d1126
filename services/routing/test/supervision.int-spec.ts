import request from 'supertest';
import { DataSource } from 'typeorm';
import { signDevToken } from '@grievance/auth';
import { createEnvelope, EventEnvelope, GrievanceSubmittedV1, PayloadOf, TopicName, uuidv7 } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection, departmentTopicsToCreate } from '@grievance/messaging';
import { createServiceApp, eventually, TEST_KAFKA_BROKERS, testConfigEnv, TestServiceApp, uniqueTopicPrefix } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { RoutingConfig } from '../src/config';
import { importDemoCity } from './demo-city';

/** 0.0005: an hour of policy budget lasts 1.8 s. */
const TIME_SCALE = '0.0005';
/** Hazards of this category get fast budgets at the department and under supervision (set through the admin API below). */
const FAST = 'road_damage';
/** Hazards of this category get a fast department budget but a long follow-up (43 s), so the department can resolve in time. */
const SLOW_FOLLOW_UP = 'open_air_garbage';
const NO_GRID_HONGCHENG = { lat: 28.625, lng: 115.96 }; // in Hongcheng, in no grid: its fallback owner (municipal_works) takes it
const WORKS = { type: 'department', id: 'municipal_works' };
const OFFICE = { type: 'department', id: 'hongcheng_supervision', name: 'Hongcheng District Supervision Office (红城区督查督办室)' };

describe('routing: supervision (督办) with an owner, a follow-up deadline and rounds, through the real broker', () => {
  let service: TestServiceApp<RoutingConfig>;
  let kafka: KafkaConnection;
  let publisher: EventPublisher;
  let dataSource: DataSource;

  beforeAll(async () => {
    const prefix = uniqueTopicPrefix('supervision');
    kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'supervision-int', topicPrefix: prefix });
    await kafka.ensureTopics([...catalogueTopicsToCreate(), ...departmentTopicsToCreate(['municipal_works', 'hongcheng_supervision'])]);
    publisher = new EventPublisher(kafka);
    service = await createServiceApp(AppModule, testConfigEnv({ KAFKA_TOPIC_PREFIX: prefix, SLA_TIME_SCALE: TIME_SCALE, SUPERVISION_MAX_ROUNDS: '2' }));
    await importDemoCity(service);
    dataSource = service.app.get(DataSource);
    const admin = await signDevToken({ sub: 'admin-1', role: 'admin' });
    const put = (id: string, body: object) => request(service.url).put(`/v1/sla/policies/${id}`).set('authorization', `Bearer ${admin}`).send(body).expect(200);
    await put('test.fast-department', { match: { kind: 'hazard', stage: 'department', category: FAST }, targets: { respond: 'PT1H', resolve: 'PT3H' }, calendar: 'calendar', priority: 10, reason: 'test' });
    await put('test.fast-supervision', { match: { stage: 'supervision', category: FAST }, targets: { resolve: 'PT2H' }, calendar: 'calendar', priority: 10, reason: 'test' });
    await put('test.fast-department-2', { match: { kind: 'hazard', stage: 'department', category: SLOW_FOLLOW_UP }, targets: { respond: 'PT1H', resolve: 'PT3H' }, calendar: 'calendar', priority: 10, reason: 'test' });
    await put('test.slow-supervision', { match: { stage: 'supervision', category: SLOW_FOLLOW_UP }, targets: { resolve: 'PT24H' }, calendar: 'calendar', priority: 10, reason: 'test' });
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
    await kafka?.deletePrefixedTopics().catch(() => undefined);
    await kafka?.disconnect();
  });

  const publish = async <T extends TopicName>(topic: T, grievanceId: string, payload: PayloadOf<T>): Promise<void> => {
    await publisher.publish(topic, createEnvelope({ topic, grievanceId, actor: { id: 'tester', role: 'system' }, payload, correlationId: uuidv7() }));
  };

  const hazard = (category = FAST): GrievanceSubmittedV1 => ({
    trackingNo: `NC-20261207-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    kind: 'hazard',
    category,
    title: 'Streetlight out on the riders’ shortcut',
    description: 'Dark for a week.',
    urgency: 'normal',
    location: NO_GRID_HONGCHENG,
    attachmentIds: [],
    reporter: { id: 'worker-sup-1', occupation: 'rider' },
    submittedAt: new Date().toISOString(),
  });

  const grievance = async (id: string) =>
    ((await dataSource.query(`SELECT status, department_code, under_supervision, supervision_round, supervisor FROM routing_grievances WHERE grievance_id = $1`, [id])) as {
      status: string;
      department_code: string | null;
      under_supervision: boolean;
      supervision_round: number;
      supervisor: { id: string } | null;
    }[])[0];

  const events = async (id: string, topic: string): Promise<EventEnvelope[]> =>
    ((await dataSource.query(`SELECT envelope FROM messaging_outbox WHERE message_key = $1 AND topic = $2 ORDER BY seq`, [id, topic])) as { envelope: EventEnvelope }[]).map((r) => r.envelope);

  const deadlines = async (id: string) =>
    (await dataSource.query(`SELECT subject, target, status, holder FROM sla_deadlines WHERE grievance_id = $1 ORDER BY started_at, id`, [id])) as {
      subject: string;
      target: string;
      status: string;
      holder: { id: string };
    }[];

  const assignedHazard = async (category = FAST): Promise<string> => {
    const id = uuidv7();
    await publish('grievance.submitted.v1', id, hazard(category));
    await eventually(() => grievance(id), (m) => m?.department_code === 'municipal_works', { what: `hazard ${id} with the fallback owner` });
    return id;
  };

  it('a department that misses its deadline on a hazard is supervised by the district’s supervising office, which misses its follow-up and is followed up again, up to the last round', async () => {
    const id = await assignedHazard();
    const supervised = await eventually(() => events(id, 'grievance.supervised.v1'), (e) => e.length >= 2, { timeoutMs: 40_000, what: 'two rounds of supervision' });
    expect(supervised.map((e) => e.payload)).toEqual([
      {
        holder: expect.objectContaining(WORKS),
        cause: 'department_deadline_missed',
        reason: expect.any(String),
        supervisor: OFFICE,
        round: 1,
        followUpDueAt: expect.any(String),
        districtId: 'hongcheng',
      },
      {
        holder: expect.objectContaining(WORKS),
        cause: 'follow_up_missed',
        reason: expect.stringMatching(/红城区督查督办室.*未在督办跟进期限内跟进.*第 2 轮督办/),
        supervisor: OFFICE,
        round: 2,
        followUpDueAt: expect.any(String),
        districtId: 'hongcheng',
      },
    ]);
    const [first, second] = supervised.map((e) => e.payload as { followUpDueAt: string });
    expect(Date.parse(second!.followUpDueAt)).toBeGreaterThan(Date.parse(first!.followUpDueAt));
    // The last round's follow-up is missed too: recorded, no third round.
    await eventually(
      () => deadlines(id),
      (ds) => ds.filter((d) => d.subject === 'supervision' && d.status === 'breached').length === 1 && ds.filter((d) => d.subject === 'supervision').length === 2,
      { timeoutMs: 40_000, what: 'the second round’s follow-up missed' },
    );
    const breaches = await events(id, 'sla.breached.v1');
    expect(breaches.filter((e) => (e.payload as { holder: { id: string } }).holder.id === 'hongcheng_supervision')).toHaveLength(2);
    expect(await events(id, 'grievance.supervised.v1')).toHaveLength(2);
    // The department still holds the grievance; the office owns the supervision.
    expect(await grievance(id)).toMatchObject({ status: 'assigned', department_code: 'municipal_works', under_supervision: true, supervision_round: 2, supervisor: { id: 'hongcheng_supervision' } });
  });

  it('a resolution meets the follow-up deadline: no further round', async () => {
    const id = await assignedHazard(SLOW_FOLLOW_UP);
    await eventually(() => events(id, 'grievance.supervised.v1'), (e) => e.length === 1, { timeoutMs: 40_000, what: 'supervision' });
    const works = await signDevToken({ sub: 'officer-works', role: 'department', departmentCode: 'municipal_works' });
    await request(service.url).post(`/v1/matters/${id}/accept`).set('authorization', `Bearer ${works}`).send({}).expect(200);
    await request(service.url).post(`/v1/matters/${id}/resolve`).set('authorization', `Bearer ${works}`).send({ resolution: '路灯已修复' }).expect(200);
    const followUp = (await deadlines(id)).filter((d) => d.subject === 'supervision');
    expect(followUp).toEqual([expect.objectContaining({ target: 'resolve', holder: expect.objectContaining({ id: 'hongcheng_supervision' }), status: 'met' })]);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await events(id, 'grievance.supervised.v1')).toHaveLength(1);
  });

  // Last: it takes Hongcheng's supervising office away for the rest of the suite.
  it('with no supervising office in the district, a department’s breach is recorded and nothing else', async () => {
    await dataSource.query(`UPDATE directory_org_units SET attributes = attributes - 'supervisingOffice' WHERE id = 'hongcheng'`);
    const id = await assignedHazard();
    await eventually(() => events(id, 'sla.breached.v1'), (e) => e.length >= 1, { timeoutMs: 40_000, what: 'the department’s breach' });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await events(id, 'grievance.supervised.v1')).toEqual([]);
    expect(await grievance(id)).toMatchObject({ under_supervision: false, supervision_round: 0, supervisor: null });
  });
});
