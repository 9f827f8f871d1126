import { formatTrackingNo, requestFingerprint, TRACKING_NO_PATTERN, TRACKING_PREFIX_PATTERN, trackingDay } from './tracking-number';

describe('tracking numbers', () => {
  it('are <city>-YYYYMMDD-NNNNNN of the day in the configured time zone', () => {
    const lateUtc = new Date('2026-11-23T17:00:00Z'); // already the 24th in Nanchang
    expect(trackingDay(lateUtc, 'Asia/Shanghai')).toBe('20261124');
    expect(trackingDay(lateUtc, 'UTC')).toBe('20261123');
    const no = formatTrackingNo('NC', '20261124', 42);
    expect(no).toBe('NC-20261124-000042');
    expect(no).toMatch(TRACKING_NO_PATTERN);
    expect(formatTrackingNo('GZ', '20261124', 7)).toBe('GZ-20261124-000007');
  });

  it('take prefixes of two to eight capitals or digits, starting with a letter', () => {
    for (const ok of ['NC', 'GZ', 'JA', 'LP', 'NC2', 'GANZHOU']) expect(ok).toMatch(TRACKING_PREFIX_PATTERN);
    for (const bad of ['', 'N', 'nc', '1NC', 'NC-', 'NANCHANG1', '南昌']) expect(bad).not.toMatch(TRACKING_PREFIX_PATTERN);
  });

  it('refuse serials beyond six digits', () => {
    expect(() => formatTrackingNo('NC', '20261124', 1_000_000)).toThrow(RangeError);
  });
});

describe('requestFingerprint', () => {
  it('ignores key order and undefined fields but not values', () => {
    expect(requestFingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(requestFingerprint({ b: { d: 3, c: 2 }, a: 1, e: undefined }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
  });
});
