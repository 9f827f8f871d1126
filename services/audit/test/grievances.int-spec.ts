import { TopicName, uuidv7 } from '@grievance/contracts';
import { DataSource } from 'typeorm';
import { CreateMatterIndex1764900000000 } from '../src/migrations/1764900000000-CreateMatterIndex';
import { RenameMattersToGrievances1803000000000 } from '../src/migrations/1803000000000-RenameMattersToGrievances';
import { at, AuditHarness, TOP } from './audit-harness';
import { ratesFixture } from './rates-fixture';

jest.setTimeout(120_000);

/** April 2026 as in rates.int-spec; M1–M5 are submitted in the ten minutes before it (M1 first), M6 two days before. */
const BASE = new Date('2026-04-01T00:00:00.000Z');
/** June 2025: three appeals a day apart for the 2025 assessment, none breached. */
const JUNE_2025 = new Date('2025-06-02T02:00:00.000Z');
const SINCE_MARCH = `from=${at(BASE, -10 * 24 * 60).toISOString()}`;

const branch = (id: string) => ({ type: 'org_unit', id, name: `Branch ${id}`, level: 'branch' });
const committee = (id: string) => ({ type: 'org_unit', id, name: `Committee ${id}`, level: 'industry_committee' });

/** An appeal of 2025: routed to a branch, taken up (or escalated first), resolved and rated. */
function appeal2025(start: Date, trackingNo: string, holder: ReturnType<typeof branch>, options: { escalateTo?: ReturnType<typeof committee>; rating: string }) {
  const resolver = options.escalateTo ?? holder;
  const events: { topic: string; minute: number; payload: Record<string, unknown> }[] = [
    {
      topic: 'grievance.submitted.v1',
      minute: 0,
      payload: {
        trackingNo,
        kind: 'appeal',
        category: 'wage_dispute',
        title: 't',
        description: 'd',
        urgency: 'normal',
        attachmentIds: [],
        reporter: { id: `reporter-${trackingNo}`, occupation: 'rider' },
        submittedAt: start.toISOString(),
      },
    },
    { topic: 'grievance.routed.v1', minute: 1, payload: { kind: 'appeal', category: 'wage_dispute', districtId: 'xiangyun', holder, level: 'branch', fallback: false } },
  ];
  if (options.escalateTo) {
    events.push({
      topic: 'grievance.escalated.v1',
      minute: 30,
      payload: { fromLevel: 'branch', toLevel: 'industry_committee', fromHolder: holder, toHolder: options.escalateTo, reason: 'passed up', automatic: false },
    });
  }
  events.push(
    { topic: 'grievance.accepted.v1', minute: 40, payload: { holder: resolver } },
    { topic: 'grievance.resolved.v1', minute: 60, payload: { resolvedBy: resolver, resolution: 'paid', attachmentIds: [] } },
    { topic: 'feedback.rated.v1', minute: 70, payload: { reporterId: `reporter-${trackingNo}`, rating: options.rating } },
  );
  return events.map((e) => ({ ...e, at: at(start, e.minute) }));
}

