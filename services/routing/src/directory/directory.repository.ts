import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  CategoryEntity,
  CategoryRouteEntity,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
  OrgUnitLevel,
} from './directory.entities';
import type { DirectoryTables } from '../decision/routing-data';

/** The only code that reads the directory tables. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  departments(manager: EntityManager = this.dataSource.manager): Promise<DepartmentEntity[]> {
    return manager.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  }

  department(code: string, manager: EntityManager = this.dataSource.manager): Promise<DepartmentEntity | null> {
    return manager.getRepository(DepartmentEntity).findOneBy({ code });
  }

  orgUnits(level?: OrgUnitLevel, manager: EntityManager = this.dataSource.manager): Promise<OrgUnitEntity[]> {
    return manager.getRepository(OrgUnitEntity).find({ where: level ? { level } : {}, order: { level: 'ASC', id: 'ASC' } });
  }

  /** Everything routing decides with: live entries only (retired ones are history). */
  async routingTables(manager: EntityManager = this.dataSource.manager): Promise<DirectoryTables> {
    const [orgUnits, departments, categories, routes, fallbackOwners] = await Promise.all([
      manager
        .getRepository(OrgUnitEntity)
        .createQueryBuilder('u')
        .select(['u.id', 'u.level', 'u.name', 'u.parentId', 'u.polygon'])
        .where('u.level IN (:...levels) AND NOT u.retired', { levels: ['district', 'street', 'community', 'grid'] })
        .getMany(),
      manager.getRepository(DepartmentEntity).find({ where: { retired: false } }),
      manager.getRepository(CategoryEntity).find({ where: { retired: false } }),
      manager.getRepository(CategoryRouteEntity).find({ where: { retired: false } }),
      manager.getRepository(FallbackOwnerEntity).find({ where: { retired: false } }),
    ]);
    return { orgUnits, departments, categories, routes, fallbackOwners };
  }
}
