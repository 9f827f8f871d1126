import { BreachFacts, supervisionStep } from './supervision-rules';

const DEPT = { type: 'department' as const, id: 'municipal_works' };
const hazard = (over: Partial<BreachFacts['grievance']> = {}): BreachFacts['grievance'] => ({
  kind: 'hazard',
  status: 'in_progress',
  departmentCode: 'municipal_works',
  districtId: 'xiangyun',
  underSupervision: false,
  supervisionRound: 0,
  ...over,
});
const departmentBreach = (over: Partial<BreachFacts> = {}): BreachFacts => ({
  subject: 'grievance',
  target: 'resolve',
  holder: DEPT,
  level: null,
  grievance: hazard(),
  followUpOpen: false,
  supervisingOffice: 'xiangyun_supervision',
  maxRounds: 3,
  ...over,
});
const followUpBreach = (round: number, over: Partial<BreachFacts> = {}): BreachFacts => ({
  ...departmentBreach(),
  subject: 'supervision',
  holder: { type: 'department', id: 'xiangyun_supervision' },
  grievance: hazard({ underSupervision: true, supervisionRound: round }),
  ...over,
});

describe('a department that misses its deadline on a hazard (督办)', () => {
  it.each(['respond', 'resolve'] as const)('is supervised by its district’s supervising office when it misses its %s deadline', (target) => {
    expect(supervisionStep(departmentBreach({ target }))).toEqual({ kind: 'supervise', officeCode: 'xiangyun_supervision', districtId: 'xiangyun', round: 1 });
  });

  it('is only recorded when the district has no supervising office, the grievance no district, or the office is the department itself', () => {
    expect(supervisionStep(departmentBreach({ supervisingOffice: null }))).toEqual({ kind: 'no_office', why: 'no_office' });
    expect(supervisionStep(departmentBreach({ grievance: hazard({ districtId: null }) }))).toEqual({ kind: 'no_office', why: 'no_district' });
    expect(supervisionStep(departmentBreach({ holder: { type: 'department', id: 'xiangyun_supervision' }, grievance: hazard({ departmentCode: 'xiangyun_supervision' }) }))).toEqual({
      kind: 'no_office',
      why: 'office_is_holder',
    });
  });

  it('starts no second supervision while a follow-up runs', () => {
    expect(supervisionStep(departmentBreach({ followUpOpen: true, grievance: hazard({ underSupervision: true, supervisionRound: 2 }) }))).toEqual({ kind: 'already_supervised', round: 2 });
  });

  it('opens the next round when the grievance came back after its follow-up closed (resolved, then reopened), up to the last', () => {
    expect(supervisionStep(departmentBreach({ grievance: hazard({ underSupervision: true, supervisionRound: 1 }) }))).toEqual({
      kind: 'supervise',
      officeCode: 'xiangyun_supervision',
      districtId: 'xiangyun',
      round: 2,
    });
    expect(supervisionStep(departmentBreach({ grievance: hazard({ underSupervision: true, supervisionRound: 3 }) }))).toEqual({ kind: 'rounds_exhausted', round: 3 });
  });

  it('counts a hazard referred to its supervising office (under supervision as its holder, no round) as not yet supervised in rounds', () => {
    expect(supervisionStep(departmentBreach({ grievance: hazard({ underSupervision: true, supervisionRound: 0 }) }))).toMatchObject({ kind: 'supervise', round: 1 });
  });

  it.each<[string, Partial<BreachFacts>]>([
    ['an appeal (the chain escalates it)', { grievance: hazard({ kind: 'appeal' }) }],
    ['a rung’s deadline', { level: 'branch' }],
    ['a department that no longer holds it', { grievance: hazard({ departmentCode: 'water_bureau' }) }],
    ['a resolved grievance', { grievance: hazard({ status: 'resolved' }) }],
    ['a closed grievance', { grievance: hazard({ status: 'closed' }) }],
    ['a ticket’s deadline', { subject: 'ticket:0196c0de' }],
    ['a grid worker', { holder: { type: 'grid_worker', id: 'gw-1' } }],
  ])('changes nothing for %s', (_case, over) => {
    expect(supervisionStep(departmentBreach(over))).toEqual({ kind: 'none' });
  });
});

describe('a supervising unit that misses its follow-up deadline', () => {
  it('supervises the grievance again, the next round, up to the configured rounds', () => {
    expect(supervisionStep(followUpBreach(1))).toEqual({ kind: 'follow_up', round: 2 });
    expect(supervisionStep(followUpBreach(2))).toEqual({ kind: 'follow_up', round: 3 });
    expect(supervisionStep(followUpBreach(3))).toEqual({ kind: 'rounds_exhausted', round: 3 });
    expect(supervisionStep(followUpBreach(1, { maxRounds: 1 }))).toEqual({ kind: 'rounds_exhausted', round: 1 });
  });

  it('follows up an appeal under the 两新工委’s supervision alike', () => {
    expect(supervisionStep(followUpBreach(1, { level: 'two_new_committee', grievance: hazard({ kind: 'appeal', underSupervision: true, supervisionRound: 1 }) }))).toEqual({ kind: 'follow_up', round: 2 });
  });

  it('does nothing once the grievance is resolved or closed', () => {
    expect(supervisionStep(followUpBreach(1, { grievance: hazard({ status: 'resolved', underSupervision: true, supervisionRound: 1 }) }))).toEqual({ kind: 'none' });
    expect(supervisionStep(followUpBreach(1, { grievance: hazard({ status: 'closed', underSupervision: true, supervisionRound: 1 }) }))).toEqual({ kind: 'none' });
  });
});
