import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { DomainError } from '@grievance/platform';
import { DispatchService } from '../dispatch/dispatch.service';
import { lastDispatchedAt, WORKER_LOAD_COLUMNS, WorkerLoadRow } from '../dispatch/worker-load';
import { GridEntity, GridWorkerEntity } from '../entities';
import { Area, SpatialIndex } from '@grievance/geo';

/** How long a replica trusts its spatial index (another replica may have applied a directory change). */
const INDEX_MAX_AGE_MS = 5_000;

export interface GridView {
  id: string;
  name: string;
  communityId: string | null;
  communityName: string | null;
  streetId: string | null;
  districtId: string | null;
  polygon: GridEntity['polygon'];
}

export interface GridWorkerView {
  id: string;
  name: string;
  gridId: string;
  onDuty: boolean;
  openTickets: number;
  lastDispatchedAt: string | null;
}

/**
 * Grids and grid workers, as applied from routing's directory (ApplyDirectoryChange): looked
 * up by point, listed, on and off duty. Retired ones are kept as history and not shown.
 */
@Injectable()
export class DirectoryService {
  private index?: { index: SpatialIndex<Area>; builtAt: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
    private readonly dispatch: DispatchService,
  ) {
    this.logger.setContext('directory');
  }

  /** The directory changed in this process: the next lookup by point rebuilds the index. */
  changed(): void {
    this.index = undefined;
  }

  private liveGrids(): Promise<GridEntity[]> {
    return this.dataSource.getRepository(GridEntity).find({ where: { retired: false }, order: { id: 'ASC' } });
  }

  async listGrids(): Promise<GridView[]> {
    return (await this.liveGrids()).map(toGridView);
  }

  /** The grids holding a point (usually one; none outside the city). */
  async gridsAt(lat: number, lng: number): Promise<GridView[]> {
    const grids = await this.liveGrids();
    if (!this.index || Date.now() - this.index.builtAt > INDEX_MAX_AGE_MS) {
      this.index = { index: new SpatialIndex(grids.map((grid) => ({ id: grid.id, polygon: grid.polygon as Area['polygon'] }))), builtAt: Date.now() };
    }
    const ids = new Set(this.index.index.findAll(lat, lng).map((grid) => grid.id));
    return grids.filter((grid) => ids.has(grid.id)).map(toGridView);
  }

  async workersOf(gridId: string): Promise<GridWorkerView[]> {
    const grid = await this.dataSource.getRepository(GridEntity).findOneBy({ id: gridId, retired: false });
    if (!grid) throw DomainError.notFound('grid', gridId);
    const rows = (await this.dataSource.query(
      `SELECT w.id, w.name, w.grid_id, w.on_duty, ${WORKER_LOAD_COLUMNS}
         FROM grid_workers w WHERE w.grid_id = $1 AND NOT w.retired ORDER BY w.id`,
      [gridId],
    )) as ({ id: string; name: string; grid_id: string; on_duty: boolean } & WorkerLoadRow)[];
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      gridId: row.grid_id,
      onDuty: row.on_duty,
      openTickets: row.open_tickets,
      lastDispatchedAt: lastDispatchedAt(row)?.toISOString() ?? null,
    }));
  }

  /**
   * A grid worker goes on or off duty (only a worker of the directory, in their own grid).
   * Coming on duty dispatches the tickets that waited for somebody within their reach.
   */
  async setDuty(gridWorkerId: string, gridId: string | undefined, onDuty: boolean): Promise<{ id: string; gridId: string; onDuty: boolean }> {
    const repo = this.dataSource.getRepository(GridWorkerEntity);
    const worker = await repo.findOneBy({ id: gridWorkerId });
    if (!worker || worker.retired || (gridId !== undefined && worker.gridId !== gridId)) throw DomainError.notFound('grid worker', gridWorkerId);
    await repo.update({ id: worker.id }, { onDuty });
    if (onDuty) {
      const dispatched = await this.dispatch.dispatchWaiting(worker.id);
      if (dispatched > 0) this.logger.info({ gridWorkerId: worker.id, dispatched }, 'waiting tickets dispatched');
    }
    return { id: worker.id, gridId: worker.gridId, onDuty };
  }
}

function toGridView(grid: GridEntity): GridView {
  return {
    id: grid.id,
    name: grid.name,
    communityId: grid.communityId,
    communityName: grid.communityName,
    streetId: grid.streetId,
    districtId: grid.districtId,
    polygon: grid.polygon,
  };
}
