import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { DomainError } from '@grievance/platform';
import { DataSource } from 'typeorm';
import { orgUnitLevelOf, StoredEntry } from './directory-entries';
import { RetireDirectoryEntry } from './retire-directory-entry.use-case';

/** Retires an org unit of whatever level it has (grid workers and stations are retired as themselves). */
@Injectable()
export class RetireOrgUnit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retire: RetireDirectoryEntry,
  ) {}

  async execute(principal: Principal, id: string, expectedVersion?: number): Promise<StoredEntry> {
    const level = await orgUnitLevelOf(this.dataSource.manager, id);
    if (!level || level === 'grid_worker' || level === 'station') throw DomainError.notFound('org unit', id);
    return this.retire.execute(principal, level, id, expectedVersion);
  }
}
