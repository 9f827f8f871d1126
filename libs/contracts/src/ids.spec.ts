import { uuidv7, uuidv7Time, UUID_V7_PATTERN } from './ids';

describe('uuidv7', () => {
  it('makes RFC 9562 version-7 ids that carry their creation time', () => {
    const at = Date.UTC(2026, 10, 23, 8, 30, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7_PATTERN);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('sorts ids made later after ids made earlier', () => {
    const earlier = uuidv7(1_700_000_000_000);
    const later = uuidv7(1_700_000_000_001);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });

  it('never repeats an id within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
