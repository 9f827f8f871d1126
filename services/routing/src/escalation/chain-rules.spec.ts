import { appealRung, firstRung, needsArbitration, nextRungDown, nextRungUp, rungHolder } from './chain-rules';

const FULL = { member: 'mb-1', branch: 'br-1', industry_committee: 'ic-1', two_new_committee: 'tnc' };

describe('the escalation chain', () => {
  it('climbs member → branch → industry committee → 两新工委 and stops at the top', () => {
    expect(nextRungUp(FULL, 'member')).toBe('branch');
    expect(nextRungUp(FULL, 'branch')).toBe('industry_committee');
    expect(nextRungUp(FULL, 'industry_committee')).toBe('two_new_committee');
    expect(nextRungUp(FULL, 'two_new_committee')).toBeNull();
  });

  it('skips a rung that has no one', () => {
    const noCommittee = { member: 'mb-1', branch: 'br-1', two_new_committee: 'tnc' };
    expect(nextRungUp(noCommittee, 'branch')).toBe('two_new_committee');
    expect(nextRungDown(noCommittee, 'two_new_committee')).toBe('branch');
  });

  it('starts with the branch when the branch has no liaison member', () => {
    expect(firstRung(FULL)).toBe('member');
    expect(firstRung({ branch: 'br-1', industry_committee: 'ic-1', two_new_committee: 'tnc' })).toBe('branch');
  });

  it('returns down one rung, and not below the member', () => {
    expect(nextRungDown(FULL, 'branch')).toBe('member');
    expect(nextRungDown(FULL, 'two_new_committee')).toBe('industry_committee');
    expect(nextRungDown(FULL, 'member')).toBeNull();
  });

  it('sends a grievance bounced more than the limit to the 两新工委, whose own returns stand', () => {
    expect(needsArbitration(2, 2, false)).toBe(false);
    expect(needsArbitration(3, 2, false)).toBe(true);
    expect(needsArbitration(3, 2, true)).toBe(false);
  });

  it('appeals an unsatisfied rating to the rung above the one that resolved it', () => {
    expect(appealRung(FULL, 'member')).toBe('branch');
    expect(appealRung(FULL, 'industry_committee')).toBe('two_new_committee');
    expect(appealRung(FULL, 'two_new_committee')).toBe('two_new_committee');
  });

  it('names a member as a person and the other rungs as org units', () => {
    expect(rungHolder('member', { id: 'mb-1', name: 'Li' })).toEqual({ type: 'member', id: 'mb-1', name: 'Li', level: 'member' });
    expect(rungHolder('branch', { id: 'br-1', name: 'Branch' })).toEqual({ type: 'org_unit', id: 'br-1', name: 'Branch', level: 'branch' });
  });
});
