import type { Polygon } from 'geojson';
import { CITY_SCOPE, OrgUnitLevel } from '../directory/directory.entities';
import type { RoutingDirectoryData } from './route-decision';

export interface DirectoryTables {
  orgUnits: { id: string; level: OrgUnitLevel; name: string; parentId: string | null; polygon: Polygon | null }[];
  departments: { code: string; name: string }[];
  categories: { code: string; defaultDepartment: string | null }[];
  routes: { category: string; districtId: string; departmentCode: string }[];
  fallbackOwners: { scope: string; departmentCode: string }[];
}

/** Turns directory rows into routing's data (pure): each grid learns its district by walking up its parents. */
export function routingDataFrom(tables: DirectoryTables): RoutingDirectoryData {
  const byId = new Map(tables.orgUnits.map((u) => [u.id, u]));
  const districtOf = (id: string): string | null => {
    let current = byId.get(id);
    for (let hops = 0; current && hops < 10; hops += 1) {
      if (current.level === 'district') return current.id;
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return null;
  };
  return {
    grids: tables.orgUnits
      .filter((u) => u.level === 'grid' && u.polygon)
      .map((u) => ({ id: u.id, name: u.name, districtId: districtOf(u.id), polygon: u.polygon! })),
    districts: tables.orgUnits
      .filter((u) => u.level === 'district' && u.polygon)
      .map((u) => ({ id: u.id, name: u.name, polygon: u.polygon! })),
    departments: tables.departments,
    categories: tables.categories,
    routes: tables.routes,
    fallbackOwners: tables.fallbackOwners.map((f) => ({
      districtId: f.scope === CITY_SCOPE ? null : f.scope,
      departmentCode: f.departmentCode,
    })),
  };
}
