import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SYSTEM_ACTOR } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { DepartmentTopics } from './department-topics';
import { DirectoryEntriesRepository } from './directory-entries.repository';
import { DirectoryWriter } from './directory-writer';
import { DirectoryRepository } from './directory.repository';

/**
 * At start: publishes the entries an older routing stored without publishing them (once),
 * then makes sure every live department's topic exists. An unreachable broker only delays
 * the topics (they are ensured again before anything is published on them). The directory
 * itself is loaded by `npm run directory:import` and changed through the admin API; routing
 * reads no seed file.
 */
@Injectable()
export class DirectoryBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly entries: DirectoryEntriesRepository,
    private readonly topics: DepartmentTopics,
    private readonly outbox: TransactionalOutbox,
    private readonly writer: DirectoryWriter,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('directory');
  }

  async onApplicationBootstrap(): Promise<void> {
    const published = await this.outbox.run(async (tx) => {
      // Replicas starting together take turns; the second finds nothing left at version 0.
      await this.entries.takeTurn('routing:directory-publish');
      return this.writer.publishUnpublished(tx, SYSTEM_ACTOR);
    });
    if (published > 0) this.logger.info({ published }, 'directory entries stored before the directory topic published');
    const codes = (await this.repository.routingTables()).departments.map((d) => d.code);
    await this.topics
      .ensure(codes)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not create the department topics yet; will retry before publishing'));
  }
}
