import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { orgUnitState } from './directory-admin.rules';
import { CreateOrgUnitDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Adds an org unit under a live parent of the level above (409 when the id exists). */
@Injectable()
export class CreateOrgUnit {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, dto: CreateOrgUnitDto): Promise<StoredEntry> {
    return this.change.put(principal, orgUnitState(dto.id, dto.level, dto), { mustBeNew: true, expectedVersion: dto.expectedVersion });
  }
}
