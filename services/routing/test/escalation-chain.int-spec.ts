import request from 'supertest';
import { DataSource } from 'typeorm';
import { signDevToken } from '@grievance/auth';
import {
  createEnvelope,
  departmentIssuesTopic,
  EventEnvelope,
  GrievanceSubmittedV1,
  PayloadOf,
  pointsAccountId,
  TopicName,
  uuidv7,
} from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection, departmentTopicsToCreate } from '@grievance/messaging';
import { createServiceApp, eventually, TEST_KAFKA_BROKERS, testConfigEnv, TestServiceApp, uniqueTopicPrefix } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { importDemoCity } from './demo-city';
import { RoutingConfig } from '../src/config';

const BRANCH = 'br-delivery-meituan-xiangyun';
const MEMBERS = ['mb-delivery-meituan-xiangyun-1', 'mb-delivery-meituan-xiangyun-2'];
/** 0.0005: an hour of policy budget lasts 1.8 s. */
const TIME_SCALE = '0.0005';
/** Appeals of this category get a fast budget at every rung (set through the admin API below). */
const FAST = 'truck_passage';

describe('routing: the escalation chain (诉求直通) with its SLA check, through the real broker', () => {
  let service: TestServiceApp<RoutingConfig>;
  let kafka: KafkaConnection;
  let publisher: EventPublisher;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const prefix = uniqueTopicPrefix('chain');
    kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'chain-int', topicPrefix: prefix });
    await kafka.ensureTopics([...catalogueTopicsToCreate(), ...departmentTopicsToCreate(['hrss', 'transport'])]);
    publisher = new EventPublisher(kafka);
    service = await createServiceApp(AppModule, testConfigEnv({ KAFKA_TOPIC_PREFIX: prefix, SLA_TIME_SCALE: TIME_SCALE }));
    await importDemoCity(service);
    dataSource = service.app.get(DataSource);
    tokens.rider = await signDevToken({ sub: 'rider-chain-1', role: 'worker' });
    tokens.member1 = await signDevToken({ sub: MEMBERS[0]!, role: 'member', orgUnitId: MEMBERS[0]! });
    tokens.member2 = await signDevToken({ sub: MEMBERS[1]!, role: 'member', orgUnitId: MEMBERS[1]! });
    tokens.branch = await signDevToken({ sub: 'secretary-1', role: 'branch', orgUnitId: BRANCH });
    tokens.committee = await signDevToken({ sub: 'ic-officer', role: 'industry_committee', orgUnitId: 'ic-delivery' });
    tokens.top = await signDevToken({ sub: 'tnc-officer', role: 'two_new_committee', orgUnitId: 'two-new-committee' });
    tokens.hrss = await signDevToken({ sub: 'hrss-officer', role: 'department', departmentCode: 'hrss' });
    tokens.admin = await signDevToken({ sub: 'admin-1', role: 'admin' });
    await request(service.url).put('/v1/workers/me').set('authorization', `Bearer ${tokens.rider}`).send({ occupation: 'rider', branchId: BRANCH }).expect(200);
    await request(service.url)
      .put('/v1/sla/policies/test.fast-appeals')
      .set('authorization', `Bearer ${tokens.admin}`)
      .send({ description: 'fast budgets for the test', match: { kind: 'appeal', category: FAST }, targets: { respond: 'PT1H', resolve: 'PT3H' }, calendar: 'calendar', priority: 10, reason: 'test' })
      .expect(200);
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

  const appeal = (overrides: Partial<GrievanceSubmittedV1> = {}): GrievanceSubmittedV1 => ({
    trackingNo: `NC-20261201-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    kind: 'appeal',
    category: 'pay_dispute',
    title: 'Station withholds three weeks of pay',
    description: 'The station manager says the platform has not paid.',
    urgency: 'normal',
    attachmentIds: [],
    reporter: { id: 'rider-chain-1', occupation: 'rider' },
    submittedAt: new Date().toISOString(),
    ...overrides,
  });

  const grievance = async (id: string) =>
    ((await dataSource.query(`SELECT status, level, holder, owner, bounces, under_supervision, fallback FROM routing_grievances WHERE grievance_id = $1`, [id])) as {
      status: string;
      level: string | null;
      holder: { type: string; id: string; level?: string };
      owner: { id: string } | null;
      bounces: number;
      under_supervision: boolean;
      fallback: boolean;
    }[])[0];

  /** The events routing recorded for a grievance, in order (its outbox). */
  const events = async (id: string, topic?: string): Promise<EventEnvelope[]> =>
    ((await dataSource.query(`SELECT envelope FROM messaging_outbox WHERE message_key = $1 AND ($2::text IS NULL OR topic = $2) ORDER BY seq`, [id, topic ?? null])) as { envelope: EventEnvelope }[]).map(
      (r) => r.envelope,
    );

  const submitAppeal = async (overrides: Partial<GrievanceSubmittedV1> = {}): Promise<string> => {
    const id = uuidv7();
    await publish('grievance.submitted.v1', id, appeal(overrides));
    await eventually(() => grievance(id), (m) => m?.status === 'routed', { what: `appeal ${id} on the chain` });
    return id;
  };

  const act = (token: string, id: string, action: string, body?: object) => request(service.url).post(`/v1/matters/${id}/${action}`).set('authorization', `Bearer ${token}`).send(body ?? {});

  it('starts a registered worker’s appeals with the liaison members of their branch, in turn', async () => {
    const first = await submitAppeal();
    const second = await submitAppeal();
    const holders = [(await grievance(first))!.holder.id, (await grievance(second))!.holder.id];
    expect(new Set(holders)).toEqual(new Set(MEMBERS));
    const [routed] = await events(first, 'grievance.routed.v1');
    expect(routed!.payload).toMatchObject({ kind: 'appeal', level: 'member', holder: { type: 'member', level: 'member' }, fallback: false });
  });

  it('sends an unregistered worker’s appeal to the fallback branch of their occupation’s committee (兜底)', async () => {
    const id = await submitAppeal({ reporter: { id: `courier-${uuidv7()}`, occupation: 'courier' } });
    expect(await grievance(id)).toMatchObject({ level: 'member', fallback: true, holder: { id: expect.stringMatching(/^mb-express-fallback-/) } });
  });

  it('sends an unregistered truck driver’s appeal, by the occupation given with it, to the freight committee’s fallback branch, and up the freight chain', async () => {
    const driver = `driver-${uuidv7()}`;
    const id = await submitAppeal({ category: FAST, reporter: { id: driver, occupation: 'truck_driver', platform: '货拉拉', language: 'zh-CN' } });
    expect(await grievance(id)).toMatchObject({ level: 'member', fallback: true, holder: { id: expect.stringMatching(/^mb-freight-fallback-\d$/) } });
    const [routed] = await events(id, 'grievance.routed.v1');
    expect(routed!.payload).toMatchObject({ fallback: true, reporter: { occupation: 'truck_driver', platform: '货拉拉', language: 'zh-CN' } });
    // Nobody acts: the freight chain passes it up rung by rung, not the delivery one.
    const supervised = await eventually(() => events(id, 'grievance.supervised.v1'), (e) => e.length === 1, { timeoutMs: 40_000, what: 'supervision' });
    expect(supervised).toHaveLength(1);
    const escalated = (await events(id, 'grievance.escalated.v1')).map((e) => e.payload as { toLevel: string; toHolder: { id: string } });
    expect(escalated.map((e) => [e.toLevel, e.toHolder.id])).toEqual([
      ['branch', 'br-freight-fallback'],
      ['industry_committee', 'ic-freight'],
      ['two_new_committee', 'two-new-committee'],
    ]);
  });

  it('carries what the registration says of the reporter (occupation, platform, language) over what the submission says', async () => {
    const worker = `rider-${uuidv7()}`;
    const token = await signDevToken({ sub: worker, role: 'worker' });
    const registered = await request(service.url).put('/v1/workers/me').set('authorization', `Bearer ${token}`).send({ occupation: 'rider', platform: '美团', language: 'en' }).expect(200);
    expect(registered.body).toMatchObject({ occupation: 'rider', platform: '美团', language: 'en', branchId: null, effectiveBranchId: 'br-delivery-fallback' });
    // The other services learn which industry committee owns the worker (their fallback branch's).
    const [told] = await events(pointsAccountId(worker), 'worker.registered.v1');
    expect(told!.payload).toEqual({ workerId: worker, occupation: 'rider', effectiveBranchId: 'br-delivery-fallback', committeeId: 'ic-delivery' });
    const id = await submitAppeal({ reporter: { id: worker, occupation: 'courier', language: 'zh-CN' } });
    const [routed] = await events(id, 'grievance.routed.v1');
    expect(routed!.payload).toMatchObject({ fallback: true, reporter: { occupation: 'rider', platform: '美团', language: 'en' } });
    expect(await grievance(id)).toMatchObject({ holder: { id: expect.stringMatching(/^mb-delivery-fallback-/) } });
    await request(service.url).put('/v1/workers/me').set('authorization', `Bearer ${token}`).send({ occupation: 'rider', language: 'fr' }).expect(400);
  });

  it('shows each rung only its own inbox, with the time left on its deadlines', async () => {
    const id = await submitAppeal();
    const holder = (await grievance(id))!.holder.id;
    const mine = holder === MEMBERS[0] ? tokens.member1! : tokens.member2!;
    const other = holder === MEMBERS[0] ? tokens.member2! : tokens.member1!;
    const inbox = await request(service.url).get('/v1/inbox').set('authorization', `Bearer ${mine}`).expect(200);
    const item = inbox.body.items.find((m: { grievanceId: string }) => m.grievanceId === id);
    expect(item).toMatchObject({ level: 'member', status: 'routed' });
    expect(item.deadlines.map((d: { target: string }) => d.target).sort()).toEqual(['resolve', 'respond']);
    expect(item.deadlines.every((d: { remainingMs: number }) => d.remainingMs > 0)).toBe(true);
    const theirs = await request(service.url).get('/v1/inbox').set('authorization', `Bearer ${other}`).expect(200);
    expect(theirs.body.items.map((m: { grievanceId: string }) => m.grievanceId)).not.toContain(id);
    await act(other, id, 'acknowledge').expect(404);
    await act(tokens.branch!, id, 'acknowledge').expect(404);
  });

  it('closes the loop with the SLA met when the member acknowledges and resolves in time', async () => {
    const id = await submitAppeal();
    const token = (await grievance(id))!.holder.id === MEMBERS[0] ? tokens.member1! : tokens.member2!;
    await act(token, id, 'acknowledge').expect(200);
    await act(token, id, 'acknowledge').expect(409);
    const resolved = await act(token, id, 'resolve', { resolution: 'The station paid the three weeks today.' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', level: 'member' });
    const deadlines = await dataSource.query(`SELECT target, status FROM sla_deadlines WHERE grievance_id = $1 ORDER BY target`, [id]);
    expect(deadlines).toEqual([
      { target: 'resolve', status: 'met' },
      { target: 'respond', status: 'met' },
    ]);
    // Each deadline announces its start with the routing; met in time, neither warns nor breaks.
    expect((await events(id)).map((e) => e.type)).toEqual(['grievance.routed', 'sla.started', 'sla.started', 'grievance.accepted', 'grievance.resolved']);
  });

  it('climbs member → branch → industry committee → 两新工委 → 督办 when nobody acts, one breach per rung', async () => {
    const id = await submitAppeal({ category: FAST });
    const supervised = await eventually(() => events(id, 'grievance.supervised.v1'), (e) => e.length === 1, { timeoutMs: 40_000, what: 'supervision' });
    expect(supervised[0]!.payload).toMatchObject({ level: 'two_new_committee', cause: 'deadline_missed' });
    const escalated = await events(id, 'grievance.escalated.v1');
    expect(escalated.map((e) => (e.payload as { toLevel: string }).toLevel)).toEqual(['branch', 'industry_committee', 'two_new_committee']);
    expect(escalated.every((e) => (e.payload as { trigger: string; automatic: boolean }).trigger === 'deadline_missed')).toBe(true);
    const breaches = (await events(id, 'sla.breached.v1')).map((e) => e.payload as { level: string; target: string });
    expect(breaches.map((b) => b.level)).toEqual(['member', 'branch', 'industry_committee', 'two_new_committee']);
    expect(await grievance(id)).toMatchObject({ level: 'two_new_committee', under_supervision: true, owner: { id: 'two-new-committee' } });
    // Never dropped: the 两新工委 still has it in its inbox and can still resolve it (late).
    const inbox = await request(service.url).get('/v1/inbox').set('authorization', `Bearer ${tokens.top}`).expect(200);
    const item = inbox.body.items.find((m: { grievanceId: string }) => m.grievanceId === id);
    expect(item).toMatchObject({ underSupervision: true });
    // The broken deadline says so, for people: in Chinese, or in the language asked for.
    const respond = (deadlines: { target: string; notice: string | null }[]) => deadlines.find((d) => d.target === 'respond')!.notice;
    expect(respond(item.deadlines)).toMatch(/^已超出响应时限 \d+ (分钟|小时 \d+ 分钟)$/);
    const english = await request(service.url).get('/v1/inbox').set('authorization', `Bearer ${tokens.top}`).set('accept-language', 'en').expect(200);
    expect(respond(english.body.items.find((m: { grievanceId: string }) => m.grievanceId === id).deadlines)).toMatch(/ past the respond deadline$/);
    await act(tokens.top!, id, 'resolve', { resolution: 'Settled with the platform.' }).expect(200);
  });

  it('returns a grievance down with a reason, counts the bounces, and sends it to the 两新工委 after one bounce too many', async () => {
    const id = await submitAppeal();
    const member = (await grievance(id))!.holder.id;
    const memberToken = member === MEMBERS[0] ? tokens.member1! : tokens.member2!;
    const noReason = await act(memberToken, id, 'escalate', {}).expect(400);
    expect(JSON.stringify(noReason.body.message)).toContain('reason');
    await act(memberToken, id, 'return', { reason: 'nobody below' }).expect(409);
    const letter = uuidv7();
    for (let bounce = 1; bounce <= 2; bounce++) {
      await act(memberToken, id, 'escalate', { reason: 'needs the branch to talk to the station' }).expect(200);
      const evidence = bounce === 1 ? { attachmentIds: [letter] } : {};
      const returned = await act(tokens.branch!, id, 'return', { reason: 'ask the rider for the pay slips first', ...evidence }).expect(200);
      expect(returned.body).toMatchObject({ level: 'member', bounces: bounce, holder: { id: member } });
    }
    await act(memberToken, id, 'escalate', { reason: 'the rider has no pay slips' }).expect(200);
    const third = await act(tokens.branch!, id, 'return', { reason: 'still not ours' }).expect(200);
    expect(third.body).toMatchObject({ level: 'two_new_committee', bounces: 3 });
    const returns = await events(id, 'grievance.returned.v1');
    expect(returns.map((e) => (e.payload as { bounces: number }).bounces)).toEqual([1, 2]);
    expect(returns.map((e) => (e.payload as { attachmentIds?: string[] }).attachmentIds)).toEqual([[letter], undefined]);
    const arbitration = (await events(id, 'grievance.escalated.v1')).at(-1)!;
    expect(arbitration.payload).toMatchObject({ fromLevel: 'branch', toLevel: 'two_new_committee', trigger: 'arbitration' });
  });

  it('asks a department to act while the rung stays the owner, and the department’s answer resolves it', async () => {
    const id = await submitAppeal();
    const token = (await grievance(id))!.holder.id === MEMBERS[0] ? tokens.member1! : tokens.member2!;
    const bad = await act(token, id, 'assign-department', { departmentCode: 'no_such_department' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('departmentCode');
    await act(token, id, 'assign-department', { departmentCode: 'hrss', note: 'wage arrears: please mediate' }).expect(200);
    expect(await grievance(id)).toMatchObject({ status: 'assigned', level: 'member', holder: { type: 'department', id: 'hrss' } });
    const deptInbox = await request(service.url).get('/v1/inbox').set('authorization', `Bearer ${tokens.hrss}`).expect(200);
    expect(deptInbox.body.items.map((m: { grievanceId: string }) => m.grievanceId)).toContain(id);
    // The rung that asked owns the appeal: the department answers it, it does not send it on.
    await act(tokens.hrss!, id, 'return', { reason: 'not ours' }).expect(409);
    await act(tokens.hrss!, id, 'transfer', { reason: 'not ours', departmentCode: 'fire' }).expect(409);
    const rungInbox = await request(service.url).get('/v1/inbox').set('authorization', `Bearer ${token}`).expect(200);
    expect(rungInbox.body.items.find((m: { grievanceId: string }) => m.grievanceId === id)).toMatchObject({ status: 'assigned' });
    const [assigned] = await events(id, 'grievance.assigned.v1');
    expect(assigned!.payload).toMatchObject({ reason: 'assigned_by_rung', departmentCode: 'hrss', note: 'wage arrears: please mediate' });
    expect(await events(id, departmentIssuesTopic('hrss'))).toHaveLength(1);
    await act(tokens.hrss!, id, 'resolve', { resolution: 'Mediated: the station pays on Friday.' }).expect(200);
    expect(await grievance(id)).toMatchObject({ status: 'resolved' });
    const deadlines = await dataSource.query(`SELECT target, status FROM sla_deadlines WHERE grievance_id = $1 ORDER BY target`, [id]);
    expect(deadlines).toEqual([
      { target: 'resolve', status: 'met' },
      { target: 'respond', status: 'met' },
    ]);
  });

  it('reopens an appeal the reporter is unsatisfied with at the next rung up, not at the rung that failed them', async () => {
    const id = await submitAppeal();
    const token = (await grievance(id))!.holder.id === MEMBERS[0] ? tokens.member1! : tokens.member2!;
    await act(token, id, 'resolve', { resolution: 'Told the rider to wait.' }).expect(200);
    await publish('feedback.rated.v1', id, { reporterId: 'rider-chain-1', rating: 'unsatisfied', comment: 'Waiting is not an answer.' });
    await eventually(() => grievance(id), (m) => m?.level === 'branch', { what: 'reopened at the branch' });
    expect(await grievance(id)).toMatchObject({ status: 'routed', owner: { id: BRANCH } });
    const [reopened] = await events(id, 'grievance.reopened.v1');
    expect(reopened!.payload).toMatchObject({ level: 'branch', reopenedTo: { id: BRANCH, level: 'branch' } });
    expect((reopened!.payload as { reason: string }).reason).toContain('Waiting is not an answer.');
  });

  it('stops a rung’s clocks while it waits for the reporter, through an escalation, until the reporter replies', async () => {
    const id = await submitAppeal({ category: FAST });
    const token = (await grievance(id))!.holder.id === MEMBERS[0] ? tokens.member1! : tokens.member2!;
    await act(token, id, 'ask-reporter', {}).expect(400);
    await act(token, id, 'ask-reporter', { question: 'Which station, and since when?' }).expect(200);
    await act(token, id, 'ask-reporter', { question: 'Again?' }).expect(409);
    const statuses = () => dataSource.query(`SELECT target, status, holder->>'id' AS holder FROM sla_deadlines WHERE grievance_id = $1 AND status IN ('running', 'paused', 'breached') ORDER BY target`, [id]);
    expect((await statuses()).map((d: { status: string }) => d.status)).toEqual(['paused', 'paused']);
    // Waiting longer than the member's whole answer budget (1.8 s) breaches nothing.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await events(id, 'sla.breached.v1')).toHaveLength(0);
    // Passed up while waiting: the branch's clocks start stopped too.
    await act(token, id, 'escalate', { reason: 'the branch knows the station' }).expect(200);
    expect(await statuses()).toEqual([
      { target: 'resolve', status: 'paused', holder: BRANCH },
      { target: 'respond', status: 'paused', holder: BRANCH },
    ]);
    await publish('grievance.replied.v1', id, { reporterId: 'rider-chain-1', message: 'Xiangyun station, since October.' });
    await eventually(statuses, (rows: { status: string }[]) => rows.every((d) => d.status === 'running'), { what: 'the clocks running again' });
    expect((await events(id, 'grievance.paused.v1'))[0]!.payload).toMatchObject({ question: 'Which station, and since when?', holder: { level: 'member' } });
    // And the branch, told by phone, can resume by itself next time.
    await act(tokens.branch!, id, 'ask-reporter', { question: 'Do you have the pay slips?' }).expect(200);
    await act(tokens.branch!, id, 'resume', { answer: 'Yes, three of them (by phone).' }).expect(200);
    await act(tokens.branch!, id, 'resume', { answer: 'again' }).expect(409);
    expect((await statuses()).map((d: { status: string }) => d.status)).toEqual(['running', 'running']);
  });

  it('changes SLA policies through the admin API only for admins, publishing each change', async () => {
    const badBudget = await request(service.url)
      .put('/v1/sla/policies/test.broken')
      .set('authorization', `Bearer ${tokens.admin}`)
      .send({ match: { urgency: 'whenever' }, targets: { resolve: 'soon' }, calendar: 'calendar' })
      .expect(400);
    expect(JSON.stringify(badBudget.body)).toContain('resolve');
    // Each problem at its own field, in the admin's language (zh-CN by default).
    expect(badBudget.body.errors).toEqual([
      { field: 'match.urgency', code: 'invalid', message: '紧急程度须为以下之一：normal, urgent。' },
      { field: 'targets.resolve', code: 'invalid', message: '时限“办结”须为毫秒数或 ISO-8601 时长（如 PT2H、P7D）。' },
    ]);
    const badCalendar = await request(service.url)
      .put('/v1/sla/calendars/test.broken')
      .set('authorization', `Bearer ${tokens.admin}`)
      .set('accept-language', 'en')
      .send({ kind: 'working', workingHours: [{ from: '18:00', to: '09:00' }], holidays: ['2026-13-01'] })
      .expect(400);
    expect(badCalendar.body.errors).toEqual([
      { field: 'workingHours[0]', code: 'invalid', message: 'An interval must end after it starts (split a night shift at 24:00).' },
      { field: 'holidays[0]', code: 'invalid', message: '"2026-13-01" is not a YYYY-MM-DD date.' },
    ]);
    await request(service.url).put('/v1/sla/policies/test.other').set('authorization', `Bearer ${tokens.member1}`).send({ match: {}, targets: {}, calendar: 'calendar' }).expect(403);
    const changes = (await dataSource.query(`SELECT envelope FROM messaging_outbox WHERE topic = 'sla.policy-changed.v1' ORDER BY seq`)) as { envelope: EventEnvelope }[];
    expect(changes.map((c) => c.envelope.payload)).toEqual([expect.objectContaining({ kind: 'policy', id: 'test.fast-appeals', action: 'put', version: 1 })]);
    const history = await request(service.url).get('/v1/sla/history?kind=policy&id=test.fast-appeals').set('authorization', `Bearer ${tokens.admin}`).expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'put', actor: 'admin-1', reason: 'test' });
  });

  // Last: it retires a member and a fallback branch of the demo city for the rest of the suite.
  it('gives a retired liaison member or fallback branch no new appeal, and lets no worker register with a retired branch', async () => {
    const retire = (id: string) => request(service.url).post(`/v1/directory/org-units/${id}/retire`).set('authorization', `Bearer ${tokens.admin}`).send({});
    await retire(MEMBERS[0]!).expect(200);
    const holders = [];
    for (let i = 0; i < 3; i += 1) holders.push((await grievance(await submitAppeal()))!.holder.id);
    expect(holders).toEqual([MEMBERS[1], MEMBERS[1], MEMBERS[1]]);

    // The express committee's fallback branch, once its members are retired, is retired in turn.
    const fallback = (await dataSource.query(
      `SELECT id FROM directory_org_units WHERE level = 'branch' AND (attributes->>'fallback')::boolean AND parent_id = 'ic-express'`,
    )) as { id: string }[];
    expect(fallback).toHaveLength(1);
    const members = (await dataSource.query(`SELECT id FROM directory_org_units WHERE level = 'member' AND parent_id = $1`, [fallback[0]!.id])) as { id: string }[];
    for (const member of members) await retire(member.id).expect(200);
    await retire(fallback[0]!.id).expect(200);
    const courier = await signDevToken({ sub: `courier-${uuidv7()}`, role: 'worker' });
    await request(service.url).put('/v1/workers/me').set('authorization', `Bearer ${courier}`).send({ occupation: 'courier', branchId: fallback[0]!.id }).expect(400);
    // An unregistered courier's appeal no longer lands at the retired fallback branch: with no
    // live branch for couriers it goes to the 两新工委.
    const id = await submitAppeal({ reporter: { id: `courier-${uuidv7()}`, occupation: 'courier' } });
    expect(await grievance(id)).toMatchObject({ level: 'two_new_committee', holder: { id: 'two-new-committee' } });
  });
});
