import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PolygonView } from '@grievance/platform';
import { GRIEVANCE_KINDS, OCCUPATIONS } from '@grievance/contracts';
import { EMPLOYMENTS, Employment } from './directory-admin.dto';
import { ORG_UNIT_LEVELS } from './directory.entities';

// The answers of routing's directory (GET /v1/directory/* and the admin's changes), for its OpenAPI document.

/** Every entry carries its version (send it back as `expectedVersion`) and whether it is retired. */
class VersionedView {
  @ApiProperty({ description: 'the version to send back as expectedVersion' })
  version!: number;

  @ApiProperty({ description: 'retired entries are history, not used for new work' })
  retired!: boolean;
}

export class DepartmentView extends VersionedView {
  @ApiProperty({ example: 'municipal_works' })
  code!: string;

  @ApiProperty()
  name!: string;
}

export class DirectoryCategoryView extends VersionedView {
  @ApiProperty({ example: 'road_damage' })
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: GRIEVANCE_KINDS, nullable: true })
  kind!: string | null;

  @ApiProperty({ type: String, nullable: true })
  defaultDepartment!: string | null;
}

/** Levels listed through org-units (grid workers and stations have their own resources). */
export const UNIT_LEVELS = ORG_UNIT_LEVELS.filter((level) => level !== 'grid_worker' && level !== 'station');

/** An org unit: an area (district, street, community, grid) or a unit of the chain; with its level's facts. */
export class OrgUnitView extends VersionedView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: UNIT_LEVELS })
  level!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  parentId!: string | null;

  @ApiPropertyOptional({ type: () => PolygonView, description: "a grid's boundary (a district's, when drawn)" })
  polygon?: PolygonView;

  @ApiPropertyOptional({ type: String, nullable: true, description: "a district's supervising office (督办)" })
  supervisingOffice?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: "an industry committee's industry" })
  industry?: string | null;

  @ApiPropertyOptional({ type: [String], enum: OCCUPATIONS, nullable: true, description: "an industry committee's occupations" })
  occupations?: string[] | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: "a branch: its committee's fallback branch (兜底)" })
  fallback?: boolean | null;
}

/** The level facts an org unit carries, as its view spreads them. */
export type OrgUnitAttributes = Pick<OrgUnitView, 'supervisingOffice' | 'industry' | 'occupations' | 'fallback'>;

export class GridWorkerEntryView extends VersionedView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  gridId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'for admins only' })
  phone!: string | null;

  @ApiProperty({ enum: EMPLOYMENTS })
  employment!: Employment;

  @ApiProperty({ type: String, nullable: true, description: "a part-time grid worker (兼职网格员) who is a registered rider or courier: their own account id" })
  workerId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '驻点: the station they are posted at' })
  stationId!: string | null;
}

/** A station (驿站). */
export class StationView extends VersionedView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  districtId!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty({ description: 'opening hours' })
  hours!: string;

  @ApiProperty({ type: [String], nullable: true, description: 'who staffs it (names)' })
  staff!: string[] | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
}

export class CategoryRouteView extends VersionedView {
  @ApiProperty()
  category!: string;

  @ApiProperty()
  districtId!: string;

  @ApiProperty()
  departmentCode!: string;
}

export class FallbackOwnerView extends VersionedView {
  @ApiProperty({ type: String, nullable: true, description: "null: the city's own fallback owner" })
  districtId!: string | null;

  @ApiProperty()
  departmentCode!: string;
}

export class DepartmentsView {
  @ApiProperty({ type: () => [DepartmentView] })
  items!: DepartmentView[];
}

export class DirectoryCategoriesView {
  @ApiProperty({ type: () => [DirectoryCategoryView] })
  items!: DirectoryCategoryView[];
}

export class OrgUnitsView {
  @ApiProperty({ type: () => [OrgUnitView] })
  items!: OrgUnitView[];
}

export class GridWorkersView {
  @ApiProperty({ type: () => [GridWorkerEntryView] })
  items!: GridWorkerEntryView[];
}

export class StationsView {
  @ApiProperty({ type: () => [StationView] })
  items!: StationView[];
}

export class CategoryRoutesView {
  @ApiProperty({ type: () => [CategoryRouteView] })
  items!: CategoryRouteView[];
}

export class FallbackOwnersView {
  @ApiProperty({ type: () => [FallbackOwnerView] })
  items!: FallbackOwnerView[];
}
