import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { UpdateDepartmentDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Renames a department. */
@Injectable()
export class UpdateDepartment {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, code: string, dto: UpdateDepartmentDto): Promise<StoredEntry> {
    return this.change.put(principal, { kind: 'department', id: code, name: dto.name }, { mustExist: true, expectedVersion: dto.expectedVersion });
  }
}
