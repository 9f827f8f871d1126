import type { Principal } from './principal';
import { actsFor, holderKey, holderKeyOf } from './holder-scope';

const member: Principal = { sub: 'm-1', role: 'member', orgUnitId: 'm-1' };
const branch: Principal = { sub: 'b-user', role: 'branch', orgUnitId: 'branch-7' };

describe('actsFor', () => {
  it('matches a rung by level and unit, not by unit alone', () => {
    expect(actsFor(member, { type: 'member', id: 'm-1', level: 'member' })).toBe(true);
    expect(actsFor(branch, { type: 'org_unit', id: 'branch-7', level: 'branch' })).toBe(true);
    // The same unit id at another level (or no level) is not this caller's.
    expect(actsFor(branch, { type: 'org_unit', id: 'branch-7', level: 'industry_committee' })).toBe(false);
    expect(actsFor(branch, { type: 'org_unit', id: 'branch-7' })).toBe(false);
    expect(actsFor(member, { type: 'member', id: 'm-2', level: 'member' })).toBe(false);
  });

  it('matches a grid worker by id and a department by code', () => {
    expect(actsFor({ sub: 'gw-1', role: 'grid_worker', gridId: 'g-1' }, { type: 'grid_worker', id: 'gw-1' })).toBe(true);
    expect(actsFor({ sub: 'gw-2', role: 'grid_worker', gridId: 'g-1' }, { type: 'grid_worker', id: 'gw-1' })).toBe(false);
    expect(actsFor({ sub: 'd', role: 'department', departmentCode: 'municipal_works' }, { type: 'department', id: 'municipal_works' })).toBe(true);
    expect(actsFor({ sub: 'd', role: 'department', departmentCode: 'hrss' }, { type: 'department', id: 'municipal_works' })).toBe(false);
  });

  it('never lets a worker, auditor or admin hold a grievance, nor anyone hold a closed one', () => {
    for (const role of ['worker', 'auditor', 'admin'] as const) {
      expect(actsFor({ sub: 'm-1', role, orgUnitId: 'm-1' }, { type: 'member', id: 'm-1', level: 'member' })).toBe(false);
    }
    expect(actsFor(member, null)).toBe(false);
  });
});

describe('holderKey and holderKeyOf', () => {
  const holders = [
    { type: 'grid_worker' as const, id: 'gw-1' },
    { type: 'department' as const, id: 'municipal_works' },
    { type: 'member' as const, id: 'm-1', level: 'member' as const },
    { type: 'org_unit' as const, id: 'branch-7', level: 'branch' as const },
    { type: 'org_unit' as const, id: 'branch-7', level: 'industry_committee' as const },
  ];
  const principals: Principal[] = [
    member,
    branch,
    { sub: 'gw-1', role: 'grid_worker', gridId: 'g-1' },
    { sub: 'd', role: 'department', departmentCode: 'municipal_works' },
    { sub: 'd', role: 'department', departmentCode: 'hrss' },
    { sub: 'm-1', role: 'worker' },
    { sub: 'a', role: 'auditor' },
  ];

  it('gives the caller the key of exactly the holders they act for', () => {
    for (const principal of principals) {
      for (const holder of holders) {
        expect([principal.role, holder, holderKeyOf(principal) !== undefined && holderKeyOf(principal) === holderKey(holder)]).toEqual([
          principal.role,
          holder,
          actsFor(principal, holder),
        ]);
      }
    }
  });

  it('has no key for a worker, an auditor, or a chain unit whose rung is unknown', () => {
    expect(holderKeyOf({ sub: 'm-1', role: 'worker' })).toBeUndefined();
    expect(holderKeyOf({ sub: 'a', role: 'auditor' })).toBeUndefined();
    expect(holderKey({ type: 'org_unit', id: 'branch-7' })).toBeUndefined();
    expect(holderKey({ type: 'member', id: 'm-1' })).toBe('member:m-1');
  });
});
