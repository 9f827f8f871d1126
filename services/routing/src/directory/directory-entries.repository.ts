import { Injectable } from '@nestjs/common';
import type { Polygon } from 'geojson';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryKind } from '@grievance/contracts';
import { managerInUnitOfWork } from '../unit-of-work-manager';
import { canonical, EntryState, KINDS, routeEntryId, StoredEntry } from './directory-entries';
import {
  CategoryEntity,
  CategoryRouteEntity,
  CITY_SCOPE,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
  OrgUnitLevel,
} from './directory.entities';

/**
 * Every entry of the directory as it is stored, retired ones too (what routing decides with,
 * live entries only: DirectoryRepository). Its statements go through the unit of work's
 * transaction (a change, the import, the start's backfill); reads outside one use the data source.
 */
@Injectable()
export class DirectoryEntriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerInUnitOfWork(this.dataSource);
  }

  /** Reads one entry (locked for the change when `lock`). */
  async load(kind: DirectoryKind, id: string, lock = false): Promise<StoredEntry | null> {
    const manager = this.manager();
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

  /** The level of the org unit with this id, if any (ids are unique across the tree). */
  async orgUnitLevelOf(id: string): Promise<OrgUnitLevel | null> {
    const unit = await this.manager().getRepository(OrgUnitEntity).findOne({ where: { id }, select: { id: true, level: true } });
    return unit?.level ?? null;
  }

  /** Writes an entry's state, version and retired flag. */
  async save(state: EntryState, version: number, retired: boolean): Promise<void> {
    const manager = this.manager();
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

  /** Every entry of the directory, retired ones included (for the compacted topic's backfill and the views). */
  async all(): Promise<StoredEntry[]> {
    const manager = this.manager();
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

  /** Every entry of one kind, retired ones included, by id (of one parent, when given). */
  async of(kind: DirectoryKind, parentId?: string): Promise<StoredEntry[]> {
    const manager = this.manager();
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

  /** The live org units of one level that have a polygon (grids, districts), with only their id and polygon. */
  async livePolygons(kind: DirectoryKind): Promise<{ id: string; polygon: Polygon }[]> {
    const units = await this.manager()
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.polygon'])
      .where('u.level = :kind AND NOT u.retired AND u.polygon IS NOT NULL', { kind })
      .getMany();
    return units.map((u) => ({ id: u.id, polygon: u.polygon! }));
  }

  /** The live grid worker (other than `gridWorkerId`) the registered worker is appointed as, if any. */
  async appointmentOf(workerId: string, gridWorkerId: string): Promise<string | null> {
    const [other] = (await this.manager().query(
      `SELECT id FROM directory_org_units WHERE level = 'grid_worker' AND NOT retired AND id <> $1 AND attributes->>'workerId' = $2 LIMIT 1`,
      [gridWorkerId, workerId],
    )) as { id: string }[];
    return other?.id ?? null;
  }

  /** Live entries that name this one (children, routes, fallback owners, categories' default department), as `<what> <id>`. */
  async liveDependants(kind: DirectoryKind, id: string): Promise<string[]> {
    const manager = this.manager();
    const names: string[] = [];
    const rows = async (sql: string, label: string) => {
      const found = (await manager.query(sql, [id])) as { id: string }[];
      names.push(...found.map((r) => `${label} ${r.id}`));
    };
    if (KINDS[kind].table === 'org_unit') {
      await rows(`SELECT id, level FROM directory_org_units WHERE parent_id = $1 AND NOT retired ORDER BY id LIMIT 5`, 'unit');
    }
    if (kind === 'district') {
      await rows(`SELECT category || '@' || district_id AS id FROM directory_category_routes WHERE district_id = $1 AND NOT retired LIMIT 5`, 'category route');
      await rows(`SELECT scope AS id FROM directory_fallback_owners WHERE scope = $1 AND NOT retired`, 'fallback owner');
    }
    if (kind === 'department') {
      await rows(`SELECT category || '@' || district_id AS id FROM directory_category_routes WHERE department_code = $1 AND NOT retired LIMIT 5`, 'category route');
      await rows(`SELECT scope AS id FROM directory_fallback_owners WHERE department_code = $1 AND NOT retired`, 'fallback owner');
      await rows(`SELECT code AS id FROM directory_categories WHERE default_department = $1 AND NOT retired LIMIT 5`, 'category');
      await rows(`SELECT id FROM directory_org_units WHERE level = 'district' AND attributes->>'supervisingOffice' = $1 AND NOT retired LIMIT 5`, 'district');
    }
    if (kind === 'station') {
      await rows(`SELECT id FROM directory_org_units WHERE level = 'grid_worker' AND attributes->>'stationId' = $1 AND NOT retired ORDER BY id LIMIT 5`, 'grid worker');
    }
    if (kind === 'category') {
      await rows(`SELECT category || '@' || district_id AS id FROM directory_category_routes WHERE category = $1 AND NOT retired LIMIT 5`, 'category route');
    }
    return names;
  }

  /**
   * Waits for the others doing `work` (an import, the start's backfill) to finish, then holds the
   * turn until the unit of work's transaction ends: replicas or imports running at once take turns.
   */
  async takeTurn(work: string): Promise<void> {
    await this.manager().query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [work]);
  }
}

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

