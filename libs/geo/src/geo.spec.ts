import type { Polygon } from 'geojson';
import { metresBetween } from './distance';
import { SpatialIndex } from './spatial-index';

const square = (id: string, west: number, south: number, size: number) => ({
  id,
  polygon: {
    type: 'Polygon',
    coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
  } as Polygon,
});

describe('SpatialIndex', () => {
  // A triangle whose bounding box holds points the triangle does not.
  const triangle = { id: 'triangle', polygon: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [0, 10], [0, 0]]] } as Polygon };
  const index = new SpatialIndex([square('b', 20, 20, 5), square('a', 22, 22, 5), triangle]);

  it('finds the area holding a point, with boundaries inside', () => {
    expect(index.find(1, 1)?.id).toBe('triangle');
    expect(index.find(20, 20)?.id).toBe('b');
  });

  it('does not take a point in the bounding box but outside the outline', () => {
    expect(index.find(9, 9)).toBeUndefined();
  });

  it('lists every area where they overlap, and picks the smallest id', () => {
    expect(index.findAll(23, 23).map((a) => a.id)).toEqual(['a', 'b']);
    expect(index.find(23, 23)?.id).toBe('a');
  });
});

describe('metresBetween', () => {
  it('measures short distances on the ground in metres', () => {
    // 0.001 degree of latitude is about 111 m anywhere.
    expect(metresBetween({ lat: 28.66, lng: 115.82 }, { lat: 28.661, lng: 115.82 })).toBeCloseTo(111.2, 0);
    expect(metresBetween({ lat: 28.66, lng: 115.82 }, { lat: 28.66, lng: 115.82 })).toBe(0);
  });
});
