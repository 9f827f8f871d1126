import { join } from 'node:path';
import { readValidCity, statesOf } from '@grievance/directory-seed';
import { directoryTablesFrom } from '../directory/directory-entries';
import { decideRoute, NoOwnerError, rerouteAfterReturn, RoutingDirectory } from './route-decision';
import { routingDataFrom } from './routing-data';

const city = readValidCity(join(__dirname, '../../../../deploy/seed/demo-city'));
const directory = new RoutingDirectory(routingDataFrom(directoryTablesFrom(city.map((e) => e.state))));

describe('decideRoute on the demo city', () => {
  it('gives a hazard inside a grid to that grid, with the category default department', () => {
    expect(decideRoute({ category: 'manhole_cover_missing', location: { lat: 28.66, lng: 115.82 } }, directory)).toEqual({
      gridId: 'xiangyun-yuhua-g1',
      districtId: 'xiangyun',
      departmentCode: 'municipal_works',
      holder: { type: 'org_unit', id: 'xiangyun-yuhua-g1', name: 'Yuhua Community Grid 1' },
      fallback: false,
    });
  });

  it('uses the district category route over the default department', () => {
    const decision = decideRoute({ category: 'illegal_parking', location: { lat: 28.7, lng: 115.96 } }, directory);
    expect(decision).toMatchObject({ gridId: 'hongcheng-shiquancun-g1', districtId: 'hongcheng', departmentCode: 'public_security' });
    const elsewhere = decideRoute({ category: 'illegal_parking', location: { lat: 28.66, lng: 115.82 } }, directory);
    expect(elsewhere.departmentCode).toBe('urban_management');
  });

  it('hands a place inside a district but in no grid to the district fallback owner', () => {
    expect(decideRoute({ category: 'road_damage', location: { lat: 28.625, lng: 115.96 } }, directory)).toEqual({
      gridId: null,
      districtId: 'hongcheng',
      departmentCode: 'municipal_works',
      holder: { type: 'department', id: 'municipal_works', name: expect.stringContaining('Municipal Works') as string },
      fallback: true,
    });
  });

  it('hands a place outside every district to the city fallback owner', () => {
    expect(decideRoute({ category: 'road_damage', location: { lat: 28.8, lng: 115.9 } }, directory)).toMatchObject({
      gridId: null,
      districtId: null,
      departmentCode: 'urban_management',
      fallback: true,
    });
  });

  it('hands a grievance without a location to the city fallback owner', () => {
    expect(decideRoute({ category: 'road_damage' }, directory)).toMatchObject({ gridId: null, fallback: true, departmentCode: 'urban_management' });
  });

  it('gives the district fallback owner as department when the category has no department', () => {
    expect(decideRoute({ category: 'golden_idea', location: { lat: 28.66, lng: 115.82 } }, directory)).toMatchObject({
      gridId: 'xiangyun-yuhua-g1',
      departmentCode: 'urban_management',
      fallback: false,
    });
  });

  it('counts a point on the shared edge of two grids in exactly one of them', () => {
    const decision = decideRoute({ category: 'road_damage', location: { lat: 28.66, lng: 115.835 } }, directory);
    expect(decision.gridId).toBe('xiangyun-yuhua-g1');
  });

  it('finds the grid of every demo grid centre', () => {
    for (const grid of statesOf(city, 'grid')) {
      const ring = grid.polygon!.coordinates[0]!;
      const lng = (ring[0]![0]! + ring[2]![0]!) / 2;
      const lat = (ring[0]![1]! + ring[2]![1]!) / 2;
      expect(decideRoute({ category: 'road_damage', location: { lat, lng } }, directory).gridId).toBe(grid.id);
    }
  });

  it('fails when nobody owns the grievance', () => {
    const empty = new RoutingDirectory({ grids: [], districts: [], departments: [], categories: [], routes: [], fallbackOwners: [] });
    expect(() => decideRoute({ category: 'road_damage', location: { lat: 1, lng: 1 } }, empty)).toThrow(NoOwnerError);
  });
});

describe('rerouteAfterReturn on the demo city', () => {
  it("sends a hazard its category's department returned to the district's fallback owner", () => {
    expect(rerouteAfterReturn({ category: 'manhole_cover_missing', districtId: 'xiangyun' }, 'municipal_works', directory)).toBe('urban_management');
  });

  it("sends one the fallback owner or another department returned to the category's department", () => {
    expect(rerouteAfterReturn({ category: 'manhole_cover_missing', districtId: 'xiangyun' }, 'urban_management', directory)).toBe('municipal_works');
    expect(rerouteAfterReturn({ category: 'manhole_cover_missing', districtId: 'xiangyun' }, 'fire', directory)).toBe('municipal_works');
  });

  it('prefers the district route over the default department', () => {
    expect(rerouteAfterReturn({ category: 'illegal_parking', districtId: 'hongcheng' }, 'fire', directory)).toBe('public_security');
    expect(rerouteAfterReturn({ category: 'illegal_parking', districtId: 'hongcheng' }, 'public_security', directory)).toBe('urban_management');
  });

  it('has no one when the only owner known is the department returning it', () => {
    const lone = new RoutingDirectory({
      grids: [],
      districts: [],
      departments: [{ code: 'water', name: 'Water' }],
      categories: [{ code: 'leak', defaultDepartment: 'water' }],
      routes: [],
      fallbackOwners: [{ districtId: null, departmentCode: 'water' }],
    });
    expect(rerouteAfterReturn({ category: 'leak', districtId: null }, 'water', lone)).toBeUndefined();
  });
});
