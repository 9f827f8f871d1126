import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  validateSync,
  ValidationError,
} from 'class-validator';
import type { Polygon } from 'geojson';
import { GRIEVANCE_KINDS, GrievanceKind, OCCUPATIONS, Occupation } from '@grievance/contracts';
import { describeProblem, readCityFiles } from './city-files';

/**
 * A directory seed file in JSON: the city's districts, streets, communities and grids
 * (GeoJSON polygons, WGS-84, [lng, lat]), grid workers, departments, categories with their
 * default department, per-district category routes, fallback owners (兜底) and the party
 * chain. The directory itself is loaded from a city's folder of GeoJSON and CSV files
 * (city-files.ts, `npm run directory:import`); what is left of this reader serves intake's
 * category list (CATEGORIES_FILE: a JSON file with `categories`, or a city's folder).
 */

/** The demo city's files (see city-files.ts), relative to the repository root. */
export const DEMO_CITY_SEED = join('deploy', 'seed', 'demo-city');

/** The demo city's folder under a repository root. */
export function demoCitySeedFile(repoRoot: string): string {
  return join(repoRoot, DEMO_CITY_SEED);
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CODE = /^[a-z][a-z0-9_]{1,40}$/;

class Named {
  @IsString()
  @Matches(ID)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

class PolygonShape implements Polygon {
  @IsIn(['Polygon'])
  type!: 'Polygon';

  @IsArray()
  @ArrayMaxSize(100)
  coordinates!: number[][][];
}

export class SeedCity extends Named {}

export class SeedDistrict extends Named {
  @IsOptional()
  @ValidateNested()
  @Type(() => PolygonShape)
  polygon?: Polygon;
}

export class SeedStreet extends Named {
  @IsString()
  districtId!: string;
}

export class SeedCommunity extends Named {
  @IsString()
  streetId!: string;
}

export class SeedGrid extends Named {
  @IsString()
  communityId!: string;

  @IsOptional()
  @IsString()
  streetId?: string;

  @IsOptional()
  @IsString()
  districtId?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => PolygonShape)
  polygon!: Polygon;
}

export class SeedGridWorker {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,99}$/)
  id!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsString()
  gridId!: string;

  @IsOptional()
  @IsBoolean()
  partTime?: boolean;

  @IsOptional()
  @IsIn(OCCUPATIONS)
  occupation?: Occupation | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;
}

export class SeedDepartment {
  @IsString()
  @Matches(CODE)
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class SeedCategory {
  @IsString()
  @Matches(CODE)
  code!: string;

  @IsIn(GRIEVANCE_KINDS)
  kind!: GrievanceKind;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsString()
  defaultDepartment?: string | null;
}

export class SeedCategoryRoute {
  @IsString()
  category!: string;

  @IsString()
  districtId!: string;

  @IsString()
  departmentCode!: string;
}

export class SeedFallbackOwner {
  /** null: the city-wide fallback, for places in no district. */
  @IsOptional()
  @IsString()
  districtId!: string | null;

  @IsString()
  departmentCode!: string;
}

export class SeedIndustryCommittee extends Named {
  @IsString()
  @Matches(CODE)
  industry!: string;

  @IsArray()
  @IsIn(OCCUPATIONS, { each: true })
  occupations!: Occupation[];

  @IsOptional()
  @IsString()
  parentId?: string;
}

export class SeedBranch extends Named {
  @IsString()
  industryCommitteeId!: string;

  @IsOptional()
  @IsBoolean()
  fallback?: boolean;
}

export class SeedMember extends Named {
  @IsString()
  branchId!: string;
}

export class DirectorySeed {
  @IsInt()
  version!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => SeedCity)
  city!: SeedCity;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedDistrict)
  districts!: SeedDistrict[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedStreet)
  streets!: SeedStreet[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedCommunity)
  communities!: SeedCommunity[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedGrid)
  grids!: SeedGrid[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedGridWorker)
  gridWorkers!: SeedGridWorker[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedDepartment)
  departments!: SeedDepartment[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedCategory)
  categories!: SeedCategory[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedCategoryRoute)
  categoryRoutes!: SeedCategoryRoute[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedFallbackOwner)
  fallbackOwners!: SeedFallbackOwner[];

  @IsObject()
  @ValidateNested()
  @Type(() => Named)
  twoNewCommittee!: Named;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedIndustryCommittee)
  industryCommittees!: SeedIndustryCommittee[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedBranch)
  branches!: SeedBranch[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedMember)
  members!: SeedMember[];
}

