import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '@grievance/auth';
import { CITY_SCOPE, OrgUnitEntity, ORG_UNIT_LEVELS, OrgUnitLevel } from './directory.entities';
import {
  CategoryRouteDto,
  CreateDepartmentDto,
  CreateOrgUnitDto,
  FallbackOwnerDto,
  UpdateDepartmentDto,
  UpdateOrgUnitDto,
} from './directory-admin.dto';
import { DirectoryAdmin } from './directory-admin.use-cases';
import { DirectoryRepository } from './directory.repository';

class OrgUnitsQuery {
  @IsOptional()
  @IsIn(ORG_UNIT_LEVELS)
  level?: OrgUnitLevel;
}

interface DepartmentView {
  code: string;
  name: string;
}

function orgUnitView(u: OrgUnitEntity): object {
  return {
    id: u.id,
    level: u.level,
    name: u.name,
    parentId: u.parentId,
    ...u.attributes,
    ...(u.polygon ? { polygon: u.polygon } : {}),
  };
}

/** The directory: anyone signed in reads it; an admin manages it through the same resources. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('v1/directory')
export class DirectoryController {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly admin: DirectoryAdmin,
  ) {}

  /** Every department, by code. */
  @Get('departments')
  async departments(): Promise<{ items: DepartmentView[] }> {
    const departments = await this.repository.departments();
    return { items: departments.map((d) => ({ code: d.code, name: d.name })) };
  }

  /** Adds a department (its topic department.<code>.issues.v1 is created). 409 when the code exists. */
  @Post('departments')
  @Roles('admin')
  async createDepartment(@Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    const d = await this.admin.createDepartment(body);
    return { code: d.code, name: d.name };
  }

  /** Renames a department. */
  @Put('departments/:code')
  @Roles('admin')
  async updateDepartment(@Param('code') code: string, @Body() body: UpdateDepartmentDto): Promise<DepartmentView> {
    const d = await this.admin.updateDepartment(code, body);
    return { code: d.code, name: d.name };
  }

  /** The directory's org units, optionally of one level (district ... grid, two_new_committee ... member). */
  @Get('org-units')
  async orgUnits(@Query() query: OrgUnitsQuery): Promise<{ items: object[] }> {
    const units = await this.repository.orgUnits(query.level);
    return { items: units.map(orgUnitView) };
  }

  /** Adds an org unit under a parent of the level above (a grid needs a polygon). 409 when the id exists. */
  @Post('org-units')
  @Roles('admin')
  async createOrgUnit(@Body() body: CreateOrgUnitDto): Promise<object> {
    return orgUnitView(await this.admin.createOrgUnit(body));
  }

  /** Renames, moves or redraws an org unit. */
  @Put('org-units/:id')
  @Roles('admin')
  async updateOrgUnit(@Param('id') id: string, @Body() body: UpdateOrgUnitDto): Promise<object> {
    return orgUnitView(await this.admin.updateOrgUnit(id, body));
  }

  /** Category + district → department. */
  @Get('category-routes')
  async categoryRoutes(): Promise<{ items: CategoryRouteDto[] }> {
    const tables = await this.repository.routingTables();
    return { items: tables.routes.map((r) => ({ category: r.category, districtId: r.districtId, departmentCode: r.departmentCode })) };
  }

  /** Sets the department of a category in a district. */
  @Put('category-routes')
  @Roles('admin')
  async putCategoryRoute(@Body() body: CategoryRouteDto): Promise<CategoryRouteDto> {
    const r = await this.admin.putCategoryRoute(body);
    return { category: r.category, districtId: r.districtId, departmentCode: r.departmentCode };
  }

  /** 兜底: the fallback owner per district (districtId null: the city's). */
  @Get('fallback-owners')
  async fallbackOwners(): Promise<{ items: { districtId: string | null; departmentCode: string }[] }> {
    const tables = await this.repository.routingTables();
    return {
      items: tables.fallbackOwners.map((f) => ({ districtId: f.scope === CITY_SCOPE ? null : f.scope, departmentCode: f.departmentCode })),
    };
  }

  /** Sets a district's fallback owner (no districtId: the city's). */
  @Put('fallback-owners')
  @Roles('admin')
  putFallbackOwner(@Body() body: FallbackOwnerDto): Promise<{ districtId: string | null; departmentCode: string }> {
    return this.admin.putFallbackOwner(body);
  }
}
