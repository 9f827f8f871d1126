import { Injectable } from '@nestjs/common';
import { DirectoryKind } from '@grievance/contracts';
import { DataSource } from 'typeorm';
import { entriesOf, StoredEntry } from './directory-entries';

/** The directory's entries of some kinds (of one parent, when given), retired ones too: they are history. */
@Injectable()
export class ListDirectoryEntries {
  constructor(private readonly dataSource: DataSource) {}

  async execute(kinds: readonly DirectoryKind[], parentId?: string): Promise<StoredEntry[]> {
    const lists = await Promise.all(kinds.map((kind) => entriesOf(this.dataSource.manager, kind, parentId)));
    return lists.flat();
  }
}
