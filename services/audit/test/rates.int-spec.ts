import { TopicName, TOPICS, uuidv7 } from '@grievance/contracts';
import { at, AuditHarness, TOP } from './audit-harness';
import { expectedRates, FixtureEvent, ratesFixture } from './rates-fixture';

jest.setTimeout(120_000);

/** April 2026; in Beijing time the month starts at 2026-03-31T16:00Z, so M6 (two days before) is outside it. */
const BASE = new Date('2026-04-01T00:00:00.000Z');
const TO = at(BASE, 24 * 60);
const hasTopic = (topic: string) => topic in TOPICS;
/** The return of M4 is sent only when the catalogue has grievance.returned.v1. */
const WITH_RETURNS = hasTopic('grievance.returned.v1');

describe('the audit rates, rankings, breaches and supervision', () => {
  let h: AuditHarness;
  const ids = {} as Record<FixtureEvent['grievance'] | 'M7', string>;

  beforeAll(async () => {
    h = await AuditHarness.start();
    for (const m of ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'] as const) ids[m] = uuidv7();
    const events = ratesFixture(BASE).filter((e) => hasTopic(e.topic));
    for (const e of events) {
      await h.publish(e.topic as TopicName, ids[e.grievance], e.payload as never, { at: at(BASE, e.minute) });
    }
    let total = events.length;
    if (hasTopic('grievance.supervised.v1')) {
      await h.publish('grievance.supervised.v1' as TopicName, ids.M7, { holder: TOP, level: 'two_new_committee', cause: 'reporter_unsatisfied', reason: 'rated unsatisfied at the top rung' } as never, { at: at(BASE, 400) });
      total += 1;
    }
    await h.untilDossierHolds(total);
  });

  afterAll(async () => {
    await h?.close();
  });

  const range = `from=${BASE.toISOString()}&to=${TO.toISOString()}`;
  const withRates = (expected: Record<string, { received: number; responded: number; resolved: number; rated: number; satisfied: number; bounces: number; breaches: number }>) =>
    Object.entries(expected)
      .map(([group, t]) => ({
        group,
        ...t,
        responseRate: t.responded / t.received,
        resolutionRate: t.resolved / t.received,
        satisfactionRate: t.rated ? t.satisfied / t.rated : null,
      }))
      .sort((a, b) => (a.group < b.group ? -1 : 1));

  it.each(['department', 'level', 'district', 'industry', 'branch', 'committee', 'grid', 'grid_worker'] as const)('gives the hand-computed rates and breaches by %s', async (groupBy) => {
    const { body } = await h.get(`/v1/rates?groupBy=${groupBy}&${range}`);
    expect(body).toEqual({ groupBy, from: BASE.toISOString(), to: TO.toISOString(), items: withRates(expectedRates(WITH_RETURNS)[groupBy]) });
  });

  it('says municipal works responded in time to half its grievances, resolved all and satisfied every rater', async () => {
    const { body } = await h.get(`/v1/rates?${range}`);
    expect(body.items.find((r: { group: string }) => r.group === 'municipal_works')).toMatchObject({
      received: 2,
      responded: 1,
      responseRate: 0.5,
      resolutionRate: 1,
      satisfactionRate: 1,
    });
  });

  it('exports the rates as CSV, by ?format=csv or by Accept: text/csv, its header line in the reader’s language', async () => {
    const rows = ['municipal_works,2,1,2,2,2,0,1,0.5,1,1', 'urban_management,1,1,0,0,0,0,0,1,0,', ''];
    const english = ['group,received,responded in time,resolved,rated,satisfied,returns,breaches,response rate,resolution rate,satisfaction rate', ...rows].join('\r\n');
    const byFormat = await h.get(`/v1/rates?groupBy=department&${range}&format=csv`, { language: 'en' });
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    expect(byFormat.headers['content-disposition']).toBe('attachment; filename="rates-department.csv"');
    expect(byFormat.text).toBe(english);
    const byAccept = await h.get(`/v1/rates?groupBy=department&${range}`, { accept: 'text/csv', language: 'en-GB' });
    expect(byAccept.text).toBe(english);
    // Chinese unless asked otherwise.
    const chinese = await h.get(`/v1/rates?groupBy=department&${range}&format=csv`);
    expect(chinese.text).toBe(['分组,受理数,按时响应数,办结数,评价数,满意数,退单次数,超时次数,响应率,解决率,满意率', ...rows].join('\r\n'));
  });

  it('names the industries in the rates by industry: the occupation from the registration, else from the submission', async () => {
    // M3's submission named no occupation and M5's said courier: routing's grievance.routed.v1 said rider for both.
    const { body } = await h.get(`/v1/rates?groupBy=industry&${range}`);
    expect(body.items.map((r: { group: string; received: number }) => [r.group, r.received])).toEqual([
      ['courier', 1],
      ['rider', 3],
      ['truck_driver', 1],
    ]);
  });

  it('ranks the month, best first, and exports the ranking', async () => {
    const { body } = await h.get('/v1/rankings?month=2026-04&groupBy=department');
    expect(body).toMatchObject({ month: '2026-04', groupBy: 'department', by: 'score', from: '2026-03-31T16:00:00.000Z', to: '2026-04-30T16:00:00.000Z' });
    expect(body.items.map((r: { group: string; rank: number; score: number }) => [r.rank, r.group, r.score])).toEqual([
      [1, 'municipal_works', (0.5 + 1 + 1) / 3],
      [2, 'urban_management', (1 + 0) / 2],
    ]);
    const byResponse = await h.get('/v1/rankings?month=2026-04&groupBy=level&by=responseRate');
    expect(byResponse.body.items.map((r: { group: string; rank: number }) => [r.rank, r.group])).toEqual([
      [1, 'industry_committee'],
      [2, 'branch'],
      [2, 'two_new_committee'],
    ]);
    const csv = await h.get('/v1/rankings?month=2026-04&groupBy=department&format=csv', { language: 'en' });
    expect(csv.text.split('\r\n')[0]).toBe('rank,group,received,responded in time,resolved,rated,satisfied,returns,breaches,response rate,resolution rate,satisfaction rate,score');
    expect((await h.get('/v1/rankings?month=2026-04&groupBy=department&format=csv')).text.split('\r\n')[0]).toBe(
      '排名,分组,受理数,按时响应数,办结数,评价数,满意数,退单次数,超时次数,响应率,解决率,满意率,综合得分',
    );
    expect(csv.text.split('\r\n')[1]).toMatch(/^1,municipal_works,2,1,2,2,2,0,1,0.5,1,1,0\.83/);
    const march = await h.get('/v1/rankings?month=2026-03&groupBy=department');
    expect(march.body.items.map((r: { group: string }) => r.group)).toEqual(['municipal_works']);
  });

  it('lists the breaches with their holder, rung, target, due and fired times, and filters them', async () => {
    const { body } = await h.get(`/v1/breaches?${range}`);
    expect(body.items.map((b: { grievanceId: string }) => b.grievanceId)).toEqual([ids.M5, ids.M4, ids.M2]);
    expect(body.items[2]).toEqual({
      eventId: expect.any(String),
      grievanceId: ids.M2,
      deadlineId: 'M2.respond.municipal_works',
      target: 'respond',
      holder: { type: 'department', id: 'municipal_works', name: 'Municipal works' },
      level: null,
      startedAt: at(BASE, 5).toISOString(),
      dueAt: at(BASE, 35).toISOString(),
      firedAt: at(BASE, 35).toISOString(),
      budgetMs: 30 * 60_000,
    });
    const ofGrievance = async (query: string) => (await h.get(`/v1/breaches?${query}`)).body.items.map((b: { grievanceId: string }) => b.grievanceId);
    expect(await ofGrievance('level=branch')).toEqual([ids.M4]);
    expect(await ofGrievance('level=two_new_committee')).toEqual([ids.M5]);
    expect(await ofGrievance('department=municipal_works')).toEqual([ids.M2]);
    expect(await ofGrievance(`grievanceId=${ids.M4}`)).toEqual([ids.M4]);
    expect(await ofGrievance('target=resolve')).toEqual([]);
    expect(await ofGrievance(`from=${at(BASE, 100).toISOString()}`)).toEqual([ids.M5]);
    const csv = await h.get(`/v1/breaches?grievanceId=${ids.M2}&format=csv`);
    expect(csv.text.split('\r\n')[0]).toBe('超时时间,诉求编号,时限类型,层级,承办方类型,承办方编号,承办方名称,开始计时,截止时间,时限（毫秒）,时限编号,事件编号');
    expect(csv.text.split('\r\n')[1]).toBe(
      `${at(BASE, 35).toISOString()},${ids.M2},respond,,department,municipal_works,Municipal works,${at(BASE, 5).toISOString()},${at(BASE, 35).toISOString()},1800000,M2.respond.municipal_works,${body.items[2].eventId}`,
    );
  });

  it('lists the grievances under supervision: the top rung missed its deadline (or grievance.supervised said so)', async () => {
    const { body } = await h.get('/v1/supervision');
    const expected = [
      expect.objectContaining({ grievanceId: ids.M5, since: at(BASE, 200).toISOString(), holder: TOP, level: 'two_new_committee', closedAt: null, causes: [expect.objectContaining({ type: 'sla.breached', target: 'respond' })] }),
    ];
    if (hasTopic('grievance.supervised.v1')) {
      expected.push(expect.objectContaining({ grievanceId: ids.M7, causes: [expect.objectContaining({ type: 'grievance.supervised', cause: 'reporter_unsatisfied' })] }));
    }
    expect(body.items).toEqual(expected);
  });

  it('shows the breached deadlines in the grievance trace too', async () => {
    const { body } = await h.get(`/v1/trace/${ids.M4}`);
    expect(body.verified).toBe(true);
    expect(body.sla.deadlines.map((d: { holder: { id: string }; outcome: string }) => [d.holder.id, d.outcome])).toEqual([
      ['br-1', 'late'],
      ['ic-1', 'met'],
    ]);
  });

  it('refuses bad parameters with a 400 that names the field', async () => {
    const message = async (query: string) => JSON.stringify((await h.get(`/v1/${query}`, { status: 400 })).body.message);
    expect(await message('rates?groupBy=street')).toContain('groupBy must be one of the following values: department, level, industry, district, branch, committee, grid, grid_worker');
    expect(await message('rates?from=yesterday')).toContain('from must be an ISO-8601 date');
    expect(await message('rates?from=2026-05-01&to=2026-04-01')).toContain('to must not be before from');
    expect(await message('rates?format=xml')).toContain('format');
    expect(await message('rates?colour=red')).toContain('property colour should not exist');
    expect(await message('rankings')).toContain('month must be YYYY-MM');
    expect(await message('rankings?month=2026-13')).toContain('month must be YYYY-MM');
    expect(await message('breaches?level=grid')).toContain('level');
    expect(await message('breaches?grievanceId=42')).toContain('grievanceId must be a UUID');
    expect(await message('breaches?limit=0')).toContain('limit');
  });

  it('is for auditors only', async () => {
    for (const path of ['/v1/rates', '/v1/rankings?month=2026-04', '/v1/breaches', '/v1/supervision', '/v1/anchors/verify', '/v1/audit-queries']) {
      for (const role of ['worker', 'department', 'admin', 'branch'] as const) await h.get(path, { role, status: 403 });
    }
    await h.post('/v1/anchors', { role: 'department', status: 403 });
  });

  it('logs the answered auditor queries with their parameters, and not the refused ones', async () => {
    await h.get(`/v1/breaches?level=president&${range}`, { sub: 'auditor-rates', status: 400 });
    await h.get(`/v1/breaches?level=branch&${range}`, { sub: 'auditor-rates' });
    const { items } = (await h.get('/v1/audit-queries?auditorId=auditor-rates')).body as { items: { endpoint: string; params: unknown }[] };
    expect(items).toEqual([
      expect.objectContaining({ endpoint: 'GET /v1/breaches', params: { level: 'branch', from: BASE.toISOString(), to: TO.toISOString() } }),
    ]);
  });
});
