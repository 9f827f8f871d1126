import type { Polygon } from 'geojson';
import { CITY_SCOPE } from '../directory/directory.entities';
import { decideRoute, NoOwnerError, RoutingDirectory } from './route-decision';
import { DirectoryTables, routingDataFrom } from './routing-data';

const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

/** Donghu district > Bayi street > Lakeside community > grid 1; grid 2 hangs off the tree; grid 3 has no map yet. */
const TABLES: DirectoryTables = {
  orgUnits: [
    { id: 'donghu', level: 'district', name: 'Donghu', parentId: null, polygon: square(115, 28, 1) },
    { id: 'bayi', level: 'street', name: 'Bayi', parentId: 'donghu', polygon: null },
    { id: 'lakeside', level: 'community', name: 'Lakeside', parentId: 'bayi', polygon: null },
    { id: 'g1', level: 'grid', name: 'Lakeside Grid 1', parentId: 'lakeside', polygon: square(115, 28, 0.1) },
    { id: 'g2', level: 'grid', name: 'Orphan Grid', parentId: 'gone', polygon: square(117, 28, 0.1) },
    { id: 'g3', level: 'grid', name: 'Unmapped Grid', parentId: 'lakeside', polygon: null },
  ],
  departments: [
    { code: 'municipal_works', name: 'Municipal Works' },
    { code: 'urban_management', name: 'Urban Management' },
  ],
  categories: [
    { code: 'road_damage', defaultDepartment: 'municipal_works' },
    { code: 'golden_idea', defaultDepartment: null },
  ],
  routes: [],
  fallbackOwners: [
    { scope: 'donghu', departmentCode: 'urban_management' },
    { scope: CITY_SCOPE, departmentCode: 'municipal_works' },
  ],
};
const directory = new RoutingDirectory(routingDataFrom(TABLES));

describe('the directory as routing reads it', () => {
  it('puts each grid in the district above it, however deep the tree', () => {
    expect(decideRoute({ category: 'road_damage', location: { lat: 28.05, lng: 115.05 } }, directory)).toMatchObject({ gridId: 'g1', districtId: 'donghu', fallback: false });
  });

  it('keeps a grid whose district is unknown, with no district', () => {
    expect(decideRoute({ category: 'road_damage', location: { lat: 28.05, lng: 117.05 } }, directory)).toMatchObject({ gridId: 'g2', districtId: null, departmentCode: 'municipal_works' });
  });

  it('routes no grievance to a grid that has no map: its place goes to the district’s fallback owner', () => {
    const data = routingDataFrom(TABLES);
    expect(data.grids.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(decideRoute({ category: 'road_damage', location: { lat: 28.5, lng: 115.5 } }, directory)).toMatchObject({ gridId: null, districtId: 'donghu', departmentCode: 'urban_management', fallback: true });
  });

  it('reads the city-wide fallback owner as the one of no district', () => {
    expect(routingDataFrom(TABLES).fallbackOwners).toEqual([
      { districtId: 'donghu', departmentCode: 'urban_management' },
      { districtId: null, departmentCode: 'municipal_works' },
    ]);
    expect(decideRoute({ category: 'road_damage', location: { lat: 10, lng: 10 } }, directory)).toMatchObject({ districtId: null, departmentCode: 'municipal_works', fallback: true });
  });

  it('gives a grid’s grievance of a category without a department to the district’s fallback owner, and fails when there is none', () => {
    expect(decideRoute({ category: 'golden_idea', location: { lat: 28.05, lng: 115.05 } }, directory).departmentCode).toBe('urban_management');
    const noFallback = new RoutingDirectory(routingDataFrom({ ...TABLES, fallbackOwners: [] }));
    expect(() => decideRoute({ category: 'golden_idea', location: { lat: 28.05, lng: 115.05 } }, noFallback)).toThrow(NoOwnerError);
    expect(() => decideRoute({ category: 'golden_idea', location: { lat: 28.05, lng: 115.05 } }, noFallback)).toThrow('no department for golden_idea in donghu and no fallback owner');
  });
});
