import { formatTrackingNo, requestFingerprint, TRACKING_NO_PATTERN, trackingDay } from './tracking-number';

describe('tracking numbers', () => {
  it('are NC-YYYYMMDD-NNNNNN of the day in the configured time zone', () => {
    const lateUtc = new Date('2026-11-23T17:00:00Z'); // already the 24th in Nanchang
    expect(trackingDay(lateUtc, 'Asia/Shanghai')).toBe('20261124');
    expect(trackingDay(lateUtc, 'UTC')).toBe('20261123');
    const no = formatTrackingNo('20261124', 42);
    expect(no).toBe('NC-20261124-000042');
    expect(no).toMatch(TRACKING_NO_PATTERN);
  });

  it('refuse serials beyond six digits', () => {
    expect(() => formatTrackingNo('20261124', 1_000_000)).toThrow(RangeError);
  });
});

describe('requestFingerprint', () => {
  it('ignores key order and undefined fields but not values', () => {
    expect(requestFingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(requestFingerprint({ b: { d: 3, c: 2 }, a: 1, e: undefined }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
  });
});
