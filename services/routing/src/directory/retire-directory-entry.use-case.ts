import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { DirectoryKind } from '@grievance/contracts';
import { actorOf } from './directory-change';
import { StoredEntry } from './directory-entries';
import { DirectoryChange } from './directory-change';

/** Retires a directory entry of any kind (it stays in the lists as history, unused for new work). */
@Injectable()
export class RetireDirectoryEntry {
  constructor(private readonly change: DirectoryChange) {}

  execute(principal: Principal, kind: DirectoryKind, id: string, expectedVersion?: number): Promise<StoredEntry> {
    return this.change.run((tx, writer) => writer.retire(tx, kind, id, { actor: actorOf(principal), expectedVersion }));
  }
}
