import { Injectable } from '@nestjs/common';
import { RoutingDirectory } from '../decision/route-decision';
import { routingDataFrom } from '../decision/routing-data';
import { DirectoryRepository } from './directory.repository';

const MAX_AGE_MS = 10_000;

/**
 * The directory as routing reads it, built from the tables and kept for a few seconds
 * (the spatial index is not rebuilt per event); dropped at once when this process
 * changes the directory.
 */
@Injectable()
export class RoutingDirectoryCache {
  private current?: { directory: Promise<RoutingDirectory>; builtAt: number };

  constructor(private readonly repository: DirectoryRepository) {}

  get(now = Date.now()): Promise<RoutingDirectory> {
    if (!this.current || now - this.current.builtAt > MAX_AGE_MS) {
      const directory = this.repository.routingTables().then((tables) => new RoutingDirectory(routingDataFrom(tables)));
      const entry = { directory, builtAt: now };
      this.current = entry;
      directory.catch(() => {
        if (this.current === entry) this.current = undefined;
      });
    }
    return this.current.directory;
  }

  invalidate(): void {
    this.current = undefined;
  }
}
