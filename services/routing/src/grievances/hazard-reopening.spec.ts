import { reopeningTarget } from './hazard-reopening';

const base = { departmentCode: 'municipal_works', districtId: 'xiangyun', supervisingOffice: 'xiangyun_supervision' };

describe('where a hazard the reporter sent back goes', () => {
  it('goes back to the department that resolved it the first time the reporter is unsatisfied', () => {
    expect(reopeningTarget({ ...base, unsatisfiedRatings: 1 })).toEqual({ kind: 'department', departmentCode: 'municipal_works' });
  });

  it('goes up to the district’s supervising office the second time, and every time after', () => {
    for (const unsatisfiedRatings of [2, 3]) {
      expect(reopeningTarget({ ...base, unsatisfiedRatings })).toEqual({ kind: 'supervising_office', departmentCode: 'xiangyun_supervision', districtId: 'xiangyun' });
    }
  });

  it('stays with the supervising office once it holds the grievance', () => {
    expect(reopeningTarget({ ...base, departmentCode: 'xiangyun_supervision', unsatisfiedRatings: 3 })).toEqual({ kind: 'department', departmentCode: 'xiangyun_supervision' });
  });

  it('goes back to the department when the district has no supervising office, or the grievance no district', () => {
    expect(reopeningTarget({ ...base, supervisingOffice: null, unsatisfiedRatings: 2 })).toEqual({ kind: 'department', departmentCode: 'municipal_works' });
    expect(reopeningTarget({ ...base, districtId: null, unsatisfiedRatings: 2 })).toEqual({ kind: 'department', departmentCode: 'municipal_works' });
  });
});
