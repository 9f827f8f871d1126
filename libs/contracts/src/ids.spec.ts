import { pointsAccountId, uuidv7, uuidv7Time, UUID_V7_PATTERN } from './ids';

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

  it('sorts the ids made within one millisecond in the order they were made', () => {
    const ids = Array.from({ length: 5_000 }, () => uuidv7(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => id.match(UUID_V7_PATTERN) && uuidv7Time(id) === 1_700_000_000_000)).toBe(true);
  });

  it('never repeats an id within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});

describe('pointsAccountId', () => {
  it('is the same UUID v5 for the same worker, and another for another worker', () => {
    const id = pointsAccountId('w-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pointsAccountId('w-1')).toBe(id);
    expect(pointsAccountId('w-2')).not.toBe(id);
  });
});
