import { existsSync } from 'node:fs';
import { EntityManager } from 'typeorm';
import { findRepoRoot } from '@grievance/auth';
import { demoCitySeedFile, DirectorySeed, readDirectorySeedParts } from '@grievance/directory-seed';

/** The parts of the directory seed (deploy/seed/demo-city.json) this service reads. */
export const GRID_SEED_PARTS = ['communities', 'grids', 'gridWorkers'] as const;
export type GridSeed = Pick<DirectorySeed, (typeof GRID_SEED_PARTS)[number]>;

/** The seed file to load: the configured one, else the demo city in development, else none. */
export function seedFilePath(configured: string | undefined, nodeEnv: string): string | undefined {
  if (configured) return configured;
  if (nodeEnv !== 'development') return undefined;
  const demo = demoCitySeedFile(findRepoRoot());
  return existsSync(demo) ? demo : undefined;
}

export function readSeed(path: string): GridSeed {
  return readDirectorySeedParts(path, GRID_SEED_PARTS);
}

/**
 * Upserts the seed's grids and grid workers. Idempotent: loading the same file again changes
 * nothing, and a worker's duty flag and dispatch history survive a reload.
 */
export async function loadSeed(manager: EntityManager, seed: GridSeed): Promise<{ grids: number; gridWorkers: number }> {
  const communityNames = new Map(seed.communities.map((c) => [c.id, c.name]));
  for (const grid of seed.grids) {
    await manager.query(
      `INSERT INTO grids (id, name, community_id, community_name, street_id, district_id, polygon)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, community_id = EXCLUDED.community_id,
         community_name = EXCLUDED.community_name, street_id = EXCLUDED.street_id,
         district_id = EXCLUDED.district_id, polygon = EXCLUDED.polygon`,
      [
        grid.id,
        grid.name,
        grid.communityId,
        communityNames.get(grid.communityId) ?? null,
        grid.streetId ?? null,
        grid.districtId ?? null,
        JSON.stringify(grid.polygon),
      ],
    );
  }
  for (const worker of seed.gridWorkers) {
    await manager.query(
      `INSERT INTO grid_workers (id, name, grid_id, phone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, grid_id = EXCLUDED.grid_id, phone = EXCLUDED.phone`,
      [worker.id, worker.name, worker.gridId, worker.phone ?? null],
    );
  }
  return { grids: seed.grids.length, gridWorkers: seed.gridWorkers.length };
}
