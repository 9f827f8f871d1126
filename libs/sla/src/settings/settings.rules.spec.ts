import { SlaPolicy, validatePolicy } from '../policy/policy';
import { buildSettings, resolveBudget, StaticSlaSettings } from './settings';

const H = 3600_000;
const ANY: SlaPolicy = { id: 'any', match: {}, targets: { resolve: 'P1D' }, calendar: 'calendar' };

describe('what an admin may not save as a policy', () => {
  it.each<[string, Partial<SlaPolicy>, string]>([
    ['a match that is not an object', { match: null as never }, 'match must be an object'],
    ['an unknown urgency', { match: { urgency: 'asap' as never } }, 'match.urgency must be one of'],
    ['an empty stage', { match: { stage: '' } }, 'match.stage must be a non-empty string'],
    ['an empty list of categories', { match: { category: [] } }, 'match.category must be a category code or a non-empty list of them'],
    ['no budget at all', { targets: {} }, 'targets must give at least one budget'],
    ['targets that are not an object', { targets: null as never }, 'targets must be an object'],
    ['a budget in months', { targets: { resolve: 'P1M' } }, 'targets.resolve must be milliseconds or an ISO-8601 duration'],
    ['a warning share of 0', { warnShare: 0 }, 'warnShare must be a number in (0, 1]'],
    ['a fractional priority', { priority: 1.5 }, 'priority must be an integer'],
  ])('refuses %s', (_case, over, message) => {
    expect(validatePolicy({ ...ANY, ...over })).toEqual([expect.stringContaining(message)]);
  });

  it('refuses a settings set with an invalid policy, naming it', () => {
    expect(() => buildSettings([{ ...ANY, id: 'night-shift', warnShare: 2, version: 3 }], [{ id: 'calendar', kind: 'calendar', version: 1 }])).toThrow(
      expect.objectContaining({ code: 'invalid', message: expect.stringContaining('policy night-shift: warnShare must be a number in (0, 1]') }),
    );
  });
});

describe('the budget a settings snapshot gives', () => {
  const settings = buildSettings(
    [
      { ...ANY, version: 4 },
      { id: 'no-warning', match: { urgency: 'urgent' }, targets: { resolve: 'PT2H' }, warnShare: 1, calendar: 'calendar', version: 1 },
    ],
    [{ id: 'calendar', kind: 'calendar', version: 1 }],
  );

  it('records which version of the policy set it, so a later change does not move it', () => {
    expect(resolveBudget(settings, { kind: 'hazard', category: 'x', urgency: 'normal' }, 'resolve')).toMatchObject({ policyId: 'any', policyVersion: 4, budgetMs: 24 * H, warnShare: 0.8 });
  });

  it('keeps a warning share of 1: that policy never warns', () => {
    expect(resolveBudget(settings, { kind: 'hazard', category: 'x', urgency: 'urgent' }, 'resolve')).toMatchObject({ policyId: 'no-warning', warnShare: 1, budgetMs: 2 * H });
  });

  it('says which calendar it does not know', () => {
    expect(() => settings.calendar('cn-working')).toThrow(expect.objectContaining({ code: 'not_found', message: 'SLA calendar cn-working not found' }));
  });

  it('refuses an invalid calendar among the built-in ones', () => {
    expect(() => new StaticSlaSettings([ANY], [{ id: 'calendar', kind: 'calendar' }, { id: 'bad', kind: 'working', workingHours: [] }])).toThrow(
      expect.objectContaining({ code: 'invalid', message: expect.stringContaining('calendar bad: workingHours must list at least one interval') }),
    );
  });
});
