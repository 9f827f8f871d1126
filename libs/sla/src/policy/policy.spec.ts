import { choosePolicy, GrievanceFacts, rankPolicies, SlaPolicy, specificity, validatePolicy } from './policy';
import { DEFAULT_SLA_POLICIES } from './default-policies';
import { resolveBudget, StaticSlaSettings } from '../settings/settings';

const H = 3600_000;
const WORKING_DAY = 7.5 * H;
const hazard = (over: Partial<GrievanceFacts> = {}): GrievanceFacts => ({ kind: 'hazard', category: 'flying_wire_charging', urgency: 'normal', ...over });
const appeal = (over: Partial<GrievanceFacts> = {}): GrievanceFacts => ({ kind: 'appeal', category: 'order_dispute', urgency: 'normal', ...over });

describe('SLA policy matching', () => {
  const policies: SlaPolicy[] = [
    { id: 'any', match: {}, targets: { resolve: 'P7D', respond: 'P1D' }, calendar: 'cn-working' },
    { id: 'hazards', match: { kind: 'hazard' }, targets: { resolve: 'P5D' }, calendar: 'cn-working' },
    { id: 'charging', match: { category: ['flying_wire_charging', 'charging_point'] }, targets: { resolve: 'P3D' }, calendar: 'cn-working' },
    { id: 'charging-hazard', match: { kind: 'hazard', category: 'flying_wire_charging' }, targets: { resolve: 'P2D' }, calendar: 'cn-working' },
    { id: 'urgent', match: { urgency: 'urgent' }, targets: { resolve: 'PT2H' }, calendar: 'calendar' },
  ];

  it('prefers the most specific policy that matches', () => {
    expect(choosePolicy(policies, hazard(), 'resolve').policy.id).toBe('charging-hazard');
    expect(choosePolicy(policies, hazard({ category: 'charging_point' }), 'resolve').policy.id).toBe('charging');
    expect(choosePolicy(policies, hazard({ category: 'clutter' }), 'resolve').policy.id).toBe('hazards');
    expect(choosePolicy(policies, appeal(), 'resolve').policy.id).toBe('any');
  });

  it('lets urgency outweigh kind and category together', () => {
    expect(specificity({ urgency: 'urgent' })).toBeGreaterThan(specificity({ kind: 'hazard', category: 'x', stage: undefined }));
    expect(choosePolicy(policies, hazard({ urgency: 'urgent' }), 'resolve').policy.id).toBe('urgent');
  });

  it('resolves each target on its own: a target the best policy lacks comes from the next one', () => {
    const choice = choosePolicy(policies, hazard(), 'respond');
    expect(choice.policy.id).toBe('any');
    expect(choice.duration).toEqual({ days: 1, ms: 0 });
  });

  it('lets an explicit priority override specificity, and breaks ties by id', () => {
    const withPriority = [...policies, { id: 'campaign', match: {}, targets: { resolve: 'P1D' }, calendar: 'cn-working', priority: 10 }];
    expect(choosePolicy(withPriority, hazard({ urgency: 'urgent' }), 'resolve').policy.id).toBe('campaign');
    const twins: SlaPolicy[] = [
      { id: 'b', match: { kind: 'hazard' }, targets: { resolve: 1 }, calendar: 'calendar' },
      { id: 'a', match: { kind: 'hazard' }, targets: { resolve: 2 }, calendar: 'calendar' },
    ];
    expect(rankPolicies(twins, hazard(), 'resolve').map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('matches a stage only when the grievance is at that stage', () => {
    const staged: SlaPolicy[] = [...policies, { id: 'member', match: { stage: 'member' }, targets: { resolve: 'P1D' }, calendar: 'cn-working' }];
    expect(choosePolicy(staged, appeal({ stage: 'member' }), 'resolve').policy.id).toBe('member');
    expect(choosePolicy(staged, appeal({ stage: 'branch' }), 'resolve').policy.id).toBe('any');
    expect(choosePolicy(staged, appeal(), 'resolve').policy.id).toBe('any');
  });

  it('says which grievance has no budget for a target', () => {
    expect(() => choosePolicy(policies, hazard(), 'verify')).toThrow(/no SLA policy gives a verify budget for normal hazard "flying_wire_charging"/);
  });

  it('defaults the warning share to 80%', () => {
    expect(choosePolicy(policies, hazard(), 'resolve').warnShare).toBe(0.8);
  });

  it('validates policies as data', () => {
    expect(validatePolicy({ id: 'ok', match: { kind: 'appeal', stage: 'member' }, targets: { resolve: 'P1D' }, calendar: 'cn-working' })).toEqual([]);
    const errors = validatePolicy({
      id: 'Bad Id',
      match: { kind: 'complaint' as never, colour: 'red' } as never,
      targets: { resolve: 'P1M', escalate: 'PT1H' } as never,
      warnShare: 1.5,
      calendar: '',
    });
    expect(errors).toEqual([
      expect.stringContaining('id must be'),
      expect.stringContaining('unknown keys: colour'),
      expect.stringContaining('match.kind'),
      expect.stringContaining('targets.resolve'),
      expect.stringContaining('targets.escalate'),
      expect.stringContaining('warnShare'),
      expect.stringContaining('calendar'),
    ]);
  });
});

describe('the default policy set (modelled on Beijing 12345)', () => {
  const settings = new StaticSlaSettings();
  const budget = async (facts: GrievanceFacts, target: 'respond' | 'resolve' | 'accept' | 'verify') => resolveBudget(await settings.current(), facts, target);

  it('gives urgent grievances 2 hours, day and night', async () => {
    const b = await budget(hazard({ category: 'manhole_cover_missing', urgency: 'urgent' }), 'resolve');
    expect(b).toMatchObject({ policyId: 'urgent', budgetMs: 2 * H, calendarId: 'calendar', warnShare: 0.8 });
  });

  it('gives water, power, gas and heating grievances 24 hours, day and night', async () => {
    expect(await budget(hazard({ category: 'water_supply' }), 'resolve')).toMatchObject({ policyId: 'utilities', budgetMs: 24 * H, calendarId: 'calendar' });
  });

  it('gives general grievances 7 working days and complex ones 15', async () => {
    expect(await budget(hazard(), 'resolve')).toMatchObject({ policyId: 'general', budgetMs: 7 * WORKING_DAY, calendarId: 'cn-working' });
    expect(await budget(appeal({ category: 'labour_dispute' }), 'resolve')).toMatchObject({ policyId: 'complex', budgetMs: 15 * WORKING_DAY });
  });

  it('gives each rung of the escalation chain its own budget for appeals', async () => {
    const rungs = await Promise.all(
      (['member', 'branch', 'industry_committee', 'two_new_committee'] as const).map((stage) => budget(appeal({ stage }), 'resolve')),
    );
    expect(rungs.map((r) => [r.policyId, r.budgetMs / WORKING_DAY])).toEqual([
      ['appeal.member', 1],
      ['appeal.branch', 2],
      ['appeal.industry_committee', 3],
      ['appeal.two_new_committee', 5],
    ]);
    // An urgent appeal is urgent at every rung.
    expect((await budget(appeal({ stage: 'branch', urgency: 'urgent' }), 'resolve')).policyId).toBe('urgent');
  });

  it('gives supervision (督办) its follow-up budget, 3 working days, for any grievance, urgent or not', async () => {
    for (const facts of [hazard({ stage: 'supervision' }), hazard({ stage: 'supervision', urgency: 'urgent' }), appeal({ stage: 'supervision', category: 'labour_dispute' })]) {
      expect(await budget(facts, 'resolve')).toMatchObject({ policyId: 'supervision', budgetMs: 3 * WORKING_DAY, calendarId: 'cn-working' });
    }
  });

  it('has budgets for tickets: accept and verify', async () => {
    expect(await budget(hazard(), 'accept')).toMatchObject({ policyId: 'general', budgetMs: 4 * H });
    expect(await budget(hazard({ urgency: 'urgent' }), 'verify')).toMatchObject({ policyId: 'urgent', budgetMs: H });
  });

  it('is valid data', () => {
    for (const policy of DEFAULT_SLA_POLICIES) expect(validatePolicy(policy)).toEqual([]);
  });
});

describe('a settings snapshot', () => {
  it('refuses a policy that names a calendar that does not exist, and an invalid policy', () => {
    expect(() => new StaticSlaSettings([{ id: 'p', match: {}, targets: { resolve: 'PT1H' }, calendar: 'mars-working' }])).toThrow(
      /calendar "mars-working", which does not exist/,
    );
    expect(() => new StaticSlaSettings([{ id: 'p', match: {}, targets: { resolve: 'PT1M1Y' }, calendar: 'calendar' }])).toThrow(/targets.resolve/);
  });

  it('counts a working-time budget in working days of its own calendar', async () => {
    const settings = await new StaticSlaSettings(
      [{ id: 'short-days', match: {}, targets: { resolve: 'P2D' }, calendar: 'mornings' }],
      [{ id: 'mornings', kind: 'working', workingHours: [{ from: '09:00', to: '12:00' }] }],
    ).current();
    expect(resolveBudget(settings, hazard(), 'resolve')).toMatchObject({ budgetMs: 6 * H, calendarId: 'mornings' });
  });
});
