import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DirectoryEntryChangedV1 } from '@grievance/contracts';
import { PermanentEventError, UnitOfWork } from '@grievance/messaging';
import { DispatchWaiting } from '../dispatch/dispatch-waiting.use-case';
import { DirectoryRepository } from './directory.repository';
import { GridIndex } from './grid-index';

/** What dispatch keeps of the directory (categories and departments by code, for corrections at the check); routes, stations and the party chain are routing's business. */
const APPLIED_KINDS: ReadonlySet<string> = new Set(['grid', 'grid_worker', 'community', 'street', 'category', 'department']);

/**
 * Keeps this service's copy of the directory (grids, grid workers, and the streets and
 * communities a grid lies in) as routing, its one owner, publishes it on the compacted
 * directory.entry-changed.v1. A change applies only over an older version, so a replay, a
 * redelivery or the topic read again from its beginning changes nothing. Entries arrive in
 * order per entry, not across entries: a grid worker may come before their grid, a grid
 * before its community; each row is completed when the other arrives. A grid or grid
 * worker that arrives live dispatches the tickets that waited for somebody in its reach.
 * Returns whether the entry changed the copy.
 */
@Injectable()
export class ApplyDirectoryChange {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly directory: DirectoryRepository,
    private readonly gridIndex: GridIndex,
    private readonly dispatchWaiting: DispatchWaiting,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('directory');
  }

  execute(entry: DirectoryEntryChangedV1): Promise<boolean> {
    if (!APPLIED_KINDS.has(entry.kind)) return Promise.resolve(false);
    return this.unitOfWork.run(async () => {
      const applied = await this.apply(entry);
      if (!applied) return false;
      if (entry.kind !== 'category' && entry.kind !== 'department') this.gridIndex.changed();
      this.logger.info({ kind: entry.kind, id: entry.id, version: entry.version, retired: entry.retired }, 'directory entry applied');
      if (!entry.retired && (entry.kind === 'grid' || entry.kind === 'grid_worker')) {
        const dispatched = await this.dispatchWaiting.execute(entry.kind === 'grid' ? { gridId: entry.id } : { gridWorkerId: entry.id });
        if (dispatched > 0) this.logger.info({ kind: entry.kind, id: entry.id, dispatched }, 'waiting tickets dispatched');
      }
      return true;
    });
  }

  private async apply(entry: DirectoryEntryChangedV1): Promise<boolean> {
    await this.directory.takeApplyTurn();
    switch (entry.kind) {
      case 'grid':
        if (!entry.polygon) throw new PermanentEventError(`grid ${entry.id} has no polygon`);
        return this.directory.applyGrid(entry, entry.polygon);
      case 'grid_worker':
        if (!(await this.directory.applyGridWorker(entry))) return false;
        if (!entry.parentId) throw new PermanentEventError(`grid worker ${entry.id} has no grid`);
        return true;
      case 'street':
      case 'community':
        if (!(await this.directory.applyUnit(entry))) return false;
        if (entry.kind === 'community') await this.directory.placeGridsOfCommunity(entry.id, entry.name ?? entry.id, entry.parentId ?? null);
        else await this.directory.placeGridsOfStreet(entry.id, entry.parentId ?? null);
        return true;
      case 'category':
      case 'department':
        return this.directory.applyCode(entry);
      default:
        return false;
    }
  }
}
