import type { Polygon } from 'geojson';
import { CITY_SCOPE, OrgUnitLevel } from './directory.entities';
import { DirectorySeed } from '@grievance/directory-seed';

export interface OrgUnitRow {
  id: string;
  level: OrgUnitLevel;
  name: string;
  parentId: string | null;
  attributes: Record<string, unknown>;
  polygon: Polygon | null;
}

export interface SeedRows {
  orgUnits: OrgUnitRow[];
  departments: { code: string; name: string }[];
  categories: { code: string; kind: string; name: string; defaultDepartment: string | null }[];
  routes: { category: string; districtId: string; departmentCode: string }[];
  fallbackOwners: { scope: string; departmentCode: string }[];
}

/** The rows a seed file becomes (pure): parents before children. */
export function seedRows(seed: DirectorySeed): SeedRows {
  const unit = (
    id: string,
    level: OrgUnitLevel,
    name: string,
    parentId: string | null,
    attributes: Record<string, unknown> = {},
    polygon: Polygon | null = null,
  ): OrgUnitRow => ({ id, level, name, parentId, attributes, polygon });
  const orgUnits: OrgUnitRow[] = [
    ...seed.districts.map((d) => unit(d.id, 'district', d.name, null, { cityId: seed.city.id }, d.polygon ?? null)),
    ...seed.streets.map((s) => unit(s.id, 'street', s.name, s.districtId)),
    ...seed.communities.map((c) => unit(c.id, 'community', c.name, c.streetId)),
    ...seed.grids.map((g) => unit(g.id, 'grid', g.name, g.communityId, {}, g.polygon)),
    unit(seed.twoNewCommittee.id, 'two_new_committee', seed.twoNewCommittee.name, null),
    ...seed.industryCommittees.map((c) =>
      unit(c.id, 'industry_committee', c.name, c.parentId ?? seed.twoNewCommittee.id, {
        industry: c.industry,
        occupations: c.occupations,
      }),
    ),
    ...seed.branches.map((b) => unit(b.id, 'branch', b.name, b.industryCommitteeId, { fallback: b.fallback ?? false })),
    ...seed.members.map((m) => unit(m.id, 'member', m.name, m.branchId)),
  ];
  return {
    orgUnits,
    departments: seed.departments.map((d) => ({ code: d.code, name: d.name })),
    categories: seed.categories.map((c) => ({
      code: c.code,
      kind: c.kind,
      name: c.name,
      defaultDepartment: c.defaultDepartment ?? null,
    })),
    routes: seed.categoryRoutes.map((r) => ({ category: r.category, districtId: r.districtId, departmentCode: r.departmentCode })),
    fallbackOwners: seed.fallbackOwners.map((f) => ({ scope: f.districtId ?? CITY_SCOPE, departmentCode: f.departmentCode })),
  };
}
