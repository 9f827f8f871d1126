import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { UnitOfWork } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { DispatchWaiting } from '../dispatch/dispatch-waiting.use-case';
import { DirectoryRepository } from './directory.repository';

export interface SetDutyCommand {
  gridWorkerId: string;
  /** The grid their token names; a worker of another grid is not found. */
  gridId: string | undefined;
  onDuty: boolean;
}

/**
 * A grid worker goes on or off duty (only a worker of the directory, in their own grid).
 * Coming on duty then dispatches the tickets that waited for somebody within their reach
 * (in a transaction of its own, after the duty is committed).
 */
@Injectable()
export class SetDuty {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly directory: DirectoryRepository,
    private readonly dispatchWaiting: DispatchWaiting,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('directory');
  }

  async execute({ gridWorkerId, gridId, onDuty }: SetDutyCommand): Promise<{ id: string; gridId: string; onDuty: boolean }> {
    const worker = await this.unitOfWork.run(async () => {
      const found = await this.directory.findWorker(gridWorkerId);
      if (!found || found.retired || (gridId !== undefined && found.gridId !== gridId)) throw DomainError.notFound('grid worker', gridWorkerId);
      await this.directory.setOnDuty(found.id, onDuty);
      return found;
    });
    if (onDuty) {
      const dispatched = await this.dispatchWaiting.execute({ gridWorkerId: worker.id });
      if (dispatched > 0) this.logger.info({ gridWorkerId: worker.id, dispatched }, 'waiting tickets dispatched');
    }
    return { id: worker.id, gridId: worker.gridId, onDuty };
  }
}
