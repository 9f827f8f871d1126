import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { EntityManager } from 'typeorm';
import { DepartmentTopics } from './department-topics';
import {
  CategoryEntity,
  CategoryRouteEntity,
  CITY_SCOPE,
  DepartmentEntity,
  FallbackOwnerEntity,
  OrgUnitEntity,
  OrgUnitLevel,
} from './directory.entities';
import {
  CategoryRouteDto,
  CreateDepartmentDto,
  CreateOrgUnitDto,
  FallbackOwnerDto,
  UpdateDepartmentDto,
  UpdateOrgUnitDto,
} from './directory-admin.dto';
import { RoutingDirectoryCache } from './routing-directory.cache';

/** The level a unit's parent must have (null: a root). */
export const PARENT_LEVEL: Readonly<Record<OrgUnitLevel, OrgUnitLevel | null>> = {
  district: null,
  street: 'district',
  community: 'street',
  grid: 'community',
  two_new_committee: null,
  industry_committee: 'two_new_committee',
  branch: 'industry_committee',
  member: 'branch',
};

/** What an admin changes in the directory. Each change drops routing's cached directory. */
@Injectable()
export class DirectoryAdmin {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly topics: DepartmentTopics,
    private readonly cache: RoutingDirectoryCache,
  ) {}

  async createDepartment(dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    const department = await this.change(async (manager) => {
      const repo = manager.getRepository(DepartmentEntity);
      if (await repo.findOneBy({ code: dto.code })) throw DomainError.conflict(`department ${dto.code} exists`);
      await repo.insert({ code: dto.code, name: dto.name });
      return repo.findOneByOrFail({ code: dto.code });
    });
    await this.topics.ensure([department.code]);
    return department;
  }

  updateDepartment(code: string, dto: UpdateDepartmentDto): Promise<DepartmentEntity> {
    return this.change(async (manager) => {
      const repo = manager.getRepository(DepartmentEntity);
      const department = await repo.findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!department) throw DomainError.notFound('department', code);
      department.name = dto.name;
      return repo.save(department);
    });
  }

  createOrgUnit(dto: CreateOrgUnitDto): Promise<OrgUnitEntity> {
    return this.change(async (manager) => {
      const repo = manager.getRepository(OrgUnitEntity);
      if (await repo.findOneBy({ id: dto.id })) throw DomainError.conflict(`org unit ${dto.id} exists`);
      await this.checkShape(manager, dto.level, dto.parentId ?? null, dto.polygon !== undefined);
      const unit = repo.create({
        id: dto.id,
        level: dto.level,
        name: dto.name,
        parentId: dto.parentId ?? null,
        attributes: dto.attributes ?? {},
        polygon: dto.polygon ? { type: 'Polygon', coordinates: dto.polygon.coordinates } : null,
      });
      await repo.save(unit);
      return repo.findOneByOrFail({ id: dto.id });
    });
  }

  updateOrgUnit(id: string, dto: UpdateOrgUnitDto): Promise<OrgUnitEntity> {
    return this.change(async (manager) => {
      const repo = manager.getRepository(OrgUnitEntity);
      const unit = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw DomainError.notFound('org unit', id);
      const parentId = dto.parentId ?? unit.parentId;
      await this.checkShape(manager, unit.level, parentId, dto.polygon !== undefined || unit.polygon !== null);
      unit.name = dto.name;
      unit.parentId = parentId;
      if (dto.attributes) unit.attributes = dto.attributes;
      if (dto.polygon) unit.polygon = { type: 'Polygon', coordinates: dto.polygon.coordinates };
      return repo.save(unit);
    });
  }

  putCategoryRoute(dto: CategoryRouteDto): Promise<CategoryRouteEntity> {
    return this.change(async (manager) => {
      await this.mustExist(manager, CategoryEntity, { code: dto.category }, 'category');
      await this.mustExist(manager, OrgUnitEntity, { id: dto.districtId, level: 'district' }, 'districtId');
      await this.mustExist(manager, DepartmentEntity, { code: dto.departmentCode }, 'departmentCode');
      const repo = manager.getRepository(CategoryRouteEntity);
      await repo.upsert(
        { category: dto.category, districtId: dto.districtId, departmentCode: dto.departmentCode },
        { conflictPaths: ['category', 'districtId'] },
      );
      return repo.findOneByOrFail({ category: dto.category, districtId: dto.districtId });
    });
  }

  putFallbackOwner(dto: FallbackOwnerDto): Promise<{ districtId: string | null; departmentCode: string }> {
    return this.change(async (manager) => {
      if (dto.districtId) await this.mustExist(manager, OrgUnitEntity, { id: dto.districtId, level: 'district' }, 'districtId');
      await this.mustExist(manager, DepartmentEntity, { code: dto.departmentCode }, 'departmentCode');
      await manager
        .getRepository(FallbackOwnerEntity)
        .upsert({ scope: dto.districtId ?? CITY_SCOPE, departmentCode: dto.departmentCode }, { conflictPaths: ['scope'] });
      return { districtId: dto.districtId ?? null, departmentCode: dto.departmentCode };
    });
  }

  private async change<R>(work: (manager: EntityManager) => Promise<R>): Promise<R> {
    const result = await this.outbox.run((tx) => work(tx.manager));
    this.cache.invalidate();
    return result;
  }

  private async checkShape(manager: EntityManager, level: OrgUnitLevel, parentId: string | null, hasPolygon: boolean): Promise<void> {
    const parentLevel = PARENT_LEVEL[level];
    if (parentLevel === null && parentId) throw DomainError.invalid(`a ${level} has no parent`, { field: 'parentId' });
    if (parentLevel !== null) {
      if (!parentId) throw DomainError.invalid(`a ${level} needs a parentId (a ${parentLevel})`, { field: 'parentId' });
      const parent = await manager.getRepository(OrgUnitEntity).findOneBy({ id: parentId });
      if (!parent || parent.level !== parentLevel) {
        throw DomainError.invalid(`parentId ${parentId} is not a ${parentLevel}`, { field: 'parentId' });
      }
    }
    if (level === 'grid' && !hasPolygon) throw DomainError.invalid('a grid needs a polygon', { field: 'polygon' });
  }

  private async mustExist<T extends object>(manager: EntityManager, entity: new () => T, where: object, field: string): Promise<void> {
    if (!(await manager.getRepository(entity).findOneBy(where))) {
      throw DomainError.invalid(`${field} does not name a known entry`, { field });
    }
  }
}
