import { Injectable } from '@nestjs/common';
import { DirectoryKind } from '@grievance/contracts';
import { StoredEntry } from './directory-entries';
import { DirectoryEntriesRepository } from './directory-entries.repository';

/** The directory's entries of some kinds (of one parent, when given), retired ones too: they are history. */
@Injectable()
export class ListDirectoryEntries {
  constructor(private readonly entries: DirectoryEntriesRepository) {}

  async execute(kinds: readonly DirectoryKind[], parentId?: string): Promise<StoredEntry[]> {
    const lists = await Promise.all(kinds.map((kind) => this.entries.of(kind, parentId)));
    return lists.flat();
  }
}
