import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DepartmentTopics } from './department-topics';
import { DirectoryRepository } from './directory.repository';

/**
 * At start: makes sure every live department's topic exists. An unreachable broker only
 * delays them (they are ensured again before anything is published on them). The directory
 * itself is loaded by `npm run directory:import` and changed through the admin API; routing
 * reads no seed file.
 */
@Injectable()
export class DirectoryBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('directory');
  }

  async onApplicationBootstrap(): Promise<void> {
    const codes = (await this.repository.routingTables()).departments.map((d) => d.code);
    await this.topics
      .ensure(codes)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not create the department topics yet; will retry before publishing'));
  }
}
