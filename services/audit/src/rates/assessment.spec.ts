import { assessmentScore, assessUnits, yearRange } from './assessment';
import type { GroupRates } from './rates';

const unit = (group: string, received: number, breaches: number, responseRate: number | null, resolutionRate: number | null, satisfactionRate: number | null): GroupRates => ({
  group,
  received,
  responded: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  bounces: 0,
  breaches,
  responseRate,
  resolutionRate,
  satisfactionRate,
});

describe('the yearly assessment', () => {
  it('scores 100 × the weighted rates less 10 points per breach per grievance received', () => {
    expect(assessmentScore(unit('a', 2, 1, 0.5, 1, 1))).toBe(80);
    // No rating yet: the satisfaction weight is left out and the others scaled up.
    expect(assessmentScore(unit('b', 2, 0, 0.5, 0, null))).toBe(21.43);
    expect(assessmentScore(unit('c', 0, 0, null, null, null))).toBeNull();
    expect(assessmentScore(unit('d', 1, 3, 0, 0, 0))).toBe(0);
  });

  it('ranks by score, then fewer breaches, then more received; equals share a rank; no score last', () => {
    const ranked = assessUnits([unit('idle', 0, 0, null, null, null), unit('low', 1, 0, 0, 0, 0), unit('x', 2, 0, 1, 1, 1), unit('y', 2, 0, 1, 1, 1), unit('z', 3, 0, 1, 1, 1)]);
    expect(ranked.map((r) => [r.rank, r.unit, r.score])).toEqual([
      [1, 'z', 100],
      [2, 'x', 100],
      [2, 'y', 100],
      [4, 'low', 0],
      [5, 'idle', null],
    ]);
  });

  it('cuts the year at the reporting offset', () => {
    expect(yearRange(2026, 480)).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
  });
});
