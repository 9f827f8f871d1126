import { Module } from '@nestjs/common';
import { DepartmentTopics } from './department-topics';
import { DirectoryAdmin } from './directory-admin.use-cases';
import { DirectoryBootstrap } from './directory-bootstrap';
import { DirectoryController } from './directory.controller';
import { DirectoryRepository } from './directory.repository';
import { DirectoryWriter } from './directory-writer';
import { RoutingDirectoryCache } from './routing-directory.cache';

/** The organisation directory: geography, departments, categories and routes, the party chain. */
@Module({
  controllers: [DirectoryController],
  providers: [DirectoryRepository, DirectoryWriter, DirectoryAdmin, DepartmentTopics, RoutingDirectoryCache, DirectoryBootstrap],
  exports: [DirectoryRepository, DirectoryWriter, DepartmentTopics, RoutingDirectoryCache],
})
export class DirectoryModule {}
