import { Injectable } from '@nestjs/common';
import { DomainError } from '@grievance/platform';
import { StoredEntry } from './directory-entries';
import { DirectoryEntriesRepository } from './directory-entries.repository';

/** Grid workers (网格员), of one grid when `gridId` names one (a 400 naming the field when there is no such grid). */
@Injectable()
export class ListGridWorkers {
  constructor(private readonly entries: DirectoryEntriesRepository) {}

  async execute(gridId?: string): Promise<StoredEntry[]> {
    if (gridId && !(await this.entries.load('grid', gridId))) {
      throw DomainError.invalid(`gridId: there is no grid ${gridId}`, { field: 'gridId' }, { key: 'error.directory.noSuchGrid', params: { gridId } });
    }
    return this.entries.of('grid_worker', gridId);
  }
}
