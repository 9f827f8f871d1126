import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { DirectoryRepository } from './directory.repository';

export interface GetDutyQuery {
  gridWorkerId: string;
  /** The grid their token names; a worker of another grid is not found. */
  gridId: string | undefined;
}

/** Whether a grid worker is on duty now, so a screen opened again shows what dispatch sees. */
@Injectable()
export class GetDuty {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly directory: DirectoryRepository,
  ) {}

  async execute({ gridWorkerId, gridId }: GetDutyQuery): Promise<{ id: string; gridId: string; onDuty: boolean }> {
    const found = await this.unitOfWork.run(() => this.directory.findWorker(gridWorkerId));
    if (!found || found.retired || (gridId !== undefined && found.gridId !== gridId)) throw DomainError.notFound('grid worker', gridWorkerId);
    return { id: found.id, gridId: found.gridId, onDuty: found.onDuty };
  }
}
