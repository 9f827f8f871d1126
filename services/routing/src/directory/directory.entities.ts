import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Polygon } from 'geojson';
import type { GrievanceKind, Language } from '@grievance/contracts';

/** What every directory entry carries: its version and whether it is retired. */
export abstract class VersionedEntry {
  /** Raised by one at each change (optimistic concurrency; published with the entry). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Retired: kept as history, not used for new work. */
  @Column({ type: 'boolean', default: false })
  retired!: boolean;
}

/** The levels of the directory's one tree: the city's geography and the party chain. */
export const ORG_UNIT_LEVELS = [
  'district',
  'street',
  'community',
  'grid',
  'two_new_committee',
  'industry_committee',
  'branch',
  'member',
  'grid_worker',
  'station',
] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

/** A node of the directory: district → street → community → grid → grid worker, district → station, and 两新工委 → committee → branch → member. */
@Entity({ name: 'directory_org_units' })
export class OrgUnitEntity extends VersionedEntry {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  level!: OrgUnitLevel;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId!: string | null;

  /** Level-specific facts: a committee's industry and occupations, a branch's fallback flag. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  attributes!: Record<string, unknown>;

  /** Districts and grids: their GeoJSON polygon (WGS-84, [lng, lat]). */
  @Column({ type: 'jsonb', nullable: true })
  polygon!: Polygon | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'directory_departments' })
export class DepartmentEntity extends VersionedEntry {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'directory_categories' })
export class CategoryEntity extends VersionedEntry {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: GrievanceKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'default_department', type: 'text', nullable: true })
  defaultDepartment!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Category + district → department (configuration, not code). */
@Entity({ name: 'directory_category_routes' })
export class CategoryRouteEntity extends VersionedEntry {
  @PrimaryColumn({ type: 'text' })
  category!: string;

  @PrimaryColumn({ name: 'district_id', type: 'text' })
  districtId!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** 兜底: who takes what no rule matches, per district; scope `*` is the city-wide one. */
@Entity({ name: 'directory_fallback_owners' })
export class FallbackOwnerEntity extends VersionedEntry {
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @Column({ name: 'department_code', type: 'text' })
  departmentCode!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const CITY_SCOPE = '*';

/** 扫码报到: a worker registered with a branch. */
@Entity({ name: 'worker_registrations' })
export class WorkerRegistrationEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId!: string;

  @Column({ type: 'text' })
  occupation!: string;

  @Column({ type: 'text', nullable: true })
  platform!: string | null;

  @Column({ name: 'branch_id', type: 'text', nullable: true })
  branchId!: string | null;

  /** The language the worker reads notifications in (zh-CN, en); null: as their submissions ask. */
  @Column({ type: 'text', nullable: true })
  language!: Language | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
