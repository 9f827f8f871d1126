import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { PolygonView } from '@grievance/platform';
import { routeEntryId, StoredEntry } from './directory-entries';
import { OrgUnitLevel } from './directory.entities';
import {
  CategoryRouteDto,
  CreateDepartmentDto,
  CreateGridWorkerDto,
  CreateOrgUnitDto,
  CreateStationDto,
  DEPARTMENT_CODE,
  FallbackOwnerDto,
  ORG_UNIT_ID,
  RetireDto,
  RetireRouteDto,
  UpdateDepartmentDto,
  UpdateGridWorkerDto,
  UpdateOrgUnitDto,
  UpdateStationDto,
} from './directory-admin.dto';
import { CreateDepartment } from './create-department.use-case';
import { CreateGridWorker } from './create-grid-worker.use-case';
import { CreateOrgUnit } from './create-org-unit.use-case';
import { CreateStation } from './create-station.use-case';
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
import {
  CategoryRoutesView,
  CategoryRouteView,
  DepartmentsView,
  DepartmentView,
  DirectoryCategoriesView,
  DirectoryCategoryView,
  FallbackOwnersView,
  FallbackOwnerView,
  GridWorkerEntryView,
  GridWorkersView,
  OrgUnitAttributes,
  OrgUnitsView,
  OrgUnitView,
  StationsView,
  StationView,
  UNIT_LEVELS,
} from './directory-views';

class OrgUnitsQuery {
  @ApiPropertyOptional({ enum: UNIT_LEVELS })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: OrgUnitLevel;
}

class GridWorkersQuery {
  @ApiPropertyOptional({ description: 'only the workers of this grid' })
  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'gridId must be a grid id' })
  gridId?: string;
}

class UnitIdParams {
  @ApiProperty({ description: 'the entry\'s id', pattern: ORG_UNIT_ID.source })
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'id must be lower-case letters, digits, _ and - (1 to 64)' })
  id!: string;
}

class CodeParams {
  @ApiProperty({ description: 'the department\'s code', pattern: DEPARTMENT_CODE.source })
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'code must be a department code' })
  code!: string;
}

class RetireFallbackOwnerDto extends RetireDto {
  /** A district, or `*` for the city's own fallback owner (named, so an empty body retires nothing). */
  @IsString()
  @Matches(/^(\*|[a-z0-9][a-z0-9_-]{0,63})$/, { message: 'districtId must be a district id, or * for the city' })
  districtId!: string;
}

const versioned = (e: StoredEntry) => ({ version: e.version, retired: e.retired });
const nameOf = (e: StoredEntry) => e.state.name ?? e.state.id;

export const departmentView = (e: StoredEntry): DepartmentView => ({ code: e.state.id, name: nameOf(e), ...versioned(e) });

export const orgUnitView = (e: StoredEntry): OrgUnitView => ({
  id: e.state.id,
  level: e.state.kind,
  name: nameOf(e),
  parentId: e.state.parentId ?? null,
  ...((e.state.attributes ?? {}) as OrgUnitAttributes),
  ...(e.state.polygon ? { polygon: e.state.polygon as PolygonView } : {}),
  ...versioned(e),
});

export const gridWorkerView = (e: StoredEntry): GridWorkerEntryView => ({
  id: e.state.id,
  name: nameOf(e),
  gridId: e.state.parentId ?? '',
  phone: e.state.phone ?? null,
  employment: e.state.partTime ? 'part_time' : 'full_time',
  workerId: (e.state.attributes?.workerId as string | null | undefined) ?? null,
  stationId: (e.state.attributes?.stationId as string | null | undefined) ?? null,
  ...versioned(e),
});

export const stationView = (e: StoredEntry): StationView => ({
  id: e.state.id,
  name: nameOf(e),
  districtId: e.state.parentId ?? '',
  ...(e.state.attributes as { address: string; hours: string; staff: string[] | null }),
  phone: e.state.phone ?? null,
  ...versioned(e),
});

export const routeView = (e: StoredEntry): CategoryRouteView => ({ ...(e.state.attributes as { category: string; districtId: string; departmentCode: string }), ...versioned(e) });

export const fallbackView = (e: StoredEntry): FallbackOwnerView => ({ ...(e.state.attributes as { districtId: string | null; departmentCode: string }), ...versioned(e) });

export const categoryView = (e: StoredEntry): DirectoryCategoryView => ({
  code: e.state.id,
  name: nameOf(e),
  ...(e.state.attributes as { kind: string | null; defaultDepartment: string | null }),
  ...versioned(e),
});