export class InvalidSeedError extends Error {
  override readonly name = 'InvalidSeedError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid directory seed ${source}: ${problems.slice(0, 10).join('; ')}`);
  }
}

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const here = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${here}: ${message}`);
    return [...own, ...flatten(error.children ?? [], here)];
  });
}

/** The top-level sections of a seed file. */
export type DirectorySeedPart = keyof DirectorySeed;

/** Checks the shape and the references between the entries (a street's district exists...). */
export function parseDirectorySeed(raw: unknown, source = 'seed'): DirectorySeed {
  return validated(raw, source, () => true);
}

/**
 * Checks only the given sections (each must be there) and the references between them; the
 * other sections may be missing. For readers of a part of the file (and fixtures holding only it).
 */
export function parseDirectorySeedParts<K extends DirectorySeedPart>(raw: unknown, parts: readonly K[], source = 'seed'): Pick<DirectorySeed, K> {
  return validated(raw, source, (part) => (parts as readonly string[]).includes(part));
}

function validated(raw: unknown, source: string, has: (part: string) => boolean): DirectorySeed {
  const seed = plainToInstance(DirectorySeed, raw);
  const errors = validateSync(seed, { forbidUnknownValues: false }).filter((error) => has(error.property));
  const problems = flatten(errors);
  if (problems.length === 0) problems.push(...referenceProblems(seed, has));
  if (problems.length > 0) throw new InvalidSeedError(source, problems);
  return seed;
}

function referenceProblems(seed: DirectorySeed, has: (part: DirectorySeedPart) => boolean): string[] {
  const problems: string[] = [];
  const ids = (part: 'districts' | 'streets' | 'communities' | 'grids' | 'industryCommittees' | 'branches') =>
    has(part) ? new Set(seed[part].map((item) => item.id)) : undefined;
  const codes = (part: 'departments' | 'categories') => (has(part) ? new Set(seed[part].map((item) => item.code)) : undefined);
  const entries = <P extends DirectorySeedPart>(part: P): DirectorySeed[P] | [] => (has(part) ? seed[part] : []);
  /** An unknown reference is a problem; one into a section not read is not checked. */
  const check = (set: Set<string> | undefined, value: string | null | undefined, what: string) => {
    if (set && value && !set.has(value)) problems.push(`${what} refers to unknown ${value}`);
  };
  const districts = ids('districts');
  const streets = ids('streets');
  const communities = ids('communities');
  const grids = ids('grids');
  const departments = codes('departments');
  const categories = codes('categories');
  const committees = ids('industryCommittees');
  const branches = ids('branches');
  entries('streets').forEach((s) => check(districts, s.districtId, `street ${s.id}`));
  entries('communities').forEach((c) => check(streets, c.streetId, `community ${c.id}`));
  entries('grids').forEach((g) => check(communities, g.communityId, `grid ${g.id}`));
  entries('gridWorkers').forEach((w) => check(grids, w.gridId, `grid worker ${w.id}`));
  entries('categories').forEach((c) => check(departments, c.defaultDepartment, `category ${c.code}`));
  entries('categoryRoutes').forEach((r) => {
    check(categories, r.category, 'category route');
    check(districts, r.districtId, `category route ${r.category}`);
    check(departments, r.departmentCode, `category route ${r.category}`);
  });
  entries('fallbackOwners').forEach((f) => {
    check(districts, f.districtId, 'fallback owner');
    check(departments, f.departmentCode, `fallback owner of ${f.districtId ?? 'the city'}`);
  });
  entries('branches').forEach((b) => check(committees, b.industryCommitteeId, `branch ${b.id}`));
  entries('members').forEach((m) => check(branches, m.branchId, `member ${m.id}`));
  return problems;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

export function readDirectorySeed(file: string): DirectorySeed {
  return parseDirectorySeed(readJson(file), file);
}

/** Reads the given sections of a seed file (see parseDirectorySeedParts); of a city's folder, only its categories. */
export function readDirectorySeedParts<K extends DirectorySeedPart>(file: string, parts: readonly K[]): Pick<DirectorySeed, K> {
  if (!statSync(file).isDirectory()) return parseDirectorySeedParts(readJson(file), parts, file);
  const unsupported = parts.filter((part) => part !== 'categories');
  if (unsupported.length > 0) throw new InvalidSeedError(file, [`a city's folder is read for its categories only, not ${unsupported.join(', ')}`]);
  const read = readCityFiles(join(file, 'categories.csv'));
  if (read.problems.length > 0) throw new InvalidSeedError(file, read.problems.map(describeProblem));
  const categories = read.entries.map(({ state }) => ({
    code: state.id,
    kind: state.attributes?.kind,
    name: state.name,
    defaultDepartment: state.attributes?.defaultDepartment ?? null,
  }));
  return parseDirectorySeedParts({ categories }, parts, file);
}
