import { Injectable } from '@nestjs/common';
import { DomainError } from '@grievance/platform';
import { DataSource } from 'typeorm';
import { entriesOf, loadEntry, StoredEntry } from './directory-entries';

/** Grid workers (网格员), of one grid when `gridId` names one (a 400 naming the field when there is no such grid). */
@Injectable()
export class ListGridWorkers {
  constructor(private readonly dataSource: DataSource) {}

  async execute(gridId?: string): Promise<StoredEntry[]> {
    if (gridId && !(await loadEntry(this.dataSource.manager, 'grid', gridId))) {
      throw DomainError.invalid(`gridId: there is no grid ${gridId}`, { field: 'gridId' }, { key: 'error.directory.noSuchGrid', params: { gridId } });
    }
    return entriesOf(this.dataSource.manager, 'grid_worker', gridId);
  }
}
