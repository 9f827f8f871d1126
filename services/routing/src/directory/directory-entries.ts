import type { Polygon } from 'geojson';
import { EntityManager } from 'typeorm';
import type { DirectoryTables } from '../decision/routing-data';
import { DirectoryEntryChangedV1, DirectoryKind } from '@grievance/contracts';
import {
  CategoryEntity,
  CategoryRouteEntity,
  CITY_SCOPE,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
  OrgUnitLevel,
} from './directory.entities';

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

function orgUnitState(unit: OrgUnitEntity): EntryState {
  const a = unit.attributes ?? {};
  return canonical({
    kind: unit.level,
    id: unit.id,
    name: unit.name,
    parentId: unit.parentId,
    polygon: unit.polygon as EntryState['polygon'],
    phone: (a.phone as string | null | undefined) ?? null,
    partTime: a.partTime === true,
    attributes: a,
  });
}

const stored = <T extends { version: number; retired: boolean; updatedAt: Date }>(row: T | null, state: (row: T) => EntryState): StoredEntry | null =>
  row ? { state: state(row), version: row.version, retired: row.retired, updatedAt: row.updatedAt } : null;

/** Reads one entry (locked for the change when `lock`). */
export async function loadEntry(manager: EntityManager, kind: DirectoryKind, id: string, lock = false): Promise<StoredEntry | null> {
  const options = lock ? { lock: { mode: 'pessimistic_write' as const } } : {};
  switch (KINDS[kind].table) {
    case 'org_unit': {
      const unit = await manager.getRepository(OrgUnitEntity).findOne({ where: { id }, ...options });
      if (unit && unit.level !== kind) return null;
      return stored(unit, orgUnitState);
    }
    case 'department':
      return stored(await manager.getRepository(DepartmentEntity).findOne({ where: { code: id }, ...options }), departmentState);
    case 'category':
      return stored(await manager.getRepository(CategoryEntity).findOne({ where: { code: id }, ...options }), categoryState);
    case 'category_route': {
      const at = id.lastIndexOf('@');
      if (at < 0) return null;
      const where = { category: id.slice(0, at), districtId: id.slice(at + 1) };
      return stored(await manager.getRepository(CategoryRouteEntity).findOne({ where, ...options }), routeState);
    }
    case 'fallback_owner':
      return stored(await manager.getRepository(FallbackOwnerEntity).findOne({ where: { scope: id }, ...options }), fallbackState);
  }
}

/** Whether an id is taken by an org unit of another level (ids are unique across the tree). */
export async function orgUnitLevelOf(manager: EntityManager, id: string): Promise<OrgUnitLevel | null> {
  const unit = await manager.getRepository(OrgUnitEntity).findOne({ where: { id }, select: { id: true, level: true } });
  return unit?.level ?? null;
}

/** Writes an entry's state, version and retired flag. */
export async function saveEntry(manager: EntityManager, state: EntryState, version: number, retired: boolean): Promise<void> {
  const s = canonical(state);
  const a = s.attributes ?? {};
  switch (KINDS[s.kind].table) {
    case 'org_unit': {
      const attributes: Record<string, unknown> = { ...a };
      if (s.kind === 'grid_worker') Object.assign(attributes, { phone: s.phone ?? null, partTime: s.partTime ?? false });
      if (s.kind === 'station') attributes.phone = s.phone ?? null;
      await manager.query(
        `INSERT INTO directory_org_units (id, level, name, parent_id, attributes, polygon, version, retired, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (id) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
           attributes = EXCLUDED.attributes, polygon = EXCLUDED.polygon, version = EXCLUDED.version,
           retired = EXCLUDED.retired, updated_at = now()`,
        [s.id, s.kind, s.name ?? s.id, s.parentId ?? null, JSON.stringify(attributes), s.polygon ? JSON.stringify(s.polygon) : null, version, retired],
      );
      return;
    }
    case 'department':
      await manager.getRepository(DepartmentEntity).upsert({ code: s.id, name: s.name ?? s.id, version, retired }, { conflictPaths: ['code'] });
      return;
    case 'category':
      await manager.getRepository(CategoryEntity).upsert(
        {
          code: s.id,
          name: s.name ?? s.id,
          kind: a.kind as CategoryEntity['kind'],
          defaultDepartment: (a.defaultDepartment as string | null) ?? null,
          version,
          retired,
        },
        { conflictPaths: ['code'] },
      );
      return;
    case 'category_route':
      await manager.getRepository(CategoryRouteEntity).upsert(
        { category: a.category as string, districtId: a.districtId as string, departmentCode: a.departmentCode as string, version, retired },
        { conflictPaths: ['category', 'districtId'] },
      );
      return;
    case 'fallback_owner':
      await manager.getRepository(FallbackOwnerEntity).upsert(
        { scope: s.id, departmentCode: a.departmentCode as string, version, retired },
        { conflictPaths: ['scope'] },
      );
      return;
  }
}

