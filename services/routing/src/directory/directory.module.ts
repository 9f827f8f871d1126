import { Module } from '@nestjs/common';
import { DepartmentTopics } from './department-topics';
import { CreateDepartment } from './create-department.use-case';
import { CreateGridWorker } from './create-grid-worker.use-case';
import { CreateOrgUnit } from './create-org-unit.use-case';
import { CreateStation } from './create-station.use-case';
import { DirectoryChange } from './directory-change';
import { ListDirectoryEntries } from './list-directory-entries.use-case';
import { ListGridWorkers } from './list-grid-workers.use-case';
import { PutCategoryRoute } from './put-category-route.use-case';
import { PutFallbackOwner } from './put-fallback-owner.use-case';
import { RetireDirectoryEntry } from './retire-directory-entry.use-case';
import { RetireOrgUnit } from './retire-org-unit.use-case';
import { UpdateDepartment } from './update-department.use-case';
import { UpdateGridWorker } from './update-grid-worker.use-case';
import { UpdateOrgUnit } from './update-org-unit.use-case';
import { UpdateStation } from './update-station.use-case';
import { DirectoryBootstrap } from './directory-bootstrap';
import { DirectoryController } from './directory.controller';
import { DirectoryEntriesRepository } from './directory-entries.repository';
import { DirectoryRepository } from './directory.repository';
import { DirectoryWriter } from './directory-writer';
import { RoutingDirectoryCache } from './routing-directory.cache';

/** The organisation directory: geography, departments, categories and routes, the party chain. */
@Module({
  controllers: [DirectoryController],
  providers: [
    DirectoryRepository,
    DirectoryEntriesRepository,
    DirectoryWriter,
    DirectoryChange,
    DepartmentTopics,
    RoutingDirectoryCache,
    DirectoryBootstrap,
    ListDirectoryEntries,
    ListGridWorkers,
    CreateDepartment,
    UpdateDepartment,
    CreateOrgUnit,
    UpdateOrgUnit,
    RetireOrgUnit,
    CreateGridWorker,
    UpdateGridWorker,
    CreateStation,
    UpdateStation,
    PutCategoryRoute,
    PutFallbackOwner,
    RetireDirectoryEntry,
  ],
  exports: [DirectoryRepository, DirectoryWriter, DepartmentTopics, RoutingDirectoryCache],
})
export class DirectoryModule {}
