import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/**
 * What the directory holds, one kind per entry: the city's geography (district → street →
 * community → grid), grid workers and stations, departments, categories and their routes,
 * fallback owners (兜底) and the party chain (两新工委 → industry committee → branch → member).
 */
export const DIRECTORY_KINDS = [
  'district',
  'street',
  'community',
  'grid',
  'grid_worker',
  'station',
  'department',
  'category',
  'category_route',
  'fallback_owner',
  'two_new_committee',
  'industry_committee',
  'branch',
  'member',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** An entry's id: a unit's id, a department's or category's code, `<category>@<district>` for a route, a district (or `*`) for a fallback owner. */
export const DIRECTORY_ENTRY_ID = /^[a-z0-9*][a-z0-9_@*-]{0,130}$/;

/** A registered worker's account id (their token's sub), as a part-time grid worker's `attributes.workerId` names it. */
export const WORKER_ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$/;

/** A GeoJSON polygon (WGS-84, [lng, lat]); the owner checks it is closed, simple and overlaps no other grid. */
export class DirectoryPolygon {
  @IsIn(['Polygon'])
  type!: 'Polygon';

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  coordinates!: number[][][];
}

/**
 * directory.entry-changed.v1: an entry of the directory as it is now, after a change by its
 * one owner (routing). Keyed by `<kind>:<id>` on a compacted topic, so the topic always holds
 * every entry's latest state: a consumer reading it from the beginning has the whole
 * directory. A retired entry stays (retired: true): it is history, not used for new work.
 * Apply it only when `version` is above the one held (a replay changes nothing).
 */
export class DirectoryEntryChangedV1 {
  @IsIn(DIRECTORY_KINDS)
  kind!: DirectoryKind;

  @IsString()
  @Matches(DIRECTORY_ENTRY_ID)
  id!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsBoolean()
  retired!: boolean;

  @IsISO8601({ strict: true })
  changedAt!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  /** The unit above: a street's district, a community's street, a grid's community, a grid worker's grid, a station's district, the chain's parent. */
  @IsOptional()
  @ValidateIf((_: unknown, value: unknown) => value !== null)
  @IsString()
  @MaxLength(64)
  parentId?: string | null;

  /** Districts and grids. */
  @IsOptional()
  @ValidateIf((_: unknown, value: unknown) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => DirectoryPolygon)
  polygon?: DirectoryPolygon | null;

  /** Grid workers and stations. */
  @IsOptional()
  @ValidateIf((_: unknown, value: unknown) => value !== null)
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  /** Grid workers: part-time (兼职) or full-time (专职). */
  @IsOptional()
  @IsBoolean()
  partTime?: boolean;

  /**
   * The facts of the other kinds: a part-time grid worker's workerId (the registered worker, a
   * rider or courier, they are: their account id); a station's address, hours and staff; a category's kind and
   * default department; a route's category, district and department; a fallback owner's
   * district and department; a committee's industry and occupations; a branch's fallback flag.
   */
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

/** The fixed "grievance id" that directory changes travel under in the envelope (the message key is `<kind>:<id>`). */
export const DIRECTORY_STREAM_ID = 'd1ec7027-0000-4000-8000-000000000000';

/** The message key of a directory entry on its compacted topic. */
export const directoryEntryKey = (entry: { kind: string; id: string }): string => `${entry.kind}:${entry.id}`;
