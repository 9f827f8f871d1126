import type { Polygon } from 'geojson';
import type { DirectoryTables } from '../decision/routing-data';
import { DirectoryEntryChangedV1, DirectoryKind } from '@grievance/contracts';
import { CITY_SCOPE, OrgUnitLevel } from './directory.entities';

/** A directory entry's state as it is published (without version, retired flag and time). */
export type EntryState = Omit<DirectoryEntryChangedV1, 'version' | 'retired' | 'changedAt'>;

/** An entry as stored: its state, version and retired flag. */
export interface StoredEntry {
  state: EntryState;
  version: number;
  retired: boolean;
  updatedAt: Date;
}

type Table = 'org_unit' | 'department' | 'category' | 'category_route' | 'fallback_owner';

export interface KindSpec {
  table: Table;
  /** The kind of the unit above (null: a root, or not an org unit). */
  parent: DirectoryKind | null;
  polygon?: 'optional' | 'required';
  /** Level facts kept in the state's `attributes` (the rest of the row's attributes are typed fields). */
  attributes?: readonly string[];
}

/** Where each kind is kept and what it hangs from. */
export const KINDS: Readonly<Record<DirectoryKind, KindSpec>> = {
  district: { table: 'org_unit', parent: null, polygon: 'optional', attributes: ['supervisingOffice'] },
  street: { table: 'org_unit', parent: 'district' },
  community: { table: 'org_unit', parent: 'street' },
  grid: { table: 'org_unit', parent: 'community', polygon: 'required' },
  // workerId: the registered worker (a rider's or courier's own account id) a part-time grid worker is, if any;
  // stationId: the station (驿站) they are posted at (驻点), if any.
  grid_worker: { table: 'org_unit', parent: 'grid', attributes: ['workerId', 'stationId'] },
  station: { table: 'org_unit', parent: 'district', attributes: ['address', 'hours', 'staff'] },
  two_new_committee: { table: 'org_unit', parent: null },
  industry_committee: { table: 'org_unit', parent: 'two_new_committee', attributes: ['industry', 'occupations'] },
  branch: { table: 'org_unit', parent: 'industry_committee', attributes: ['fallback'] },
  member: { table: 'org_unit', parent: 'branch' },
  department: { table: 'department', parent: null },
  category: { table: 'category', parent: null, attributes: ['kind', 'defaultDepartment'] },
  category_route: { table: 'category_route', parent: null, attributes: ['category', 'districtId', 'departmentCode'] },
  fallback_owner: { table: 'fallback_owner', parent: null, attributes: ['districtId', 'departmentCode'] },
};

/** The order entries are written in so that what they refer to comes first. */
export const KIND_ORDER: readonly DirectoryKind[] = [
  'department',
  'category',
  'district',
  'street',
  'community',
  'grid',
  // Stations before grid workers: a grid worker may be posted at one.
  'station',
  'grid_worker',
  'category_route',
  'fallback_owner',
  'two_new_committee',
  'industry_committee',
  'branch',
  'member',
];

/** A route's entry id: `<category>@<district>`. */
export const routeEntryId = (category: string, districtId: string): string => `${category}@${districtId}`;

/** A fallback owner's entry id: its district, or `*` for the city's. */
export const fallbackEntryId = (districtId: string | null | undefined): string => districtId ?? CITY_SCOPE;

/** The state with its keys in one order and nothing undefined, so two states compare by their JSON. */
export function canonical(state: EntryState): EntryState {
  const spec = KINDS[state.kind];
  const out: EntryState = { kind: state.kind, id: state.id };
  if (state.name !== undefined) out.name = state.name;
  if (spec.parent !== null) out.parentId = state.parentId ?? null;
  if (spec.polygon) out.polygon = state.polygon ? { type: 'Polygon', coordinates: state.polygon.coordinates } : null;
  if (state.kind === 'grid_worker' || state.kind === 'station') out.phone = state.phone ?? null;
  if (state.kind === 'grid_worker') out.partTime = state.partTime ?? false;
  if (spec.attributes) {
    const attributes: Record<string, unknown> = {};
    for (const key of spec.attributes) attributes[key] = state.attributes?.[key] ?? null;
    out.attributes = attributes;
  }
  return out;
}

export const sameState = (a: EntryState, b: EntryState): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The tables routing decides with, from live entries' states (pure; for a city's files before they are stored). */
export function directoryTablesFrom(states: readonly EntryState[]): DirectoryTables {
  const of = (kind: DirectoryKind) => states.filter((s) => s.kind === kind);
  return {
    orgUnits: states
      .filter((s) => ['district', 'street', 'community', 'grid'].includes(s.kind))
      .map((s) => ({ id: s.id, level: s.kind as OrgUnitLevel, name: s.name ?? s.id, parentId: s.parentId ?? null, polygon: (s.polygon as Polygon | null | undefined) ?? null })),
    departments: of('department').map((s) => ({ code: s.id, name: s.name ?? s.id })),
    categories: of('category').map((s) => ({ code: s.id, defaultDepartment: (s.attributes?.defaultDepartment as string | null | undefined) ?? null })),
    routes: of('category_route').map((s) => s.attributes as { category: string; districtId: string; departmentCode: string }),
    fallbackOwners: of('fallback_owner').map((s) => ({ scope: s.id, departmentCode: s.attributes?.departmentCode as string })),
  };
}
