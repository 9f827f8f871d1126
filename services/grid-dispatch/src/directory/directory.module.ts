import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { ApplyDirectoryChange } from './apply-directory-change.use-case';
import { DirectoryController } from './directory.controller';
import { DirectoryRepository } from './directory.repository';
import { FindGrids } from './find-grids.use-case';
import { GridIndex } from './grid-index';
import { ListGridWorkers } from './list-grid-workers.use-case';
import { GetDuty } from './get-duty.use-case';
import { SetDuty } from './set-duty.use-case';

/** This service's copy of routing's directory (grids, grid workers, streets, communities): applied from its topic, looked up by point, on and off duty. */
@Module({
  imports: [DispatchModule],
  controllers: [DirectoryController],
  providers: [DirectoryRepository, GridIndex, ApplyDirectoryChange, FindGrids, ListGridWorkers, GetDuty, SetDuty],
  exports: [ApplyDirectoryChange],
})
export class DirectoryModule {}
