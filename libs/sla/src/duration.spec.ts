import { durationMs, formatMs, isDuration, parseDuration } from './duration';

describe('SLA durations', () => {
  it('reads ISO-8601 durations, keeping days apart from the rest', () => {
    expect(parseDuration('PT2H')).toEqual({ days: 0, ms: 2 * 3600_000 });
    expect(parseDuration('P7D')).toEqual({ days: 7, ms: 0 });
    expect(parseDuration('P1DT4H30M')).toEqual({ days: 1, ms: 4.5 * 3600_000 });
    expect(parseDuration('P2W')).toEqual({ days: 14, ms: 0 });
    expect(parseDuration('PT0.5S')).toEqual({ days: 0, ms: 500 });
    expect(parseDuration(1500)).toEqual({ days: 0, ms: 1500 });
  });

  it('counts a day as 24 hours in calendar time and as one working day in working time', () => {
    expect(durationMs(parseDuration('P1DT1H'), 86_400_000)).toBe(25 * 3600_000);
    expect(durationMs(parseDuration('P7D'), 7.5 * 3600_000)).toBe(52.5 * 3600_000);
  });

  it('refuses months, years, negatives and nonsense', () => {
    for (const bad of ['P1M', 'P1Y', 'PT', 'P', '2h', '', -1, Number.NaN]) expect(isDuration(bad)).toBe(false);
    expect(() => parseDuration('P1M')).toThrow(/no months or years/);
  });

  it('formats milliseconds for messages', () => {
    expect(formatMs(0)).toBe('PT0S');
    expect(formatMs(90 * 60_000)).toBe('PT1H30M');
    expect(formatMs(86_400_000 + 1500)).toBe('P1DT1.5S');
  });
});
