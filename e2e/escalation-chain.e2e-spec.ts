import { Redis } from 'ioredis';
import { EventEnvelope } from '@grievance/contracts';
import { PrivateRedis, startPrivateRedis, waitForMessages } from '@grievance/testing';
import { call, eventually, RunningSystem, startSystem, tokenFor } from './system-harness';

/**
 * The escalation chain (诉求直通) across the five services as separate processes, driven
 * through their HTTP APIs: a rider's appeal climbs member → branch → industry committee →
 * 两新工委 when nobody acts, each rung's deadline passing it up, and survives a crashed
 * routing service and a flushed Redis without losing or doubling a breach.
 *
 * SLA_TIME_SCALE 0.0005: an hour of policy budget lasts 1.8 s. The fast policies below are
 * set through routing's admin API, as an operator would.
 */
const TIME_SCALE = '0.0005';
const BRANCH = 'br-delivery-meituan-xiangyun';
const RIDER = 'rider-e2e-chain';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the escalation chain across the five services', () => {
  let system: RunningSystem;
  let redis: PrivateRedis;
  let rider: string;
  let admin: string;
  /** The appeal that climbed to 督办 in the first test. */
  let climbed: { id: string; trackingNo: string } | undefined;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const feedback = (path: string) => `${system.url('feedback')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;
  const view = async (id: string, token = rider, language?: string) =>
    (await call(intake(`/v1/grievances/${id}`), token, language ? { headers: { 'accept-language': language } } : {})).body;

  /** A rung's token: a member is their own org unit; the others act for theirs. */
  const rungToken = (level: string, unitId: string) => tokenFor({ sub: `${unitId}-officer`, role: level as never, orgUnitId: unitId });

  async function fastPolicy(id: string, category: string, targets: Record<string, string>) {
    const put = await call(routing(`/v1/sla/policies/${id}`), admin, {
      method: 'PUT',
      body: { match: { kind: 'appeal', category }, targets, calendar: 'calendar', priority: 10, reason: 'end-to-end test budgets' },
    });
    expect(put.status).toBe(200);
  }

  async function submitAppeal(category: string, title: string): Promise<string> {
    const submitted = await call(intake('/v1/grievances'), rider, {
      body: { kind: 'appeal', category, title, description: 'Raised by a rider of the Xiangyun delivery station.' },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    await eventually(() => view(id), (v) => v.level === 'member', `appeal ${id} with a liaison member`);
    return id;
  }

  /** The sla.breached.v1 events of a grievance on the topic (as audit or a dashboard would read them), once `count` are there. */
  async function breachesOf(id: string, count: number): Promise<EventEnvelope<{ level: string; target: string }>[]> {
    const messages = await waitForMessages(system.kafka, 'sla.breached.v1', count, (m) => m.key === id, 40_000);
    return messages.map((m) => JSON.parse(m.value!) as EventEnvelope<{ level: string; target: string }>);
  }

  beforeAll(async () => {
    // A Redis of this suite's own, so that flushing it disturbs no other suite.
    redis = await startPrivateRedis();
    system = await startSystem({ SLA_TIME_SCALE: TIME_SCALE, REDIS_URL: redis.url });
    rider = await tokenFor({ sub: RIDER, role: 'worker' });
    admin = await tokenFor({ sub: 'admin-e2e', role: 'admin' });
    const registered = await call(routing('/v1/workers/me'), rider, { method: 'PUT', body: { occupation: 'rider', branchId: BRANCH } });
    expect(registered.status).toBe(200);
    // Each rung must answer within an hour (1.8 s here); resolving may take far longer, so only the answer drives the climb.
    await fastPolicy('e2e.climb', 'truck_passage', { respond: 'PT1H', resolve: 'PT240H' });
    await fastPolicy('e2e.crash', 'health_certificate', { respond: 'PT3H', resolve: 'PT240H' });
    // 10.8 s: far enough out that the alarm waits in Redis (a BullMQ slot job), not in a process's timer.
    await fastPolicy('e2e.flush', 'housing', { respond: 'PT6H', resolve: 'PT240H' });
  });

  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
  });

  it('climbs member → branch → industry committee → 两新工委 → 督办 when nobody acts, with one breach per rung', async () => {
    const id = await submitAppeal('truck_passage', 'Trucks turned away from the logistics park gate');
    // The top rung's breach and the 督办 it causes come on different topics: wait for both in the view.
    const supervised = await eventually(
      () => view(id),
      (v) => v.underSupervision === true && v.history.some((h: { type: string }) => h.type === 'grievance.supervised'),
      'under supervision',
      40_000,
    );
    expect(supervised).toMatchObject({ level: 'two_new_committee', holder: { id: 'two-new-committee', level: 'two_new_committee' } });
    climbed = { id, trackingNo: supervised.trackingNo as string };
    const types = supervised.history.map((h: { type: string }) => h.type);
    expect(types.filter((t: string) => t === 'grievance.escalated')).toHaveLength(3);
    expect(types).toContain('grievance.supervised');
    const breaches = await breachesOf(id, 4);
    expect(breaches.map((b) => b.payload.level)).toEqual(['member', 'branch', 'industry_committee', 'two_new_committee']);
    // No more: a second look a full budget later finds the same four.
    await sleep(2_500);
    expect(await breachesOf(id, 4)).toHaveLength(4);
    // 督办 is not dropped: the 两新工委 still holds it in its inbox.
    const top = await call(routing('/v1/inbox'), await rungToken('two_new_committee', 'two-new-committee'));
    expect(top.body.items.map((m: { grievanceId: string }) => m.grievanceId)).toContain(id);
    // The auditor's trace tells the same story, and its hash chain verifies.
    const auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    const trace = await eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => Array.isArray(t?.events) && t.events.some((e: { type: string }) => e.type === 'grievance.supervised'),
      'the audit trace up to supervision',
    );
    expect(trace.verified).toBe(true);
    const traced = trace.events.map((e: { type: string }) => e.type);
    expect(traced.filter((t: string) => t === 'grievance.escalated')).toHaveLength(3);
    expect(traced.filter((t: string) => t === 'sla.breached')).toHaveLength(4);
    // Every rung's answer deadline broke; each started when the appeal reached the rung (sla.started), not when it warned.
    type Replayed = { level: string; target: string; outcome: string; startedAt: string };
    const answers = (trace.sla.deadlines as Replayed[]).filter((d) => d.target === 'respond');
    expect(answers.map((d) => [d.level, d.outcome])).toEqual([
      ['member', 'breached'],
      ['branch', 'breached'],
      ['industry_committee', 'breached'],
      ['two_new_committee', 'breached'],
    ]);
    expect(traced.filter((t: string) => t === 'sla.started').length).toBeGreaterThanOrEqual(8);
  });

  it('sends an unregistered truck driver’s appeal to the freight committee’s fallback branch (兜底) and up the freight chain, telling them in Chinese', async () => {
    const driver = await tokenFor({ sub: 'driver-e2e-unregistered', role: 'worker' });
    const submitted = await call(intake('/v1/grievances'), driver, {
      body: { kind: 'appeal', category: 'truck_passage', title: '物流园大门不让货车进', description: '每天排队两小时，园区说要等通知。', occupation: 'truck_driver', platform: '货拉拉' },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    const first = await eventually(() => view(id, driver), (v) => v.level === 'member', 'the appeal with a liaison member');
    expect(first.holder.id).toMatch(/^mb-freight-fallback-\d$/);
    const supervised = await eventually(() => view(id, driver), (v) => v.underSupervision === true, 'under supervision', 40_000);
    expect(supervised).toMatchObject({ level: 'two_new_committee', holder: { id: 'two-new-committee' } });
    const escalated = await waitForMessages(system.kafka, 'grievance.escalated.v1', 3, (m) => m.key === id, 20_000);
    expect(escalated.map((m) => (JSON.parse(m.value!) as EventEnvelope<{ toHolder: { id: string } }>).payload.toHolder.id)).toEqual([
      'br-freight-fallback',
      'ic-freight',
      'two-new-committee',
    ]);
    // Routing says who the reporter is, so the auditors' rates by industry name truck drivers.
    const [routed] = await waitForMessages(system.kafka, 'grievance.routed.v1', 1, (m) => m.key === id);
    expect(JSON.parse(routed!.value!).payload).toMatchObject({ fallback: true, reporter: { occupation: 'truck_driver', platform: '货拉拉' } });
    const auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    await eventually(
      async () => (await call(audit('/v1/rates?groupBy=industry'), auditor)).body.items.map((r: { group: string }) => r.group) as string[],
      (groups) => groups.includes('truck_driver') && groups.includes('rider'),
      'truck drivers and riders in the rates by industry',
    );
    // The driver reads every notification in Chinese.
    const told = await eventually(
      async () => ((await call(feedback('/v1/notifications'), driver)).body.items as { grievanceId: string; eventType: string; message: string }[]).filter((n) => n.grievanceId === id),
      (items) => items.some((n) => n.eventType === 'grievance.supervised'),
      'the notice of supervision',
    );
    expect(told.find((n) => n.eventType === 'grievance.submitted')!.message).toMatch(/^我们已收到您的诉求（编号 NC-\d{8}-\d{6}）：“物流园大门不让货车进”。$/);
    expect(told.find((n) => n.eventType === 'grievance.supervised')!.message).toContain('督办');
    // Every one is written in Chinese around the names of the units (which are the city's data).
    expect(told.filter((n) => !/[\u4e00-\u9fff].*[。：]|[。：].*[\u4e00-\u9fff]/.test(n.message))).toEqual([]);
  });

  it('lets an auditor fetch and export the rates by rung', async () => {
    const auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    const rates = await call(audit('/v1/rates?groupBy=level'), auditor);
    expect(rates.status).toBe(200);
    const groups = JSON.stringify(rates.body);
    expect(groups).toContain('member');
    const csv = await fetch(audit('/v1/rates?groupBy=level&format=csv'), { headers: { authorization: `Bearer ${auditor}`, 'accept-language': 'en' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toContain('response rate');
    // For people, in Chinese unless they ask otherwise.
    const chinese = await fetch(audit('/v1/rates?groupBy=level&format=csv'), { headers: { authorization: `Bearer ${auditor}` } });
    expect((await chinese.text()).split('\n')[0]).toContain('响应率');
  });

  it('lets an auditor find the climbed appeal by search and download the yearly assessment of branches and committees', async () => {
    expect(climbed).toBeDefined();
    const auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    const found = await eventually(
      async () => (await call(audit(`/v1/matters?trackingNo=${climbed!.trackingNo}`), auditor)).body.items as Record<string, unknown>[],
      (items) => items.length === 1 && items[0]!.breaches === 4,
      'the climbed appeal in the search, with its four breaches',
    );
    expect(found[0]).toMatchObject({ grievanceId: climbed!.id, kind: 'appeal', category: 'truck_passage', level: 'two_new_committee', underSupervision: true });
    const supervised = await call(audit('/v1/matters?supervised=true&breached=true&kind=appeal&limit=100'), auditor);
    expect(supervised.body.items.map((m: { grievanceId: string }) => m.grievanceId)).toContain(climbed!.id);
    // The year as it is in Beijing, where the assessment cuts it.
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const branches = await call(audit(`/v1/assessments?year=${year}&unit=branch`), auditor);
    expect(branches.body.items).toContainEqual(expect.objectContaining({ unit: BRANCH, rank: expect.any(Number), breaches: expect.any(Number) }));
    const committees = await call(audit(`/v1/assessments?year=${year}&unit=committee`), auditor);
    // The committee the appeal climbed through missed its deadline once.
    expect(committees.body.items.some((u: { breaches: number; rank: number }) => u.breaches >= 1 && u.rank >= 1)).toBe(true);
    const csv = await fetch(audit(`/v1/assessments?year=${year}&unit=branch&format=csv`), { headers: { authorization: `Bearer ${auditor}`, 'accept-language': 'en' } });
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="assessment-${year}-branch.csv"`);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('rank,unit,received,response rate,resolution rate,satisfaction rate,breaches,score,responded in time,resolved,rated,satisfied,returns');
    expect(lines.some((line) => line.split(',')[1] === BRANCH)).toBe(true);
  });

  it('closes the loop with the SLA met when the member acknowledges and resolves in time', async () => {
    const id = await submitAppeal('pay_dispute', 'Three weeks of pay withheld');
    const member = (await view(id)).holder.id as string;
    const token = await rungToken('member', member);
    expect((await call(routing(`/v1/matters/${id}/acknowledge`), token, { method: 'POST' })).status).toBe(200);
    expect((await call(routing(`/v1/matters/${id}/resolve`), token, { body: { resolution: 'The station paid in full today.' } })).status).toBe(200);
    await eventually(() => view(id), (v) => v.status === 'resolved', 'resolved');
    await eventually(
      async () => (await call(feedback(`/v1/grievances/${id}/rating`), rider, { body: { rating: 'satisfied' } })).status,
      (status) => status === 201 || status === 200,
      'rated',
    );
    const closed = await eventually(() => view(id), (v) => v.status === 'closed', 'closed');
    expect(closed.history.map((h: { type: string }) => h.type)).not.toContain('grievance.escalated');
    const [closedEvent] = await waitForMessages(system.kafka, 'grievance.closed.v1', 1, (m) => m.key === id);
    expect(JSON.parse(closedEvent!.value!).payload).toMatchObject({ outcome: 'resolved', slaMet: true });
    // The auditor sees both deadlines the member met, though neither warned: each with its budget and the time it took.
    const auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    const trace = await eventually(
      async () => (await call(audit(`/v1/trace/${id}`), auditor)).body,
      (t) => t?.sla?.verdict !== undefined && t.sla.deadlines.length === 2,
      'the met deadlines in the audit trace',
    );
    type Replayed = { target: string; level: string; holder: { id: string }; outcome: string; startedAt: string; dueAt: string; budgetMs: number; tookMs: number; warnedAt?: string };
    const deadlines = trace.sla.deadlines as Replayed[];
    expect(deadlines.map((d) => [d.target, d.level, d.holder.id, d.outcome])).toEqual([
      ['respond', 'member', member, 'met'],
      ['resolve', 'member', member, 'met'],
    ]);
    for (const d of deadlines) {
      expect(d.warnedAt).toBeUndefined();
      expect(d.budgetMs).toBeGreaterThan(0);
      expect(d.tookMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(d.startedAt) + d.tookMs).toBeLessThanOrEqual(Date.parse(d.dueAt));
    }
    expect(trace.sla.verdict).toMatchObject({ slaMet: true });
  });

  it('appeals an unsatisfied rating to the next rung up', async () => {
    const id = await submitAppeal('compound_access', 'Riders refused entry to the Lakeside compound');
    const member = (await view(id)).holder.id as string;
    const token = await rungToken('member', member);
    expect((await call(routing(`/v1/matters/${id}/resolve`), token, { body: { resolution: 'Asked the guards to be nicer.' } })).status).toBe(200);
    await eventually(() => view(id), (v) => v.status === 'resolved', 'resolved');
    await eventually(
      async () => (await call(feedback(`/v1/grievances/${id}/rating`), rider, { body: { rating: 'unsatisfied', comment: 'Still locked out.' } })).status,
      (status) => status === 201 || status === 200,
      'rated',
    );
    const reopened = await eventually(() => view(id), (v) => v.level === 'branch', 'reopened at the branch');
    expect(reopened).toMatchObject({ status: 'in_progress', holder: { id: BRANCH, level: 'branch' } });
    const branch = await call(routing('/v1/inbox'), await rungToken('branch', BRANCH));
    expect(branch.body.items.map((m: { grievanceId: string }) => m.grievanceId)).toContain(id);
  });

  it('still fires a pending breach exactly once after routing is killed with SIGKILL and restarted', async () => {
    const id = await submitAppeal('health_certificate', 'Health certificate office closed at weekends');
    await system.crashAndRestart('routing');
    const [breach] = await breachesOf(id, 1);
    expect(breach!.payload).toMatchObject({ level: 'member', target: 'respond' });
    await eventually(() => view(id), (v) => v.level === 'branch', 'escalated to the branch');
    await sleep(1_000);
    const atMember = (await breachesOf(id, 1)).filter((b) => b.payload.level === 'member');
    expect(atMember).toHaveLength(1);
    const escalations = (await view(id, rider, 'en')).history.filter((h: { type: string }) => h.type === 'grievance.escalated');
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    expect(escalations[0].summary).toContain('from member to branch');
    // The same line as the rider reads it by default.
    const chinese = (await view(id)).history.find((h: { type: string }) => h.type === 'grievance.escalated');
    expect(chinese.summary).toMatch(/^党员联络员超时未处理，已上交至党支部：/);
  });

  it('loses no deadline when Redis is flushed', async () => {
    const id = await submitAppeal('housing', 'No affordable rooms near the station');
    const client = new Redis(redis.url);
    try {
      const alarms = await eventually(() => client.keys('*routing.sla*'), (keys) => keys.length > 0, 'the alarm armed in Redis');
      expect(alarms.length).toBeGreaterThan(0);
      expect(await client.flushall()).toBe('OK');
      expect(await client.keys('*routing.sla*')).toEqual([]);
    } finally {
      client.disconnect();
    }
    const [breach] = await breachesOf(id, 1);
    expect(breach!.payload).toMatchObject({ level: 'member', target: 'respond' });
    await eventually(() => view(id), (v) => v.level === 'branch', 'escalated to the branch after the flush');
  });
});
