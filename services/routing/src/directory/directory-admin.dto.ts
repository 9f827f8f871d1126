import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  Min,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import type { Polygon } from 'geojson';
import { WORKER_ACCOUNT_ID } from '@grievance/contracts';
import { ORG_UNIT_LEVELS, OrgUnitLevel } from './directory.entities';

export const ORG_UNIT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const DEPARTMENT_CODE = /^[a-z][a-z0-9_]{1,40}$/;
export const PHONE = /^\+?[0-9][0-9 -]{3,28}[0-9]$/;

const MAX_RING_POSITIONS = 5000;

/** A GeoJSON polygon's coordinates: closed rings of ≥4 [lng, lat] positions within range. */
function IsPolygonCoordinates(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPolygonCoordinates',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be 1 to 20 closed rings of 4 to ${MAX_RING_POSITIONS} [lng, lat] positions (lng -180..180, lat -90..90)`,
      },
      validator: {
        validate(value: unknown): boolean {
          if (!Array.isArray(value) || value.length < 1 || value.length > 20) return false;
          return value.every((ring: unknown) => {
            if (!Array.isArray(ring) || ring.length < 4 || ring.length > MAX_RING_POSITIONS) return false;
            const valid = ring.every(
              (p: unknown) =>
                Array.isArray(p) &&
                p.length === 2 &&
                typeof p[0] === 'number' &&
                typeof p[1] === 'number' &&
                Number.isFinite(p[0]) &&
                Number.isFinite(p[1]) &&
                Math.abs(p[0]) <= 180 &&
                Math.abs(p[1]) <= 90,
            );
            const first = ring[0] as number[];
            const last = ring[ring.length - 1] as number[];
            return valid && first[0] === last[0] && first[1] === last[1];
          });
        },
      },
    });
}

export class PolygonDto implements Polygon {
  @IsIn(['Polygon'])
  type!: 'Polygon';

  @IsPolygonCoordinates()
  coordinates!: number[][][];
}

/** Optimistic concurrency: the version the caller last read; a stale one is refused with 409. */
export class VersionedDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'the version last read' })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be an integer' })
  @Min(0)
  expectedVersion?: number;
}

/** Retires an entry (kept as history, not used for new work). */
export class RetireDto extends VersionedDto {}

export class CreateDepartmentDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'code must be lower-case letters, digits and underscores (2 to 41), starting with a letter' })
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateDepartmentDto extends VersionedDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateOrgUnitDto extends VersionedDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'parentId must be an org unit id' })
  parentId?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PolygonDto)
  polygon?: PolygonDto;

  /** Level-specific facts (a committee's industry and occupations, a branch's fallback flag). */
  @JSONSchema({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export class CreateOrgUnitDto extends UpdateOrgUnitDto {
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'id must be lower-case letters, digits, _ and - (1 to 64)' })
  id!: string;

  @IsIn(ORG_UNIT_LEVELS.filter((level) => level !== 'grid_worker' && level !== 'station'), {
    message: 'level must be a district, street, community, grid, two_new_committee, industry_committee, branch or member',
  })
  level!: OrgUnitLevel;
}

export const EMPLOYMENTS = ['full_time', 'part_time'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

/** A grid worker (网格员): their grid, phone, and whether they work full-time (专职) or part-time (兼职). */
export class UpdateGridWorkerDto extends VersionedDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'gridId must be a grid id' })
  gridId!: string;

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be digits, with an optional leading + and spaces or dashes (5 to 30)' })
  phone?: string;

  @IsIn(EMPLOYMENTS, { message: 'employment must be full_time or part_time' })
  employment!: Employment;

  /**
   * 兼职网格员: the registered worker (a rider's or courier's own account id, their token's sub)
   * this part-time grid worker is. Their own hazard reports in their grid, with a photo, count as
   * the on-site check. Only with employment part_time.
   */
  @IsOptional()
  @IsString()
  @Matches(WORKER_ACCOUNT_ID, { message: 'workerId must be a worker account id (letters, digits, _ . : @ -, 1 to 100)' })
  workerId?: string;

  /**
   * 驻点: the station (驿站) this grid worker is posted at, if any (a live station). While on
   * duty they take the hazards logged at that station first.
   */
  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'stationId must be a station id' })
  stationId?: string;
}

export class CreateGridWorkerDto extends UpdateGridWorkerDto {
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'id must be lower-case letters, digits, _ and - (1 to 64)' })
  id!: string;
}

/** A station (驿站) where workers rest and are reached: its district, address, opening hours and staff. */
export class UpdateStationDto extends VersionedDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'districtId must be a district id' })
  districtId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  /** e.g. `08:00-22:00` or `24h`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  hours!: string;

  /** Who staffs it (names); none listed when left out. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  staff?: string[];

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be digits, with an optional leading + and spaces or dashes (5 to 30)' })
  phone?: string;
}

export class CreateStationDto extends UpdateStationDto {
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'id must be lower-case letters, digits, _ and - (1 to 64)' })
  id!: string;
}

/** A category's route in one district, as its retirement names it (the route itself adds its department). */
export class RetireRouteDto extends VersionedDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'category must be a category code' })
  category!: string;

  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'districtId must be a district id' })
  districtId!: string;
}

export class CategoryRouteDto extends RetireRouteDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code' })
  departmentCode!: string;
}

export class FallbackOwnerDto extends VersionedDto {
  /** Omitted: the city-wide fallback owner. */
  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'districtId must be a district id' })
  districtId?: string;

  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code' })
  departmentCode!: string;
}
