import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { DomainError } from '@grievance/platform';
import { StoredEntry } from './directory-entries';
import { DirectoryEntriesRepository } from './directory-entries.repository';
import { RetireDirectoryEntry } from './retire-directory-entry.use-case';

/** Retires an org unit of whatever level it has (grid workers and stations are retired as themselves). */
@Injectable()
export class RetireOrgUnit {
  constructor(
    private readonly entries: DirectoryEntriesRepository,
    private readonly retire: RetireDirectoryEntry,
  ) {}

  async execute(principal: Principal, id: string, expectedVersion?: number): Promise<StoredEntry> {
    const level = await this.entries.orgUnitLevelOf(id);
    if (!level || level === 'grid_worker' || level === 'station') throw DomainError.notFound('org unit', id);
    return this.retire.execute(principal, level, id, expectedVersion);
  }
}
