import { balanceOf, benefitRefusal, pointsForVerification, redemptionRefusal, shanghaiDayStart, volunteeringRoom } from './points-rules';

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

describe('redemptionRefusal', () => {
  it('lets a worker take an item that costs no more than the balance while stock lasts', () => {
    expect(redemptionRefusal({ cost: 30, stock: 1 }, 30)).toBeUndefined();
    expect(redemptionRefusal({ cost: 30, stock: 5 }, 100)).toBeUndefined();
  });

  it('refuses an item that costs more than the balance (insufficientPoints)', () => {
    expect(redemptionRefusal({ cost: 31, stock: 5 }, 30)).toBe('insufficientPoints');
    expect(redemptionRefusal({ cost: 1, stock: 5 }, 0)).toBe('insufficientPoints');
  });

  it('refuses an item with nothing left (outOfStock), whatever the balance', () => {
    expect(redemptionRefusal({ cost: 10, stock: 0 }, 100)).toBe('outOfStock');
    expect(redemptionRefusal({ cost: 500, stock: 0 }, 0)).toBe('outOfStock');
  });
});

describe('volunteeringRoom', () => {
  it('is what is left of the daily cap, never below zero', () => {
    expect(volunteeringRoom(0, 20)).toBe(20);
    expect(volunteeringRoom(15, 20)).toBe(5);
    expect(volunteeringRoom(20, 20)).toBe(0);
    expect(volunteeringRoom(25, 20)).toBe(0);
  });
});

describe('shanghaiDayStart', () => {
  it('is midnight in Asia/Shanghai, 16:00 UTC the day before', () => {
    expect(shanghaiDayStart(new Date('2026-12-07T02:30:00Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(shanghaiDayStart(new Date('2026-12-07T15:59:59.999Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(shanghaiDayStart(new Date('2026-12-07T16:00:00Z')).toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });
});

describe('benefitRefusal', () => {
  it('lets a worker at or over the threshold whose committee is known apply', () => {
    expect(benefitRefusal(100, 100, 'ic-delivery')).toBeUndefined();
    expect(benefitRefusal(250, 100, 'ic-delivery')).toBeUndefined();
  });

  it('refuses a worker under the threshold first, whatever their registration', () => {
    expect(benefitRefusal(99, 100, 'ic-delivery')).toBe('belowThreshold');
    expect(benefitRefusal(0, 100, undefined)).toBe('belowThreshold');
  });

  it('refuses a worker no committee is known to own (not registered with routing)', () => {
    expect(benefitRefusal(100, 100, null)).toBe('notRegistered');
  });
});
