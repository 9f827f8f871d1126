import type { Polygon } from 'geojson';
import type { GeoPoint, Holder } from '@grievance/contracts';
import { SpatialIndex } from '@grievance/geo';

export interface GridArea {
  id: string;
  name: string;
  districtId: string | null;
  polygon: Polygon;
}

export interface DistrictArea {
  id: string;
  name: string;
  polygon: Polygon;
}

/** What routing needs from the directory, as plain data. */
export interface RoutingDirectoryData {
  grids: GridArea[];
  districts: DistrictArea[];
  departments: { code: string; name: string }[];
  categories: { code: string; defaultDepartment: string | null }[];
  routes: { category: string; districtId: string; departmentCode: string }[];
  /** districtId null: the city-wide fallback owner. */
  fallbackOwners: { districtId: string | null; departmentCode: string }[];
}

/** The directory as routing reads it: spatial indexes and lookup maps, built once per snapshot. */
export class RoutingDirectory {
  private readonly grids: SpatialIndex<GridArea>;
  private readonly districts: SpatialIndex<DistrictArea>;
  private readonly departments: Map<string, { code: string; name: string }>;
  private readonly defaults: Map<string, string | null>;
  private readonly routes: Map<string, string>;
  private readonly fallbacks: Map<string | null, string>;

  constructor(data: RoutingDirectoryData) {
    this.grids = new SpatialIndex(data.grids);
    this.districts = new SpatialIndex(data.districts);
    this.departments = new Map(data.departments.map((d) => [d.code, d]));
    this.defaults = new Map(data.categories.map((c) => [c.code, c.defaultDepartment]));
    this.routes = new Map(data.routes.map((r) => [routeKey(r.category, r.districtId), r.departmentCode]));
    this.fallbacks = new Map(data.fallbackOwners.map((f) => [f.districtId, f.departmentCode]));
  }

  gridAt(location: GeoPoint): GridArea | undefined {
    return this.grids.find(location.lat, location.lng);
  }

  districtAt(location: GeoPoint): DistrictArea | undefined {
    return this.districts.find(location.lat, location.lng);
  }

  /** The category's route in the district, else its default department. */
  departmentFor(category: string, districtId: string | null): string | undefined {
    const routed = districtId ? this.routes.get(routeKey(category, districtId)) : undefined;
    return routed ?? this.defaults.get(category) ?? undefined;
  }

  /** The district's fallback owner (兜底), else the city's. */
  fallbackOwner(districtId: string | null): string | undefined {
    return (districtId ? this.fallbacks.get(districtId) : undefined) ?? this.fallbacks.get(null);
  }

  department(code: string): { code: string; name: string } | undefined {
    return this.departments.get(code);
  }

  /** Who may own the category in the district, in order: its route there, its default department, the district's fallback owner, the city's. */
  ownersOf(category: string, districtId: string | null): string[] {
    const owners = [
      districtId ? this.routes.get(routeKey(category, districtId)) : undefined,
      this.defaults.get(category) ?? undefined,
      districtId ? this.fallbacks.get(districtId) : undefined,
      this.fallbacks.get(null),
    ];
    return [...new Set(owners.filter((code): code is string => code !== undefined && this.departments.has(code)))];
  }
}

const routeKey = (category: string, districtId: string) => `${category}\u0000${districtId}`;

export interface RouteRequest {
  category: string;
  location?: GeoPoint;
}

export interface RouteDecision {
  gridId: string | null;
  districtId: string | null;
  departmentCode: string;
  /** The grid (org unit) when one holds the place; else the fallback department. */
  holder: Holder;
  /** True when no grid holds the place and the fallback owner (兜底) takes the grievance. */
  fallback: boolean;
}

export class NoOwnerError extends Error {
  override readonly name = 'NoOwnerError';
}

/**
 * Who owns a hazard first (pure):
 * - the grid holding its location (grid → community → street → district) checks it on
 *   site; the department is the category's route in that district, else the category's
 *   default department, else the district's fallback owner;
 * - no grid (or no location): the district's fallback owner (the city's when the place is
 *   in no district) takes it directly, with `fallback: true`.
 */
export function decideRoute(request: RouteRequest, directory: RoutingDirectory): RouteDecision {
  const grid = request.location ? directory.gridAt(request.location) : undefined;
  const districtId = grid?.districtId ?? (request.location ? directory.districtAt(request.location)?.id : undefined) ?? null;
  if (grid) {
    const departmentCode = directory.departmentFor(request.category, districtId) ?? directory.fallbackOwner(districtId);
    if (!departmentCode) throw new NoOwnerError(`no department for ${request.category} in ${districtId ?? 'the city'} and no fallback owner`);
    return {
      gridId: grid.id,
      districtId,
      departmentCode,
      holder: { type: 'org_unit', id: grid.id, name: grid.name },
      fallback: false,
    };
  }
  const departmentCode = directory.fallbackOwner(districtId) ?? directory.departmentFor(request.category, districtId);
  if (!departmentCode) throw new NoOwnerError(`no fallback owner for ${districtId ?? 'the city'}`);
  const department = directory.department(departmentCode);
  return {
    gridId: null,
    districtId,
    departmentCode,
    holder: { type: 'department', id: departmentCode, name: department?.name ?? departmentCode },
    fallback: true,
  };
}

/**
 * Where a hazard a department returned (退单) goes (pure): the first owner routing knows for
 * its category and district — the district's route, the category's default department, the
 * district's fallback owner (兜底), the city's — that is not the department returning it.
 * Undefined when there is none: the department must name one (transfer).
 */
export function rerouteAfterReturn(grievance: { category: string; districtId: string | null }, returnedBy: string, directory: RoutingDirectory): string | undefined {
  return directory.ownersOf(grievance.category, grievance.districtId).find((code) => code !== returnedBy);
}
