import type { Polygon } from 'geojson';
import { polygonsOverlap, selfIntersection } from './polygon-checks';

const polygon = (...ring: number[][]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
const square = (west: number, south: number, size: number) =>
  polygon([west, south], [west + size, south], [west + size, south + size], [west, south + size]);

describe('selfIntersection', () => {
  it('finds nothing in a square, a triangle or a concave outline', () => {
    expect(selfIntersection(square(0, 0, 1))).toBeNull();
    expect(selfIntersection(polygon([0, 0], [2, 0], [0, 2]))).toBeNull();
    expect(selfIntersection(polygon([0, 0], [4, 0], [4, 4], [2, 1], [0, 4]))).toBeNull();
  });

  it('finds the crossing of a bow-tie', () => {
    expect(selfIntersection(polygon([0, 0], [2, 2], [2, 0], [0, 2]))).toMatch(/meets/);
  });

  it('finds a ring that touches itself, and a hole that pokes out', () => {
    expect(selfIntersection(polygon([0, 0], [4, 0], [2, 2], [4, 4], [0, 4], [2, 2]))).toMatch(/meets/);
    const holed: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4).coordinates[0]!, square(3, 1, 2).coordinates[0]!] };
    expect(selfIntersection(holed)).toMatch(/ring 0 edge \d meets ring 1/);
  });
});

describe('polygonsOverlap', () => {
  it('does not count neighbours sharing an edge or a corner, or grids apart', () => {
    expect(polygonsOverlap(square(0, 0, 1), square(1, 0, 1))).toBe(false);
    expect(polygonsOverlap(square(0, 0, 1), square(1, 1, 1))).toBe(false);
    expect(polygonsOverlap(square(0, 0, 1), square(5, 5, 1))).toBe(false);
    expect(polygonsOverlap(square(0, 0, 2), square(2, 0.5, 1))).toBe(false);
  });

  it('counts crossing outlines, one inside the other, and the same outline twice', () => {
    expect(polygonsOverlap(square(0, 0, 2), square(1, 1, 2))).toBe(true);
    expect(polygonsOverlap(square(0, 0, 4), square(1, 1, 1))).toBe(true);
    expect(polygonsOverlap(square(1, 1, 1), square(0, 0, 4))).toBe(true);
    expect(polygonsOverlap(square(0, 0, 1), square(0, 0, 1))).toBe(true);
    // A cross: no corner of either lies inside the other, yet they overlap in the middle.
    expect(polygonsOverlap(polygon([0, 1], [3, 1], [3, 2], [0, 2]), polygon([1, 0], [2, 0], [2, 3], [1, 3]))).toBe(true);
  });
});
