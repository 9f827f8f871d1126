import { readSeed } from './seed';
import { join } from 'node:path';
import { GridIndex } from './grid-index';
import { metresBetween } from '../tickets/tickets.service';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

describe('GridIndex', () => {
  const index = new GridIndex([
    { id: 'west', polygon: square(115.8, 28.6, 115.85, 28.65) },
    { id: 'east', polygon: square(115.85, 28.6, 115.9, 28.65) },
    // an L-shape whose bounding box covers a point it does not hold
    { id: 'ell', polygon: { type: 'Polygon', coordinates: [[[116, 28], [116.2, 28], [116.2, 28.1], [116.1, 28.1], [116.1, 28.2], [116, 28.2], [116, 28]]] } },
  ]);

  it('finds the grid holding a point (lat, lng order)', () => {
    expect(index.locate(28.62, 115.82)).toEqual(['west']);
    expect(index.locate(28.62, 115.88)).toEqual(['east']);
  });

  it('finds nothing outside every grid, nor inside a bounding box but outside the polygon', () => {
    expect(index.locate(30, 120)).toEqual([]);
    expect(index.locate(28.15, 116.15)).toEqual([]);
    expect(index.locate(28.05, 116.15)).toEqual(['ell']);
  });

  it('locates points in the demo city seed', () => {
    const seed = readSeed(join(__dirname, '../../../../deploy/seed/demo-city.json'));
    const demo = new GridIndex(seed.grids.map((g) => ({ id: g.id, polygon: 'geometry' in g.polygon ? g.polygon.geometry : g.polygon })));
    const first = seed.grids[0]!;
    const ring = ('geometry' in first.polygon ? first.polygon.geometry : first.polygon).coordinates[0] as number[][];
    const lng = (ring[0]![0]! + ring[2]![0]!) / 2;
    const lat = (ring[0]![1]! + ring[2]![1]!) / 2;
    expect(demo.locate(lat, lng)).toContain(first.id);
  });
});

describe('metresBetween', () => {
  it('measures short distances in metres', () => {
    const d = metresBetween({ lat: 28.68, lng: 115.85 }, { lat: 28.681, lng: 115.85 });
    expect(d).toBeGreaterThan(105);
    expect(d).toBeLessThan(117);
  });
});
