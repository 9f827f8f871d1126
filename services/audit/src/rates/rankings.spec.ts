import { monthRange, rankGroups } from './rankings';
import type { GroupRates } from './rates';

const g = (group: string, received: number, responseRate: number | null, resolutionRate: number | null, satisfactionRate: number | null): GroupRates => ({
  group,
  received,
  responded: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  bounces: 0,
  breaches: 0,
  responseRate,
  resolutionRate,
  satisfactionRate,
});

describe('rankGroups', () => {
  const rates = [g('a', 4, 0.5, 0.5, null), g('b', 2, 1, 1, 1), g('c', 1, 0.5, 0.5, 0.5), g('d', 3, null, null, null)];

  it('ranks by the mean of the defined rates, best first, groups without any last', () => {
    expect(rankGroups(rates, 'score').map((r) => [r.group, r.rank, r.score])).toEqual([
      ['b', 1, 1],
      ['a', 2, 0.5],
      ['c', 2, 0.5],
      ['d', 4, null],
    ]);
  });

  it('ranks by one rate when asked, sharing ranks on ties (more grievances received first)', () => {
    expect(rankGroups(rates, 'satisfactionRate').map((r) => [r.group, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
      ['d', 3],
    ]);
  });
});

describe('monthRange', () => {
  it('cuts a month at the given UTC offset (China: midnight in Beijing is 16:00 UTC the day before)', () => {
    expect(monthRange('2026-04', 480)).toEqual({ from: new Date('2026-03-31T16:00:00.000Z'), to: new Date('2026-04-30T16:00:00.000Z') });
    expect(monthRange('2026-12', 0)).toEqual({ from: new Date('2026-12-01T00:00:00.000Z'), to: new Date('2027-01-01T00:00:00.000Z') });
  });

  it('refuses anything but YYYY-MM', () => {
    expect(() => monthRange('2026-13', 0)).toThrow('YYYY-MM');
  });
});
