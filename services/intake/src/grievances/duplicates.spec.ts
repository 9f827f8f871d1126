import { metresBetween } from '@grievance/geo';
import fc from 'fast-check';
import { boundingBox, DuplicateCandidate, duplicateCheckCells, findDuplicate } from './duplicates';

const AT = new Date('2026-11-23T10:00:00Z');
const HERE = { lat: 28.6829, lng: 115.8582 };
const RULES = { radiusM: 50, windowH: 72 };

/** A point `metres` north of HERE. */
const north = (metres: number) => ({ lat: HERE.lat + metres / 111_195, lng: HERE.lng });

const candidate = (over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id: 'a',
  category: 'manhole_cover_missing',
  kind: 'hazard',
  status: 'routed',
  duplicateOf: null,
  submittedAt: new Date(AT.getTime() - 3600_000),
  ...HERE,
  ...over,
});

const report = { ...HERE, category: 'manhole_cover_missing', at: AT };

describe('findDuplicate', () => {
  it('links a hazard of the same category close by and recent to the open one', () => {
    expect(findDuplicate(report, [candidate({ ...north(30) })], RULES)?.id).toBe('a');
  });

  it('does not link one farther than the radius', () => {
    expect(metresBetween(HERE, north(60))).toBeGreaterThan(50);
    expect(findDuplicate(report, [candidate({ ...north(60) })], RULES)).toBeUndefined();
  });

  it('does not link across categories or to appeals', () => {
    expect(findDuplicate(report, [candidate({ category: 'road_damage' })], RULES)).toBeUndefined();
    expect(findDuplicate(report, [candidate({ kind: 'appeal' })], RULES)).toBeUndefined();
  });

  it('does not link to a closed or rejected grievance', () => {
    expect(findDuplicate(report, [candidate({ status: 'closed' })], RULES)).toBeUndefined();
    expect(findDuplicate(report, [candidate({ status: 'rejected' })], RULES)).toBeUndefined();
    expect(findDuplicate(report, [candidate({ status: 'resolved' })], RULES)?.id).toBe('a');
  });

  it('does not link to one reported before the window', () => {
    const old = new Date(AT.getTime() - 73 * 3600_000);
    expect(findDuplicate(report, [candidate({ submittedAt: old })], RULES)).toBeUndefined();
    const inside = new Date(AT.getTime() - 71 * 3600_000);
    expect(findDuplicate(report, [candidate({ submittedAt: inside })], RULES)?.id).toBe('a');
  });

  it('links to the original, never to another duplicate', () => {
    expect(findDuplicate(report, [candidate({ duplicateOf: 'z' })], RULES)).toBeUndefined();
  });

  it('picks the nearest, then the oldest', () => {
    const far = candidate({ id: 'far', ...north(40) });
    const near = candidate({ id: 'near', ...north(10) });
    expect(findDuplicate(report, [far, near], RULES)?.id).toBe('near');
    const older = candidate({ id: 'older', submittedAt: new Date(AT.getTime() - 7200_000) });
    const newer = candidate({ id: 'newer' });
    expect(findDuplicate(report, [newer, older], RULES)?.id).toBe('older');
  });
});

describe('boundingBox', () => {
  it.each([HERE, { lat: 60, lng: 10 }, { lat: -33.9, lng: 151.2 }])('holds every point within the radius of %p', (center) => {
    const box = boundingBox(center, 50);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      const dLat = (50 * Math.cos(rad)) / 111_195;
      const dLng = (50 * Math.sin(rad)) / (111_195 * Math.cos((center.lat * Math.PI) / 180));
      const p = { lat: center.lat + dLat, lng: center.lng + dLng };
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng);
      expect(p.lng).toBeLessThanOrEqual(box.maxLng);
    }
  });
});

describe('duplicateCheckCells', () => {
  /** A point `metres` from `from` at `bearing` degrees. */
  const offset = (from: { lat: number; lng: number }, metres: number, bearing: number) => {
    const rad = (bearing * Math.PI) / 180;
    return {
      lat: from.lat + (metres * Math.cos(rad)) / 111_195,
      lng: from.lng + (metres * Math.sin(rad)) / (111_195 * Math.cos((from.lat * Math.PI) / 180)),
    };
  };

  it('gives two reports within the radius of each other a cell in common, wherever they lie', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -59, max: 59, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (lat, lng, metres, bearing) => {
          const a = { lat, lng, category: 'pothole' };
          const b = { ...offset(a, metres, bearing), category: 'pothole' };
          const mine = new Set(duplicateCheckCells(a, 50));
          expect(metresBetween(a, b)).toBeLessThanOrEqual(50.5);
          expect(duplicateCheckCells(b, 50).some((cell) => mine.has(cell))).toBe(true);
        },
      ),
      { seed: 20261201, numRuns: 2_000 },
    );
  });

  it('locks at most four cells, sorted, and nothing in common with reports far away or of another category', () => {
    const cells = duplicateCheckCells({ ...HERE, category: 'pothole' }, 50);
    expect(cells.length).toBeGreaterThanOrEqual(1);
    expect(cells.length).toBeLessThanOrEqual(4);
    expect([...cells].sort()).toEqual(cells);
    const far = duplicateCheckCells({ ...offset(HERE, 1_000, 45), category: 'pothole' }, 50);
    expect(far.filter((cell) => cells.includes(cell))).toEqual([]);
    const other = duplicateCheckCells({ ...HERE, category: 'manhole_cover_missing' }, 50);
    expect(other.filter((cell) => cells.includes(cell))).toEqual([]);
  });
});
