import { join } from 'node:path';
import { Area, SpatialIndex } from '@grievance/geo';
import { readSeed } from './seed';

describe('the demo city grids', () => {
  it('locate the middle of each grid in that grid, and nothing far outside the city', () => {
    const seed = readSeed(join(__dirname, '../../../../deploy/seed/demo-city.json'));
    const polygonOf = (g: (typeof seed.grids)[number]) => ('geometry' in g.polygon ? g.polygon.geometry : g.polygon) as Area['polygon'];
    const index = new SpatialIndex(seed.grids.map((g) => ({ id: g.id, polygon: polygonOf(g) })));
    for (const grid of seed.grids) {
      const ring = polygonOf(grid).coordinates[0] as number[][];
      const lng = (ring[0]![0]! + ring[2]![0]!) / 2;
      const lat = (ring[0]![1]! + ring[2]![1]!) / 2;
      expect(index.findAll(lat, lng).map((g) => g.id)).toEqual([grid.id]);
    }
    expect(index.findAll(30, 120)).toEqual([]);
  });
});
