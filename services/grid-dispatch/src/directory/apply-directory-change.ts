import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DirectoryEntryChangedV1, EventEnvelope } from '@grievance/contracts';
import { OutboxTransaction, PermanentEventError } from '@grievance/messaging';
import { DispatchService } from '../dispatch/dispatch.service';
import { DirectoryService } from './directory.service';

/**
 * Keeps this service's copy of the directory (grids, grid workers, and the streets and
 * communities a grid lies in) as routing, its one owner, publishes it on the compacted
 * directory.entry-changed.v1. A change applies only over an older version, so a replay, a
 * redelivery or the topic read again from its beginning changes nothing. Entries arrive in
 * order per entry, not across entries: a grid worker may come before their grid, a grid
 * before its community; each row is completed when the other arrives. A grid or grid
 * worker that arrives live dispatches the tickets that waited for somebody in its reach.
 */
/** What dispatch keeps of the directory; departments, routes, stations and the party chain are routing's business. */
const APPLIED_KINDS: ReadonlySet<string> = new Set(['grid', 'grid_worker', 'community', 'street']);

@Injectable()
export class ApplyDirectoryChange {
  constructor(
    private readonly dispatch: DispatchService,
    private readonly directory: DirectoryService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('directory');
  }

  async execute(event: EventEnvelope<DirectoryEntryChangedV1>, tx: OutboxTransaction): Promise<boolean> {
    const entry = event.payload;
    const applied = await this.apply(entry, tx);
    if (!applied) return false;
    this.directory.changed();
    this.logger.info({ kind: entry.kind, id: entry.id, version: entry.version, retired: entry.retired }, 'directory entry applied');
    if (!entry.retired && (entry.kind === 'grid' || entry.kind === 'grid_worker')) {
      const dispatched = entry.kind === 'grid' ? await this.dispatch.dispatchWaitingInGrid(tx, entry.id) : await this.dispatch.dispatchWaitingFor(tx, entry.id);
      if (dispatched > 0) this.logger.info({ kind: entry.kind, id: entry.id, dispatched }, 'waiting tickets dispatched');
    }
    return true;
  }

  private async apply(entry: DirectoryEntryChangedV1, tx: OutboxTransaction): Promise<boolean> {
    if (!APPLIED_KINDS.has(entry.kind)) return false;
    const q = (sql: string, params: unknown[]) => tx.manager.query(sql, params) as Promise<unknown[]>;
    // Entries of different keys are applied side by side (other partitions): one at a time, so a grid
    // and its community (or a grid worker and their grid) each see the other once it is committed.
    await q(`SELECT pg_advisory_xact_lock(hashtext('grid-dispatch:directory'))`, []);
    switch (entry.kind) {
      case 'grid': {
        if (!entry.polygon) throw new PermanentEventError(`grid ${entry.id} has no polygon`);
        const rows = await q(
          `INSERT INTO grids (id, name, community_id, community_name, street_id, district_id, polygon, version, retired)
           SELECT $1, $2, $3, c.name, c.parent_id, s.parent_id, $4, $5, $6
             FROM (SELECT 1) one
             LEFT JOIN directory_units c ON c.id = $3
             LEFT JOIN directory_units s ON s.id = c.parent_id
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, community_id = EXCLUDED.community_id,
             community_name = EXCLUDED.community_name, street_id = EXCLUDED.street_id, district_id = EXCLUDED.district_id,
             polygon = EXCLUDED.polygon, version = EXCLUDED.version, retired = EXCLUDED.retired
           WHERE grids.version < EXCLUDED.version
           RETURNING id`,
          [entry.id, entry.name ?? entry.id, entry.parentId ?? null, JSON.stringify(entry.polygon), entry.version, entry.retired],
        );
        return rows.length > 0;
      }
      case 'grid_worker': {
        const rows = await q(
          `INSERT INTO grid_workers (id, name, grid_id, phone, part_time, version, retired)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, grid_id = EXCLUDED.grid_id, phone = EXCLUDED.phone,
             part_time = EXCLUDED.part_time, version = EXCLUDED.version, retired = EXCLUDED.retired
           WHERE grid_workers.version < EXCLUDED.version
           RETURNING id`,
          [entry.id, entry.name ?? entry.id, entry.parentId ?? null, entry.phone ?? null, entry.partTime ?? false, entry.version, entry.retired],
        );
        if (rows.length === 0) return false;
        if (!entry.parentId) throw new PermanentEventError(`grid worker ${entry.id} has no grid`);
        return true;
      }
      case 'street':
      case 'community': {
        const rows = await q(
          `INSERT INTO directory_units (id, kind, name, parent_id, version, retired) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
             version = EXCLUDED.version, retired = EXCLUDED.retired
           WHERE directory_units.version < EXCLUDED.version
           RETURNING id`,
          [entry.id, entry.kind, entry.name ?? entry.id, entry.parentId ?? null, entry.version, entry.retired],
        );
        if (rows.length === 0) return false;
        // The grids below learn their community's name, street and district.
        if (entry.kind === 'community') {
          await q(
            `UPDATE grids g SET community_name = $2, street_id = $3, district_id = (SELECT parent_id FROM directory_units WHERE id = $3)
              WHERE g.community_id = $1`,
            [entry.id, entry.name ?? entry.id, entry.parentId ?? null],
          );
        } else {
          await q(`UPDATE grids SET district_id = $2 WHERE street_id = $1`, [entry.id, entry.parentId ?? null]);
        }
        return true;
      }
      default:
        return false;
    }
  }
}