/**
 * The directory, with routing as its one owner: anyone signed in reads it (grid workers,
 * with their phones, only admins); an admin creates, updates (`expectedVersion`: 409 when
 * stale) and retires entries. Every change is published on directory.entry-changed.v1.
 * Lists hold retired entries too (`retired: true`): they are history, not used for new work.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/directory')
export class DirectoryController {
  constructor(
    private readonly listEntries: ListDirectoryEntries,
    private readonly listGridWorkers: ListGridWorkers,
    private readonly createDepartmentUseCase: CreateDepartment,
    private readonly updateDepartmentUseCase: UpdateDepartment,
    private readonly createOrgUnitUseCase: CreateOrgUnit,
    private readonly updateOrgUnitUseCase: UpdateOrgUnit,
    private readonly retireOrgUnitUseCase: RetireOrgUnit,
    private readonly createGridWorkerUseCase: CreateGridWorker,
    private readonly updateGridWorkerUseCase: UpdateGridWorker,
    private readonly createStationUseCase: CreateStation,
    private readonly updateStationUseCase: UpdateStation,
    private readonly putCategoryRouteUseCase: PutCategoryRoute,
    private readonly putFallbackOwnerUseCase: PutFallbackOwner,
    private readonly retireEntry: RetireDirectoryEntry,
  ) {}

  /** Every department, by code. */
  @Get('departments')
  @ApiOkResponse({ type: DepartmentsView })
  async departments(): Promise<DepartmentsView> {
    return { items: (await this.listEntries.execute(['department'])).map(departmentView) };
  }

  /** Adds a department (its topic department.<code>.issues.v1 is created). 409 when the code exists. */
  @Post('departments')
  @Roles('admin')
  @ApiCreatedResponse({ type: DepartmentView })
  async createDepartment(@CurrentPrincipal() principal: Principal, @Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    return departmentView(await this.createDepartmentUseCase.execute(principal, body));
  }

  /** Renames a department. */
  @Put('departments/:code')
  @Roles('admin')
  @ApiOkResponse({ type: DepartmentView })
  async updateDepartment(@CurrentPrincipal() principal: Principal, @Param() params: CodeParams, @Body() body: UpdateDepartmentDto): Promise<DepartmentView> {
    return departmentView(await this.updateDepartmentUseCase.execute(principal, params.code, body));
  }

  /** Retires a department no live route, fallback owner or category names any more. */
  @Post('departments/:code/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: DepartmentView })
  async retireDepartment(@CurrentPrincipal() principal: Principal, @Param() params: CodeParams, @Body() body: RetireDto): Promise<DepartmentView> {
    return departmentView(await this.retireEntry.execute(principal, 'department', params.code, body.expectedVersion));
  }

  /** The categories of grievances, with their kind and default department. */
  @Get('categories')
  @ApiOkResponse({ type: DirectoryCategoriesView })
  async categories(): Promise<DirectoryCategoriesView> {
    return { items: (await this.listEntries.execute(['category'])).map(categoryView) };
  }

  /** The directory's org units, optionally of one level (district ... grid, two_new_committee ... member). */
  @Get('org-units')
  @ApiOkResponse({ type: OrgUnitsView })
  async orgUnits(@Query() query: OrgUnitsQuery): Promise<OrgUnitsView> {
    return { items: (await this.listEntries.execute(query.level ? [query.level] : UNIT_LEVELS)).map(orgUnitView) };
  }

  /** Adds an org unit under a live parent of the level above (a grid needs a polygon that overlaps no other grid). 409 when the id exists. */
  @Post('org-units')
  @Roles('admin')
  @ApiCreatedResponse({ type: OrgUnitView })
  async createOrgUnit(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrgUnitDto): Promise<OrgUnitView> {
    return orgUnitView(await this.createOrgUnitUseCase.execute(principal, body));
  }

  /** Renames, moves or redraws an org unit. */
  @Put('org-units/:id')
  @Roles('admin')
  @ApiOkResponse({ type: OrgUnitView })
  async updateOrgUnit(@CurrentPrincipal() principal: Principal, @Param() params: UnitIdParams, @Body() body: UpdateOrgUnitDto): Promise<OrgUnitView> {
    return orgUnitView(await this.updateOrgUnitUseCase.execute(principal, params.id, body));
  }

  /** Retires an org unit with no live unit under it. */
  @Post('org-units/:id/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: OrgUnitView })
  async retireOrgUnit(@CurrentPrincipal() principal: Principal, @Param() params: UnitIdParams, @Body() body: RetireDto): Promise<OrgUnitView> {
    return orgUnitView(await this.retireOrgUnitUseCase.execute(principal, params.id, body.expectedVersion));
  }

  /** Grid workers (网格员), of one grid with `gridId`; their phones are for admins only. */
  @Get('grid-workers')
  @Roles('admin')
  @ApiOkResponse({ type: GridWorkersView })
  async gridWorkers(@Query() query: GridWorkersQuery): Promise<GridWorkersView> {
    return { items: (await this.listGridWorkers.execute(query.gridId)).map(gridWorkerView) };
  }

  /** Adds a grid worker to a live grid; grid-dispatch gives them tickets within seconds. */
  @Post('grid-workers')
  @Roles('admin')
  @ApiCreatedResponse({ type: GridWorkerEntryView })
  async createGridWorker(@CurrentPrincipal() principal: Principal, @Body() body: CreateGridWorkerDto): Promise<GridWorkerEntryView> {
    return gridWorkerView(await this.createGridWorkerUseCase.execute(principal, body));
  }

  @Put('grid-workers/:id')
  @Roles('admin')
  @ApiOkResponse({ type: GridWorkerEntryView })
  async updateGridWorker(@CurrentPrincipal() principal: Principal, @Param() params: UnitIdParams, @Body() body: UpdateGridWorkerDto): Promise<GridWorkerEntryView> {
    return gridWorkerView(await this.updateGridWorkerUseCase.execute(principal, params.id, body));
  }

  /** Retires a grid worker: no new tickets; the ones they hold stay theirs. */
  @Post('grid-workers/:id/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: GridWorkerEntryView })
  async retireGridWorker(@CurrentPrincipal() principal: Principal, @Param() params: UnitIdParams, @Body() body: RetireDto): Promise<GridWorkerEntryView> {
    return gridWorkerView(await this.retireEntry.execute(principal, 'grid_worker', params.id, body.expectedVersion));
  }

  /** Stations (驿站): address, opening hours, staff. */
  @Get('stations')
  @ApiOkResponse({ type: StationsView })
  async stations(): Promise<StationsView> {
    return { items: (await this.listEntries.execute(['station'])).map(stationView) };
  }

  @Post('stations')
  @Roles('admin')
  @ApiCreatedResponse({ type: StationView })
  async createStation(@CurrentPrincipal() principal: Principal, @Body() body: CreateStationDto): Promise<StationView> {
    return stationView(await this.createStationUseCase.execute(principal, body));
  }

  @Put('stations/:id')
  @Roles('admin')
  @ApiOkResponse({ type: StationView })
  async updateStation(@CurrentPrincipal() principal: Principal, @Param() params: UnitIdParams, @Body() body: UpdateStationDto): Promise<StationView> {
    return stationView(await this.updateStationUseCase.execute(principal, params.id, body));
  }

  @Post('stations/:id/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: StationView })
  async retireStation(@CurrentPrincipal() principal: Principal, @Param() params: UnitIdParams, @Body() body: RetireDto): Promise<StationView> {
    return stationView(await this.retireEntry.execute(principal, 'station', params.id, body.expectedVersion));
  }

  /** Category + district → department. */
  @Get('category-routes')
  @ApiOkResponse({ type: CategoryRoutesView })
  async categoryRoutes(): Promise<CategoryRoutesView> {
    return { items: (await this.listEntries.execute(['category_route'])).map(routeView) };
  }

  /** Sets the department of a category in a district. */
  @Put('category-routes')
  @Roles('admin')
  @ApiOkResponse({ type: CategoryRouteView })
  async putCategoryRoute(@CurrentPrincipal() principal: Principal, @Body() body: CategoryRouteDto): Promise<CategoryRouteView> {
    return routeView(await this.putCategoryRouteUseCase.execute(principal, body));
  }

  /** Retires a route: the category goes to its default department in that district again. */
  @Post('category-routes/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CategoryRouteView })
  async retireCategoryRoute(@CurrentPrincipal() principal: Principal, @Body() body: RetireRouteDto): Promise<CategoryRouteView> {
    return routeView(await this.retireEntry.execute(principal, 'category_route', routeEntryId(body.category, body.districtId), body.expectedVersion));
  }

  /** 兜底: the fallback owner per district (districtId null: the city's). */
  @Get('fallback-owners')
  @ApiOkResponse({ type: FallbackOwnersView })
  async fallbackOwners(): Promise<FallbackOwnersView> {
    return { items: (await this.listEntries.execute(['fallback_owner'])).map(fallbackView) };
  }

  /** Sets a district's fallback owner (no districtId: the city's). */
  @Put('fallback-owners')
  @Roles('admin')
  @ApiOkResponse({ type: FallbackOwnerView })
  async putFallbackOwner(@CurrentPrincipal() principal: Principal, @Body() body: FallbackOwnerDto): Promise<FallbackOwnerView> {
    return fallbackView(await this.putFallbackOwnerUseCase.execute(principal, body));
  }

  @Post('fallback-owners/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: FallbackOwnerView })
  async retireFallbackOwner(@CurrentPrincipal() principal: Principal, @Body() body: RetireFallbackOwnerDto): Promise<FallbackOwnerView> {
    return fallbackView(await this.retireEntry.execute(principal, 'fallback_owner', body.districtId, body.expectedVersion));
  }
}