function departmentState(d: DepartmentEntity): EntryState {
  return canonical({ kind: 'department', id: d.code, name: d.name });
}

function categoryState(c: CategoryEntity): EntryState {
  return canonical({ kind: 'category', id: c.code, name: c.name, attributes: { kind: c.kind, defaultDepartment: c.defaultDepartment } });
}

function routeState(r: CategoryRouteEntity): EntryState {
  return canonical({
    kind: 'category_route',
    id: routeEntryId(r.category, r.districtId),
    attributes: { category: r.category, districtId: r.districtId, departmentCode: r.departmentCode },
  });
}

function fallbackState(f: FallbackOwnerEntity): EntryState {
  const districtId = f.scope === CITY_SCOPE ? null : f.scope;
  return canonical({ kind: 'fallback_owner', id: f.scope, attributes: { districtId, departmentCode: f.departmentCode } });
}

/** Every entry of the directory, retired ones included (for the compacted topic's backfill and the views). */
export async function allEntries(manager: EntityManager): Promise<StoredEntry[]> {
  // One after another: inside a transaction the manager holds one connection, which runs one query at a time.
  const units = await manager.getRepository(OrgUnitEntity).find({ order: { id: 'ASC' } });
  const departments = await manager.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  const categories = await manager.getRepository(CategoryEntity).find({ order: { code: 'ASC' } });
  const routes = await manager.getRepository(CategoryRouteEntity).find();
  const fallbacks = await manager.getRepository(FallbackOwnerEntity).find();
  return [
    ...departments.map((d) => stored(d, departmentState)!),
    ...categories.map((c) => stored(c, categoryState)!),
    ...units.map((u) => stored(u, orgUnitState)!),
    ...routes.map((r) => stored(r, routeState)!),
    ...fallbacks.map((f) => stored(f, fallbackState)!),
  ];
}

/** Every entry of one kind, retired ones included, by id. */
export async function entriesOf(manager: EntityManager, kind: DirectoryKind, parentId?: string): Promise<StoredEntry[]> {
  switch (KINDS[kind].table) {
    case 'org_unit': {
      const where = { level: kind as OrgUnitLevel, ...(parentId ? { parentId } : {}) };
      return (await manager.getRepository(OrgUnitEntity).find({ where, order: { id: 'ASC' } })).map((u) => stored(u, orgUnitState)!);
    }
    case 'department':
      return (await manager.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } })).map((d) => stored(d, departmentState)!);
    case 'category':
      return (await manager.getRepository(CategoryEntity).find({ order: { code: 'ASC' } })).map((c) => stored(c, categoryState)!);
    case 'category_route':
      return (await manager.getRepository(CategoryRouteEntity).find({ order: { category: 'ASC', districtId: 'ASC' } })).map((r) => stored(r, routeState)!);
    case 'fallback_owner':
      return (await manager.getRepository(FallbackOwnerEntity).find({ order: { scope: 'ASC' } })).map((f) => stored(f, fallbackState)!);
  }
}

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
