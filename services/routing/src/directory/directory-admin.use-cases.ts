import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { Actor, DirectoryKind } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { DepartmentTopics } from './department-topics';
import { EntryState, fallbackEntryId, loadEntry, orgUnitLevelOf, routeEntryId, StoredEntry } from './directory-entries';
import { ChangeOptions, DirectoryWriter } from './directory-writer';
import { OrgUnitLevel } from './directory.entities';
import {
  CategoryRouteDto,
  CreateDepartmentDto,
  CreateGridWorkerDto,
  CreateOrgUnitDto,
  CreateStationDto,
  FallbackOwnerDto,
  UpdateDepartmentDto,
  UpdateGridWorkerDto,
  UpdateOrgUnitDto,
  UpdateStationDto,
} from './directory-admin.dto';
import { RoutingDirectoryCache } from './routing-directory.cache';

/** The level a unit's parent must have (null: a root). */
export const PARENT_LEVEL: Readonly<Record<OrgUnitLevel, OrgUnitLevel | null>> = {
  district: null,
  street: 'district',
  community: 'street',
  grid: 'community',
  grid_worker: 'grid',
  station: 'district',
  two_new_committee: null,
  industry_committee: 'two_new_committee',
  branch: 'industry_committee',
  member: 'branch',
};

const actorOf = (principal: Principal): Actor => ({ id: principal.sub, role: principal.role });

/** The API's org unit body as a directory entry. */
function orgUnitState(id: string, level: OrgUnitLevel, dto: UpdateOrgUnitDto): EntryState {
  return { kind: level, id, name: dto.name, parentId: dto.parentId ?? null, polygon: dto.polygon ?? null, attributes: dto.attributes ?? {} };
}

export function gridWorkerState(id: string, dto: UpdateGridWorkerDto): EntryState {
  return {
    kind: 'grid_worker',
    id,
    name: dto.name,
    parentId: dto.gridId,
    phone: dto.phone ?? null,
    partTime: dto.employment === 'part_time',
    attributes: { workerId: dto.workerId ?? null, stationId: dto.stationId ?? null },
  };
}

export function stationState(id: string, dto: UpdateStationDto): EntryState {
  return {
    kind: 'station',
    id,
    name: dto.name,
    parentId: dto.districtId,
    phone: dto.phone ?? null,
    attributes: { address: dto.address, hours: dto.hours, staff: dto.staff ?? [] },
  };
}

export function routeState(dto: CategoryRouteDto): EntryState {
  return {
    kind: 'category_route',
    id: routeEntryId(dto.category, dto.districtId),
    attributes: { category: dto.category, districtId: dto.districtId, departmentCode: dto.departmentCode },
  };
}

export function fallbackState(dto: FallbackOwnerDto): EntryState {
  return { kind: 'fallback_owner', id: fallbackEntryId(dto.districtId), attributes: { districtId: dto.districtId ?? null, departmentCode: dto.departmentCode } };
}

/**
 * What an admin changes in the directory, each change through the one writer (checked,
 * versioned, published as directory.entry-changed.v1 in the same transaction). Each
 * change drops routing's cached directory.
 */
@Injectable()
export class DirectoryAdmin {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly writer: DirectoryWriter,
    private readonly topics: DepartmentTopics,
    private readonly cache: RoutingDirectoryCache,
  ) {}

  async createDepartment(principal: Principal, dto: CreateDepartmentDto): Promise<StoredEntry> {
    // The topic first: a department must never hold a grievance its systems cannot be sent.
    await this.topics.ensure([dto.code]);
    return this.put(principal, { kind: 'department', id: dto.code, name: dto.name }, { mustBeNew: true, expectedVersion: undefined });
  }

  updateDepartment(principal: Principal, code: string, dto: UpdateDepartmentDto): Promise<StoredEntry> {
    return this.put(principal, { kind: 'department', id: code, name: dto.name }, { mustExist: true, expectedVersion: dto.expectedVersion });
  }

  createOrgUnit(principal: Principal, dto: CreateOrgUnitDto): Promise<StoredEntry> {
    return this.put(principal, orgUnitState(dto.id, dto.level, dto), { mustBeNew: true, expectedVersion: dto.expectedVersion });
  }

  /** Renames, moves or redraws an org unit of whatever level it has. */
  updateOrgUnit(principal: Principal, id: string, dto: UpdateOrgUnitDto): Promise<StoredEntry> {
    return this.change(async (tx) => {
      const level = await orgUnitLevelOf(tx.manager, id);
      // Grid workers and stations have resources of their own.
      if (!level || level === 'grid_worker' || level === 'station') throw DomainError.notFound('org unit', id);
      // What the body leaves out stays as it is (a rename keeps the parent and the polygon).
      const current = (await loadEntry(tx.manager, level, id))!.state;
      const next: EntryState = {
        ...current,
        name: dto.name,
        parentId: dto.parentId ?? current.parentId,
        polygon: dto.polygon ?? current.polygon,
        attributes: dto.attributes ?? current.attributes,
      };
      return this.writer.put(tx, next, { mustExist: true, expectedVersion: dto.expectedVersion, actor: actorOf(principal) });
    });
  }

  createGridWorker(principal: Principal, dto: CreateGridWorkerDto): Promise<StoredEntry> {
    return this.put(principal, gridWorkerState(dto.id, dto), { mustBeNew: true, expectedVersion: dto.expectedVersion, parentField: 'gridId' });
  }

  updateGridWorker(principal: Principal, id: string, dto: UpdateGridWorkerDto): Promise<StoredEntry> {
    return this.put(principal, gridWorkerState(id, dto), { mustExist: true, expectedVersion: dto.expectedVersion, parentField: 'gridId' });
  }

  createStation(principal: Principal, dto: CreateStationDto): Promise<StoredEntry> {
    return this.put(principal, stationState(dto.id, dto), { mustBeNew: true, expectedVersion: dto.expectedVersion, parentField: 'districtId' });
  }

  updateStation(principal: Principal, id: string, dto: UpdateStationDto): Promise<StoredEntry> {
    return this.put(principal, stationState(id, dto), { mustExist: true, expectedVersion: dto.expectedVersion, parentField: 'districtId' });
  }

  putCategoryRoute(principal: Principal, dto: CategoryRouteDto): Promise<StoredEntry> {
    return this.put(principal, routeState(dto), { expectedVersion: dto.expectedVersion });
  }

  putFallbackOwner(principal: Principal, dto: FallbackOwnerDto): Promise<StoredEntry> {
    return this.put(principal, fallbackState(dto), { expectedVersion: dto.expectedVersion });
  }

  retire(principal: Principal, kind: DirectoryKind, id: string, expectedVersion?: number): Promise<StoredEntry> {
    return this.change((tx) => this.writer.retire(tx, kind, id, { actor: actorOf(principal), expectedVersion }));
  }

  private put(principal: Principal, state: EntryState, options: Omit<ChangeOptions, 'actor'>): Promise<StoredEntry> {
    return this.change((tx) => this.writer.put(tx, state, { ...options, actor: actorOf(principal) }));
  }

  private async change(work: (tx: OutboxTransaction) => Promise<{ entry: StoredEntry; changed: boolean }>): Promise<StoredEntry> {
    const result = await this.outbox.run(work);
    if (result.changed) this.cache.invalidate();
    return result.entry;
  }
}
