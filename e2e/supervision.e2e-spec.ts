import { randomUUID } from 'node:crypto';
import { call, eventually, RunningSystem, startSystem, tokenFor } from './system-harness';

/**
 * 督办 followed up, across the services as separate processes, driven through their HTTP APIs:
 * a department misses its deadline on a rider's hazard, the district's supervising office
 * (督查督办室) supervises it with a follow-up deadline, misses that too, and the grievance is
 * supervised again (round 2) with a fresh deadline; the rider's tracking view, the auditor's
 * trace and the supervision list show each round, its owner and its follow-up deadline.
 *
 * SLA_TIME_SCALE 0.0005: an hour of policy budget lasts 1.8 s. The fast policies below are set
 * through routing's admin API, as an operator would.
 */
const TIME_SCALE = '0.0005';
/** In Hongcheng, in no grid: the district's fallback owner (municipal_works) takes it, no on-site check. */
const PLACE = { lat: 28.625, lng: 115.96 };
const CATEGORY = 'road_damage';
const OFFICE = 'hongcheng_supervision';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('督办 followed up', () => {
  let system: RunningSystem;
  let rider: string;
  let admin: string;
  let auditor: string;

  const intake = (path: string) => `${system.url('intake')}${path}`;
  const routing = (path: string) => `${system.url('routing')}${path}`;
  const audit = (path: string) => `${system.url('audit')}${path}`;
  const view = async (id: string, language = 'zh-CN') => (await call(intake(`/v1/grievances/${id}`), rider, { headers: { 'accept-language': language } })).body;

  async function policy(id: string, match: object, targets: Record<string, string>) {
    const put = await call(routing(`/v1/sla/policies/${id}`), admin, { method: 'PUT', body: { match, targets, calendar: 'calendar', priority: 10, reason: 'end-to-end test budgets' } });
    expect(put.status).toBe(200);
  }

  beforeAll(async () => {
    system = await startSystem({ SLA_TIME_SCALE: TIME_SCALE, SUPERVISION_MAX_ROUNDS: '2' });
    rider = await tokenFor({ sub: `rider-${randomUUID()}`, role: 'worker' });
    admin = await tokenFor({ sub: 'admin-e2e', role: 'admin' });
    auditor = await tokenFor({ sub: 'auditor-e2e', role: 'auditor' });
    // The department must answer within an hour (1.8 s); the supervising office follow up within two (3.6 s).
    await policy('e2e.department', { kind: 'hazard', stage: 'department', category: CATEGORY }, { respond: 'PT1H', resolve: 'PT240H' });
    await policy('e2e.supervision', { stage: 'supervision', category: CATEGORY }, { resolve: 'PT2H' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('a department misses its deadline on a hazard, the district office supervises it, misses the follow-up, and it is followed up again', async () => {
    const submitted = await call(intake('/v1/grievances'), rider, {
      body: { kind: 'hazard', category: CATEGORY, title: '路面塌陷', description: '外卖骑手每天经过，坑越来越大。', location: { ...PLACE, address: 'Hongcheng Road' } },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    await eventually(() => view(id), (v) => v.holder?.id === 'municipal_works', 'the hazard with the fallback department');

    // Round 1, then round 2 after the office missed its follow-up.
    const followedUp = await eventually(() => view(id), (v) => v.supervisionRound === 2, 'supervised a second time', 60_000);
    expect(followedUp).toMatchObject({ underSupervision: true, supervisionRound: 2, holder: { type: 'department', id: 'municipal_works' } });
    const rounds = followedUp.history.filter((h: { type: string }) => h.type === 'grievance.supervised').map((h: { summary: string }) => h.summary);
    expect(rounds).toEqual([
      expect.stringMatching(/^第 1 轮督办：由.*红城区督查督办室.*督办.*市政工程局.*跟进期限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}：.*市政工程局.*未在响应时限内处理/),
      expect.stringMatching(/^第 2 轮督办：由.*红城区督查督办室.*跟进期限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}：.*红城区督查督办室.*未在督办跟进期限内跟进.*第 2 轮督办/),
    ]);

    // The auditors see owner, round and follow-up deadline in the supervision list, and both rounds in the trace.
    const listed = await eventually(
      async () => ((await call(audit('/v1/supervision'), auditor)).body.items as { grievanceId: string; round: number }[]).find((m) => m.grievanceId === id),
      (m) => m?.round === 2,
      'the grievance in round 2 of the supervision list',
    );
    expect(listed).toMatchObject({ owner: { type: 'department', id: OFFICE }, round: 2, followUpDueAt: expect.any(String), holder: { id: 'municipal_works' } });
    expect((listed as unknown as { causes: { cause?: string; round?: number }[] }).causes.filter((c) => c.round !== undefined)).toEqual([
      expect.objectContaining({ cause: 'department_deadline_missed', round: 1, owner: expect.objectContaining({ id: OFFICE }) }),
      expect.objectContaining({ cause: 'follow_up_missed', round: 2, owner: expect.objectContaining({ id: OFFICE }) }),
    ]);
    const trace = (await call(audit(`/v1/trace/${id}`), auditor)).body;
    expect(trace.verified).toBe(true);
    expect(trace.events.filter((e: { type: string }) => e.type === 'grievance.supervised')).toHaveLength(2);

    // SUPERVISION_MAX_ROUNDS is 2: the second follow-up missed too is recorded, no third round.
    await eventually(
      async () => (await call(audit(`/v1/breaches?grievanceId=${id}`), auditor)).body.items as { holder: { id: string } }[],
      (items) => Array.isArray(items) && items.filter((b) => b.holder.id === OFFICE).length === 2,
      'both follow-ups missed',
      30_000,
    );
    await sleep(2_000);
    expect((await view(id)).supervisionRound).toBe(2);
  });
});
