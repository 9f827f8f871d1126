import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { DomainError } from '@grievance/platform';
import { actorOf } from './directory-change';
import { UpdateOrgUnitDto } from './directory-admin.dto';
import { EntryState, StoredEntry } from './directory-entries';
import { DirectoryEntriesRepository } from './directory-entries.repository';
import { DirectoryChange } from './directory-change';

/** Renames, moves or redraws an org unit of whatever level it has; what the body leaves out stays as it is. */
@Injectable()
export class UpdateOrgUnit {
  constructor(
    private readonly change: DirectoryChange,
    private readonly entries: DirectoryEntriesRepository,
  ) {}

  execute(principal: Principal, id: string, dto: UpdateOrgUnitDto): Promise<StoredEntry> {
    return this.change.run(async (tx, writer) => {
      const level = await this.entries.orgUnitLevelOf(id);
      // Grid workers and stations have resources of their own.
      if (!level || level === 'grid_worker' || level === 'station') throw DomainError.notFound('org unit', id);
      // What the body leaves out stays as it is (a rename keeps the parent and the polygon).
      const current = (await this.entries.load(level, id))!.state;
      const next: EntryState = {
        ...current,
        name: dto.name,
        parentId: dto.parentId ?? current.parentId,
        polygon: dto.polygon ?? current.polygon,
        attributes: dto.attributes ?? current.attributes,
      };
      return writer.put(tx, next, { mustExist: true, expectedVersion: dto.expectedVersion, actor: actorOf(principal) });
    });
  }
}
