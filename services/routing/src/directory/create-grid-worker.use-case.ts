import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { gridWorkerState } from './directory-admin.rules';
import { CreateGridWorkerDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Adds a grid worker (网格员) to a live grid (409 when the id exists). */
@Injectable()
export class CreateGridWorker {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, dto: CreateGridWorkerDto): Promise<StoredEntry> {
    return this.change.put(principal, gridWorkerState(dto.id, dto), { mustBeNew: true, expectedVersion: dto.expectedVersion, parentField: 'gridId' });
  }
}
