import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { Actor } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { EntryState, StoredEntry } from './directory-entries';
import { ChangeOptions, DirectoryWriter } from './directory-writer';
import { RoutingDirectoryCache } from './routing-directory.cache';

export const actorOf = (principal: Principal): Actor => ({ id: principal.sub, role: principal.role });

/**
 * How an admin's change reaches the directory: through the one writer (checked, versioned,
 * published as directory.entry-changed.v1 in the same transaction); a change that changed
 * something drops routing's cached directory.
 */
@Injectable()
export class DirectoryChange {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly writer: DirectoryWriter,
    private readonly cache: RoutingDirectoryCache,
  ) {}

  /** Writes the entry as the admin states it. */
  put(principal: Principal, state: EntryState, options: Omit<ChangeOptions, 'actor'>): Promise<StoredEntry> {
    return this.run((tx) => this.writer.put(tx, state, { ...options, actor: actorOf(principal) }));
  }

  async run(work: (tx: OutboxTransaction, writer: DirectoryWriter) => Promise<{ entry: StoredEntry; changed: boolean }>): Promise<StoredEntry> {
    const result = await this.outbox.run((tx) => work(tx, this.writer));
    if (result.changed) this.cache.invalidate();
    return result.entry;
  }
}