describe('the auditors’ grievance search and the yearly assessment', () => {
  let h: AuditHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await AuditHarness.start();
    for (const m of ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'Y1', 'Y2', 'Y3']) ids[m] = uuidv7();
    let total = 0;
    for (const e of ratesFixture(BASE)) {
      await h.publish(e.topic as TopicName, ids[e.grievance]!, e.payload as never, { at: at(BASE, e.minute) });
      total += 1;
    }
    // M7: a grievance the audit knows only from its supervision (督办).
    await h.publish('grievance.supervised.v1', ids.M7!, { holder: TOP, level: 'two_new_committee', cause: 'reporter_unsatisfied', reason: 'rated unsatisfied at the top rung' } as never, { at: at(BASE, 400) });
    total += 1;
    const year2025 = {
      Y1: appeal2025(JUNE_2025, 'NC-Y1', branch('br-2'), { rating: 'satisfied' }),
      Y2: appeal2025(at(JUNE_2025, 24 * 60), 'NC-Y2', branch('br-3'), { escalateTo: committee('ic-2'), rating: 'unsatisfied' }),
      Y3: appeal2025(at(JUNE_2025, 2 * 24 * 60), 'NC-Y3', branch('br-4'), { rating: 'basically_satisfied' }),
    };
    for (const [grievance, events] of Object.entries(year2025)) {
      for (const e of events) {
        await h.publish(e.topic as TopicName, ids[grievance]!, e.payload as never, { at: e.at });
        total += 1;
      }
    }
    await h.untilDossierHolds(total);
  });

  afterAll(async () => {
    await h?.close();
  });

  const grievanceNames = (items: { grievanceId: string }[]) => items.map((m) => Object.keys(ids).find((k) => ids[k] === m.grievanceId));
  const search = async (query: string) => grievanceNames((await h.get(`/v1/matters?${query}`)).body.items);

  it('gives each grievance its tracking number, kind, category, status, rung, holder, district, department, submission time, breaches and supervision', async () => {
    const { body } = await h.get('/v1/matters?trackingNo=NC-M4');
    expect(body).toEqual({
      items: [
        {
          grievanceId: ids.M4,
          trackingNo: 'NC-M4',
          kind: 'appeal',
          category: 'wage_dispute',
          status: 'resolved',
          level: 'branch',
          holder: { type: 'org_unit', id: 'br-1', name: 'Branch 1', level: 'branch' },
          districtId: 'hongcheng',
          departmentCode: null,
          gridId: null,
          submittedAt: at(BASE, -6).toISOString(),
          breaches: 1,
          underSupervision: false,
        },
      ],
      nextCursor: null,
    });
    expect((await h.get('/v1/matters?trackingNo=NC-M3')).body.items[0]).toMatchObject({
      status: 'in_progress',
      holder: { type: 'department', id: 'urban_management' },
      departmentCode: 'urban_management',
      gridId: 'xiangyun-yuhua-g1',
      breaches: 0,
    });
  });

  it('finds grievances by each filter, newest first', async () => {
    expect(await search('trackingNo=NC-M2')).toEqual(['M2']);
    expect(await search(`kind=appeal&${SINCE_MARCH}`)).toEqual(['M5', 'M4']);
    expect(await search('kind=appeal')).toEqual(['M5', 'M4', 'Y3', 'Y2', 'Y1']);
    expect(await search(`category=manhole_cover_missing`)).toEqual(['M3', 'M2', 'M1', 'M6']);
    expect(await search('district=xiangyun&kind=hazard')).toEqual(['M3', 'M1']);
    expect(await search('department=municipal_works')).toEqual(['M2', 'M1', 'M6']);
    expect(await search('level=two_new_committee')).toEqual(['M5']);
    expect(await search('level=industry_committee')).toEqual(['Y2']);
    expect(await search('status=in_progress')).toEqual(['M3']);
    expect(await search(`status=resolved&${SINCE_MARCH}`)).toEqual(['M5', 'M4', 'M2', 'M1', 'M6']);
    expect(await search('breached=true')).toEqual(['M5', 'M4', 'M2']);
    expect(await search(`breached=false&${SINCE_MARCH}`)).toEqual(['M7', 'M3', 'M1', 'M6']);
    expect(await search('supervised=true')).toEqual(['M7', 'M5']);
    expect(await search(`supervised=false&breached=true`)).toEqual(['M4', 'M2']);
    // Submitted in [from, to): M6 two days before, M7 (first seen at minute 400) after.
    expect(await search(`from=${at(BASE, -60).toISOString()}&to=${BASE.toISOString()}`)).toEqual(['M5', 'M4', 'M3', 'M2', 'M1']);
    expect(await search('from=2025-01-01&to=2026-01-01&sort=asc')).toEqual(['Y1', 'Y2', 'Y3']);
  });

  it('pages by cursor, in either order, until the last page says there is no next one', async () => {
    const pages: (string | undefined)[][] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { items: { grievanceId: string }[]; nextCursor: string | null } } = await h.get(`/v1/matters?${SINCE_MARCH}&sort=asc&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(grievanceNames(body.items));
      cursor = body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([['M6', 'M1'], ['M2', 'M3'], ['M4', 'M5'], ['M7']]);
    const first = (await h.get(`/v1/matters?${SINCE_MARCH}&limit=3`)).body;
    expect(grievanceNames(first.items)).toEqual(['M7', 'M5', 'M4']);
    expect(await search(`${SINCE_MARCH}&limit=3&cursor=${first.nextCursor}`)).toEqual(['M3', 'M2', 'M1']);
  });

  it('exports the grievances as CSV, its header line in the reader’s language', async () => {
    const english = await h.get('/v1/matters?trackingNo=NC-M2&format=csv', { language: 'en' });
    expect(english.headers['content-disposition']).toBe('attachment; filename="grievances.csv"');
    expect(english.text).toBe(
      [
        'grievance,tracking number,kind,category,status,rung,holder type,holder id,holder,district,department,submitted at,breaches,under supervision',
        `${ids.M2},NC-M2,hazard,manhole_cover_missing,resolved,,department,municipal_works,Municipal works,binjiang,municipal_works,${at(BASE, -8).toISOString()},1,false`,
        '',
      ].join('\r\n'),
    );
    const chinese = await h.get('/v1/matters?trackingNo=NC-M2', { accept: 'text/csv' });
    expect(chinese.text.split('\r\n')[0]).toBe('诉求编号,受理编号,类型,类别,状态,层级,承办方类型,承办方编号,承办方名称,区县,职能部门,提交时间,超时次数,督办');
  });

  it('refuses bad search parameters with a 400 that names the field', async () => {
    const message = async (query: string) => JSON.stringify((await h.get(`/v1/matters?${query}`, { status: 400 })).body.message);
    expect(await message('kind=complaint')).toContain('kind must be one of the following values');
    expect(await message('status=lost')).toContain('status must be one of the following values');
    expect(await message('level=grid')).toContain('level must be one of the following values');
    expect(await message('breached=yes')).toContain('breached must be true or false');
    expect(await message('supervised=1')).toContain('supervised must be true or false');
    expect(await message('sort=newest')).toContain('sort must be one of the following values');
    expect(await message('limit=0')).toContain('limit must not be less than 1');
    expect(await message('from=yesterday')).toContain('from must be an ISO-8601 date');
    expect(await message('department=Works!')).toContain('department must be a department code');
    expect(await message('cursor=bm90LWEtY3Vyc29y')).toContain('cursor must be the nextCursor of a previous page');
    expect(await message('colour=red')).toContain('property colour should not exist');
  });

  it('assesses the year’s committees and branches: figures, score and rank, as JSON and CSV', async () => {
    const branches = (await h.get('/v1/assessments?year=2025&unit=branch')).body;
    expect(branches).toMatchObject({ year: 2025, unit: 'branch', from: '2024-12-31T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
    // br-2 and br-4 took up, resolved and satisfied their one appeal; br-3 passed its own up untouched.
    expect(branches.items.map((u: { rank: number; unit: string; score: number; received: number; breaches: number }) => [u.rank, u.unit, u.score, u.received, u.breaches])).toEqual([
      [1, 'br-2', 100, 1, 0],
      [1, 'br-4', 100, 1, 0],
      [3, 'br-3', 0, 1, 0],
    ]);
    const committees = (await h.get('/v1/assessments?year=2025&unit=committee')).body.items;
    expect(committees).toEqual([
      expect.objectContaining({ rank: 1, unit: 'ic-2', received: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 0, breaches: 0, score: 70 }),
    ]);
    // 2026: br-1 responded to neither appeal in time (one breach), resolved one, satisfied its rater: 100 × (0.4 × 0.5 + 0.3 × 1) − 10 × 1/2.
    const branches2026 = (await h.get('/v1/assessments?year=2026&unit=branch')).body.items;
    expect(branches2026).toEqual([expect.objectContaining({ rank: 1, unit: 'br-1', received: 2, responseRate: 0, resolutionRate: 0.5, satisfactionRate: 1, breaches: 1, score: 45 })]);
    // ic-1 responded to one of two, resolved none, nothing rated: 100 × 0.3 × 0.5 / 0.7.
    expect((await h.get('/v1/assessments?year=2026&unit=committee')).body.items).toEqual([expect.objectContaining({ unit: 'ic-1', score: 21.43, satisfactionRate: null })]);

    const csv = await h.get('/v1/assessments?year=2025&unit=branch&format=csv', { language: 'en' });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="assessment-2025-branch.csv"');
    expect(csv.text.split('\r\n')).toEqual([
      'rank,unit,received,response rate,resolution rate,satisfaction rate,breaches,score,responded in time,resolved,rated,satisfied,returns',
      '1,br-2,1,1,1,1,0,100,1,1,1,1,0',
      '1,br-4,1,1,1,1,0,100,1,1,1,1,0',
      '3,br-3,1,0,0,,0,0,0,0,0,0,0',
      '',
    ]);
    expect((await h.get('/v1/assessments?year=2025&unit=committee&format=csv')).text.split('\r\n')[0]).toBe(
      '排名,考核单位,受理数,响应率,解决率,满意率,超时次数,综合得分,按时响应数,办结数,评价数,满意数,退单次数',
    );
  });

  it('refuses a bad assessment request with a 400 that names the field', async () => {
    const message = async (query: string) => JSON.stringify((await h.get(`/v1/assessments?${query}`, { status: 400 })).body.message);
    expect(await message('unit=branch')).toContain('year must be a year (YYYY)');
    expect(await message('year=26&unit=branch')).toContain('year must be a year (YYYY)');
    expect(await message('year=2026')).toContain('unit must be one of the following values: committee, branch');
    expect(await message('year=2026&unit=grid')).toContain('unit must be one of the following values: committee, branch');
  });

  it('indexes the grievances already in the dossier when the index is first made, and keeps them through its rename (the migrations)', async () => {
    const before = (await h.get('/v1/matters?limit=100')).body.items;
    expect(before).toHaveLength(10);
    const runner = h.service.app.get(DataSource).createQueryRunner();
    try {
      await runner.query(`DROP TABLE audit_grievances`);
      await new CreateMatterIndex1764900000000().up(runner);
      await new RenameMattersToGrievances1803000000000().up(runner);
    } finally {
      await runner.release();
    }
    expect((await h.get('/v1/matters?limit=100')).body.items).toEqual(before);
  });

  it('is for auditors only, and logs every answered search and assessment', async () => {
    for (const path of ['/v1/matters', '/v1/assessments?year=2026&unit=branch']) {
      for (const role of ['worker', 'department', 'admin', 'branch', 'industry_committee'] as const) await h.get(path, { role, status: 403 });
    }
    await h.get('/v1/matters?breached=maybe', { sub: 'auditor-search', status: 400 });
    await h.get('/v1/matters?district=binjiang&breached=true', { sub: 'auditor-search' });
    await h.get('/v1/assessments?year=2025&unit=committee', { sub: 'auditor-search' });
    const { items } = (await h.get('/v1/audit-queries?auditorId=auditor-search')).body as { items: { endpoint: string; params: unknown }[] };
    expect(items).toEqual([
      expect.objectContaining({ endpoint: 'GET /v1/assessments', params: { year: '2025', unit: 'committee' } }),
      expect.objectContaining({ endpoint: 'GET /v1/matters', params: { district: 'binjiang', breached: 'true' } }),
    ]);
  });
});
