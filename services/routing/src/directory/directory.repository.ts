import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CategoryEntity,
  CategoryRouteEntity,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
} from './directory.entities';
import type { DirectoryTables } from '../decision/routing-data';
import { managerInUnitOfWork } from '../unit-of-work-manager';

/** The directory as routing decides with it: live entries only (every entry, retired ones too: DirectoryEntriesRepository). */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A live department (a retired one takes no new work). */
  department(code: string): Promise<DepartmentEntity | null> {
    return managerInUnitOfWork(this.dataSource).getRepository(DepartmentEntity).findOneBy({ code, retired: false });
  }

  /**
   * The district's supervising office (督办): the live department its directory entry names
   * (`attributes.supervisingOffice`); null when it names none, or one that is retired.
   */
  async supervisingOffice(districtId: string): Promise<DepartmentEntity | null> {
    const district = await managerInUnitOfWork(this.dataSource).getRepository(OrgUnitEntity).findOneBy({ id: districtId, level: 'district', retired: false });
    const code = district?.attributes?.supervisingOffice;
    return typeof code === 'string' && code ? this.department(code) : null;
  }

  /**
   * Everything routing decides with: live entries only (retired ones are history). Read from the
   * data source, outside any unit of work: what it returns is cached and shared, so it is never
   * built from one transaction's uncommitted changes.
   */
  async routingTables(): Promise<DirectoryTables> {
    const manager = this.dataSource.manager;
    const orgUnits = await manager
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.level', 'u.name', 'u.parentId', 'u.polygon'])
      .where('u.level IN (:...levels) AND NOT u.retired', { levels: ['district', 'street', 'community', 'grid'] })
      .getMany();
    const departments = await manager.getRepository(DepartmentEntity).find({ where: { retired: false } });
    const categories = await manager.getRepository(CategoryEntity).find({ where: { retired: false } });
    const routes = await manager.getRepository(CategoryRouteEntity).find({ where: { retired: false } });
    const fallbackOwners = await manager.getRepository(FallbackOwnerEntity).find({ where: { retired: false } });
    return { orgUnits, departments, categories, routes, fallbackOwners };
  }
}
