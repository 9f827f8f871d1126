import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { RoutingConfig } from '../config';
import { DepartmentTopics } from './department-topics';
import { applyDirectorySeed } from './directory-seeder';
import { DirectoryRepository } from './directory.repository';
import { RoutingDirectoryCache } from './routing-directory.cache';
import { readDirectorySeed } from '@grievance/directory-seed';

/**
 * At start: upserts the seed file (DIRECTORY_SEED_FILE; the demo city in development)
 * into the directory, then makes sure every department's topic exists. A bad seed file
 * stops the start; an unreachable broker only delays the topics (they are ensured again
 * before anything is published on them).
 */
@Injectable()
export class DirectoryBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly config: RoutingConfig,
    private readonly dataSource: DataSource,
    private readonly repository: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly cache: RoutingDirectoryCache,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('directory');
  }

  async onApplicationBootstrap(): Promise<void> {
    const file = this.config.seedFile();
    if (file) {
      const seed = readDirectorySeed(file);
      const summary = await this.dataSource.transaction((manager) => applyDirectorySeed(manager, seed));
      this.cache.invalidate();
      this.logger.info({ file, orgUnits: summary.orgUnits, departments: summary.departments.length }, 'directory seed loaded');
    }
    const codes = (await this.repository.departments()).map((d) => d.code);
    await this.topics
      .ensure(codes)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not create the department topics yet; will retry before publishing'));
  }
}
