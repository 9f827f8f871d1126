import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { findRepoRoot } from '@grievance/auth';
import { GridPolygon } from '../entities';

/** The parts of the directory seed (deploy/seed/demo-city.json) this service reads. */
export interface DirectorySeed {
  communities?: { id: string; name: string; streetId?: string }[];
  grids: {
    id: string;
    name: string;
    communityId?: string | null;
    streetId?: string | null;
    districtId?: string | null;
    polygon: GridPolygon | { type: 'Feature'; geometry: GridPolygon };
  }[];
  gridWorkers: { id: string; name: string; gridId: string; phone?: string | null }[];
}

/** The seed file to load: the configured one, else the demo city in development, else none. */
export function seedFilePath(configured: string | undefined, nodeEnv: string): string | undefined {
  if (configured) return configured;
  if (nodeEnv !== 'development') return undefined;
  const demo = join(findRepoRoot(), 'deploy', 'seed', 'demo-city.json');
  return existsSync(demo) ? demo : undefined;
}

export function readSeed(path: string): DirectorySeed {
  const seed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DirectorySeed>;
  if (!Array.isArray(seed.grids) || !Array.isArray(seed.gridWorkers)) {
    throw new Error(`${path} has no grids/gridWorkers arrays`);
  }
  return seed as DirectorySeed;
}

function geometryOf(polygon: DirectorySeed['grids'][number]['polygon']): GridPolygon {
  return polygon.type === 'Feature' ? polygon.geometry : polygon;
}

/**
 * Upserts the seed's grids and grid workers. Idempotent: loading the same file again changes
 * nothing, and a worker's duty flag and dispatch history survive a reload.
 */
export async function loadSeed(manager: EntityManager, seed: DirectorySeed): Promise<{ grids: number; gridWorkers: number }> {
  const communityNames = new Map((seed.communities ?? []).map((c) => [c.id, c.name]));
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
        grid.communityId ?? null,
        (grid.communityId && communityNames.get(grid.communityId)) ?? null,
        grid.streetId ?? null,
        grid.districtId ?? null,
        JSON.stringify(geometryOf(grid.polygon)),
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
