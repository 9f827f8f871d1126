import { Injectable } from '@nestjs/common';
import { Role } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { DomainError, maskName } from '@grievance/platform';
import { DirectoryRepository } from './directory.repository';

export interface GridWorkerView {
  id: string;
  name: string;
  gridId: string;
  onDuty: boolean;
  openTickets: number;
  lastDispatchedAt: string | null;
}

export interface ListGridWorkersCommand {
  gridId: string;
  viewer: { role: Role; gridId?: string };
}

/** A live grid's workers with their load; their names in full only for an admin and the grid's own workers. */
@Injectable()
export class ListGridWorkers {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly directory: DirectoryRepository,
  ) {}

  async execute({ gridId, viewer }: ListGridWorkersCommand): Promise<GridWorkerView[]> {
    const workers = await this.unitOfWork.run(async () => {
      if (!(await this.directory.findLiveGrid(gridId))) throw DomainError.notFound('grid', gridId);
      return this.directory.workersOf(gridId);
    });
    const colleague = viewer.role === 'admin' || (viewer.role === 'grid_worker' && viewer.gridId === gridId);
    return workers.map((worker) => ({
      id: worker.id,
      name: colleague ? worker.name : maskName(worker.name),
      gridId: worker.gridId,
      onDuty: worker.onDuty,
      openTickets: worker.openTickets,
      lastDispatchedAt: worker.lastDispatchedAt?.toISOString() ?? null,
    }));
  }
}
