import { EntityManager } from 'typeorm';
import {
  CategoryEntity,
  CategoryRouteEntity,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
} from './directory.entities';
import { DirectorySeed } from '@grievance/directory-seed';
import { seedRows } from './seed-rows';

export interface SeedSummary {
  orgUnits: number;
  departments: string[];
  categories: number;
  routes: number;
  fallbackOwners: number;
}

const SEED_LOCK = 'routing:directory-seed';
const CHUNK = 500;

/**
 * Upserts a seed into the directory, idempotently: loading the same file twice changes
 * nothing; entries the file does not name (added by an admin) are left alone. Run inside
 * a transaction; an advisory lock makes replicas starting together take turns.
 */
export async function applyDirectorySeed(manager: EntityManager, seed: DirectorySeed): Promise<SeedSummary> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('applyDirectorySeed must run inside a transaction');
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SEED_LOCK]);
  const rows = seedRows(seed);
  await upsertAll(manager, DepartmentEntity, rows.departments, ['code']);
  await upsertAll(manager, CategoryEntity, rows.categories, ['code']);
  await upsertAll(manager, OrgUnitEntity, rows.orgUnits, ['id']);
  await upsertAll(manager, CategoryRouteEntity, rows.routes, ['category', 'districtId']);
  await upsertAll(manager, FallbackOwnerEntity, rows.fallbackOwners, ['scope']);
  return {
    orgUnits: rows.orgUnits.length,
    departments: rows.departments.map((d) => d.code),
    categories: rows.categories.length,
    routes: rows.routes.length,
    fallbackOwners: rows.fallbackOwners.length,
  };
}

async function upsertAll<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  rows: object[],
  conflictPaths: string[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await manager.getRepository(entity).upsert(rows.slice(i, i + CHUNK) as any, { conflictPaths, skipUpdateIfNoValuesChanged: true });
  }
}
