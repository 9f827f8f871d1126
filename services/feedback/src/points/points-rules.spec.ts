import { balanceOf, pointsForVerification } from './points-rules';

const policy = { verifiedReport: 10, coReporterShare: 0.5 };

describe('pointsForVerification', () => {
  it('awards the reporter the full amount and each co-reporter half when the report is confirmed', () => {
    expect(pointsForVerification('confirmed', 'w-1', ['w-2', 'w-3'], policy)).toEqual([
      { workerId: 'w-1', points: 10, reason: 'verified_report' },
      { workerId: 'w-2', points: 5, reason: 'verified_co_report' },
      { workerId: 'w-3', points: 5, reason: 'verified_co_report' },
    ]);
  });

  it('awards nothing for an invalid or duplicate report', () => {
    expect(pointsForVerification('invalid', 'w-1', ['w-2'], policy)).toEqual([]);
    expect(pointsForVerification('duplicate', 'w-1', ['w-2'], policy)).toEqual([]);
  });

  it('rounds the co-reporter share down', () => {
    expect(pointsForVerification('confirmed', 'w-1', ['w-2'], { verifiedReport: 7, coReporterShare: 0.5 })[1]).toEqual({
      workerId: 'w-2',
      points: 3,
      reason: 'verified_co_report',
    });
    expect(pointsForVerification('confirmed', 'w-1', ['w-2'], { verifiedReport: 10, coReporterShare: 0.3 })[1]?.points).toBe(3);
  });

  it('pays a reporter who is also listed as a co-reporter once, and each co-reporter once', () => {
    const awards = pointsForVerification('confirmed', 'w-1', ['w-1', 'w-2', 'w-2'], policy);
    expect(awards.map((a) => a.workerId)).toEqual(['w-1', 'w-2']);
  });

  it('writes no entry worth 0 points', () => {
    expect(pointsForVerification('confirmed', 'w-1', ['w-2'], { verifiedReport: 1, coReporterShare: 0.5 })).toEqual([
      { workerId: 'w-1', points: 1, reason: 'verified_report' },
    ]);
    expect(pointsForVerification('confirmed', 'w-1', ['w-2'], { verifiedReport: 0, coReporterShare: 0.5 })).toEqual([]);
  });
});

describe('balanceOf', () => {
  it('is the sum of the entries', () => {
    expect(balanceOf([])).toBe(0);
    expect(balanceOf([{ points: 10 }, { points: 5 }, { points: -3 }])).toBe(12);
  });
});
