import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { gridWorkerState } from './directory-admin.rules';
import { UpdateGridWorkerDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Changes a grid worker (name, grid, phone, employment, station). */
@Injectable()
export class UpdateGridWorker {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, id: string, dto: UpdateGridWorkerDto): Promise<StoredEntry> {
    return this.change.put(principal, gridWorkerState(id, dto), { mustExist: true, expectedVersion: dto.expectedVersion, parentField: 'gridId' });
  }
}
