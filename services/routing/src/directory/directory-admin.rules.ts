import { EntryState, fallbackEntryId, routeEntryId } from './directory-entries';
import { OrgUnitLevel } from './directory.entities';
import { CategoryRouteDto, FallbackOwnerDto, UpdateGridWorkerDto, UpdateOrgUnitDto, UpdateStationDto } from './directory-admin.dto';

// What the admin API's bodies are as directory entries, and how the directory's levels nest.

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

/** The API's org unit body as a directory entry. */
export function orgUnitState(id: string, level: OrgUnitLevel, dto: UpdateOrgUnitDto): EntryState {
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
