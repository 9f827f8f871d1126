import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { DepartmentTopics } from './department-topics';
import { CreateDepartmentDto } from './directory-admin.dto';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Adds a department: its topic department.<code>.issues.v1 first, then the entry (409 when the code exists). */
@Injectable()
export class CreateDepartment {
  constructor(
    private readonly change: DirectoryChange,
    private readonly topics: DepartmentTopics,
  ) {}

  async execute(principal: Principal, dto: CreateDepartmentDto): Promise<StoredEntry> {
    // The topic first: a department must never hold a grievance its systems cannot be sent.
    await this.topics.ensure([dto.code]);
    return this.change.put(principal, { kind: 'department', id: dto.code, name: dto.name }, { mustBeNew: true, expectedVersion: undefined });
  }
}
