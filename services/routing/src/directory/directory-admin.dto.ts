import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import type { Polygon } from 'geojson';
import { ORG_UNIT_LEVELS, OrgUnitLevel } from './directory.entities';

export const ORG_UNIT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const DEPARTMENT_CODE = /^[a-z][a-z0-9_]{1,40}$/;

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

export class CreateDepartmentDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'code must be lower-case letters, digits and underscores (2 to 41), starting with a letter' })
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateDepartmentDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateOrgUnitDto {
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
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export class CreateOrgUnitDto extends UpdateOrgUnitDto {
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'id must be lower-case letters, digits, _ and - (1 to 64)' })
  id!: string;

  @IsIn(ORG_UNIT_LEVELS)
  level!: OrgUnitLevel;
}

export class CategoryRouteDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'category must be a category code' })
  category!: string;

  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'districtId must be a district id' })
  districtId!: string;

  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code' })
  departmentCode!: string;
}

export class FallbackOwnerDto {
  /** Omitted: the city-wide fallback owner. */
  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'districtId must be a district id' })
  districtId?: string;

  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code' })
  departmentCode!: string;
}
