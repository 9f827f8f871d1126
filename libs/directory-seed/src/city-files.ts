import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DirectoryEntryChangedV1, DirectoryKind, GRIEVANCE_KINDS, OCCUPATIONS, WORKER_ACCOUNT_ID } from '@grievance/contracts';
import { parseCsv } from './csv';

/**
 * A city's directory as files (what `npm run directory:import` reads; deploy/seed/demo-city
 * is the demo city in this form). Each file's name says what it holds:
 *
 *   districts.geojson, grids.geojson   FeatureCollections of Polygons with their properties
 *   streets.csv, communities.csv, grid-workers.csv, stations.csv, departments.csv,
 *   categories.csv, category-routes.csv, fallback-owners.csv, chain-units.csv
 *
 * CSV files have a header row naming their columns (CITY_FILES below). Reading checks every
 * row's fields; what the rows refer to (a route's department, a grid worker's grid, overlaps)
 * is checked by the directory's owner when it imports them, against what it already holds.
 */

/** An entry as the directory's owner takes it: its kind, id and state. */
export type CityEntryState = Omit<DirectoryEntryChangedV1, 'version' | 'retired' | 'changedAt'>;

/** Where in the files an entry came from (CSV: the line of its row, the header being 1; GeoJSON: the feature, from 1). */
export interface CitySource {
  file: string;
  row: number;
}

export interface CityEntry {
  source: CitySource;
  state: CityEntryState;
  /** The file's name of the column holding the unit above (gridId, districtId, parentId, …). */
  parentField?: string;
}

export interface CityProblem extends CitySource {
  field: string;
  message: string;
}

/** `grid-workers.csv row 5, gridId: there is no grid g-9`. */
export const describeProblem = (p: CityProblem): string => `${p.file} row ${p.row}, ${p.field}: ${p.message}`;

export interface CityFiles {
  entries: CityEntry[];
  problems: CityProblem[];
  files: string[];
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CODE = /^[a-z][a-z0-9_]{1,40}$/;
const PHONE = /^\+?[0-9][0-9 -]{3,28}[0-9]$/;
const CHAIN_LEVELS = ['two_new_committee', 'industry_committee', 'branch', 'member'] as const;
const EMPLOYMENTS = ['full_time', 'part_time'];

type Row = Record<string, string>;

/** Checks one field; returns the problem, or undefined. */
type Check = (value: string, row: Row) => string | undefined;

const required = (check?: Check): Check => (value, row) => (value === '' ? 'is required' : check?.(value, row));
const optional = (check: Check): Check => (value, row) => (value === '' ? undefined : check(value, row));
const matches = (pattern: RegExp, what: string): Check => (value) => (pattern.test(value) ? undefined : `must be ${what}`);
const maxLength = (n: number): Check => (value) => (value.length > n ? `must be at most ${n} characters` : undefined);
const oneOf = (values: readonly string[]): Check => (value) => (values.includes(value) ? undefined : `must be one of ${values.join(', ')}`);
const isId = matches(ID, 'lower-case letters, digits, _ and - (1 to 64)');
const isCode = matches(CODE, 'a code of lower-case letters, digits and _ (2 to 41), starting with a letter');
const isName = required(maxLength(200));
const list = (value: string) => value.split(';').map((v) => v.trim()).filter((v) => v !== '');

interface CsvSpec {
  kind: (row: Row) => DirectoryKind;
  columns: Record<string, Check>;
  /** Columns a file may leave out (read as empty). */
  optionalColumns?: readonly string[];
  parentField?: string;
  state: (row: Row) => Omit<CityEntryState, 'kind'>;
}

const nullable = (value: string): string | null => (value === '' ? null : value);

/** Each CSV file's columns, their checks, and the entry a row becomes. */
export const CITY_FILES: Record<string, CsvSpec> = {
  'streets.csv': {
    kind: () => 'street',
    columns: { id: required(isId), name: isName, districtId: required(isId) },
    parentField: 'districtId',
    state: (r) => ({ id: r.id!, name: r.name, parentId: r.districtId }),
  },
  'communities.csv': {
    kind: () => 'community',
    columns: { id: required(isId), name: isName, streetId: required(isId) },
    parentField: 'streetId',
    state: (r) => ({ id: r.id!, name: r.name, parentId: r.streetId }),
  },
  'grid-workers.csv': {
    kind: () => 'grid_worker',
    columns: {
      id: required(isId),
      name: isName,
      gridId: required(isId),
      phone: optional(matches(PHONE, 'digits, with an optional leading + and spaces or dashes (5 to 30)')),
      employment: required(oneOf(EMPLOYMENTS)),
      // 兼职网格员: the registered worker (a rider's or courier's account id) this part-time grid worker is.
      workerId: optional(matches(WORKER_ACCOUNT_ID, 'a worker account id (letters, digits, _ . : @ -, 1 to 100)')),
      // 驻点: the station (驿站) this grid worker is posted at.
      stationId: optional(isId),
    },
    optionalColumns: ['workerId', 'stationId'],
    parentField: 'gridId',
    state: (r) => ({
      id: r.id!,
      name: r.name,
      parentId: r.gridId,
      phone: nullable(r.phone ?? ''),
      partTime: r.employment === 'part_time',
      attributes: { workerId: nullable(r.workerId ?? ''), stationId: nullable(r.stationId ?? '') },
    }),
  },
  'stations.csv': {
    kind: () => 'station',
    columns: {
      id: required(isId),
      name: isName,
      districtId: required(isId),
      address: required(maxLength(300)),
      hours: required(maxLength(100)),
      staff: optional((v) => (list(v).length > 50 ? 'must name at most 50 people, separated by ;' : undefined)),
      phone: optional(matches(PHONE, 'digits, with an optional leading + and spaces or dashes (5 to 30)')),
    },
    parentField: 'districtId',
    state: (r) => ({
      id: r.id!,
      name: r.name,
      parentId: r.districtId,
      phone: nullable(r.phone ?? ''),
      attributes: { address: r.address, hours: r.hours, staff: list(r.staff ?? '') },
    }),
  },
  'departments.csv': {
    kind: () => 'department',
    columns: { code: required(isCode), name: isName },
    state: (r) => ({ id: r.code!, name: r.name }),
  },
  'categories.csv': {
    kind: () => 'category',
    columns: { code: required(isCode), kind: required(oneOf(GRIEVANCE_KINDS)), name: isName, defaultDepartment: optional(isCode) },
    state: (r) => ({ id: r.code!, name: r.name, attributes: { kind: r.kind, defaultDepartment: nullable(r.defaultDepartment ?? '') } }),
  },
  'category-routes.csv': {
    kind: () => 'category_route',
    columns: { category: required(isCode), districtId: required(isId), departmentCode: required(isCode) },
    state: (r) => ({ id: `${r.category}@${r.districtId}`, attributes: { category: r.category, districtId: r.districtId, departmentCode: r.departmentCode } }),
  },
  'fallback-owners.csv': {
    kind: () => 'fallback_owner',
    columns: { districtId: optional(isId), departmentCode: required(isCode) },
    state: (r) => ({ id: r.districtId || '*', attributes: { districtId: nullable(r.districtId ?? ''), departmentCode: r.departmentCode } }),
  },
  'chain-units.csv': {
    kind: (r) => r.level as DirectoryKind,
    columns: {
      id: required(isId),
      level: required(oneOf(CHAIN_LEVELS)),
      name: isName,
      parentId: (v, r) => (r.level === 'two_new_committee' ? (v === '' ? undefined : 'must be empty for the two_new_committee') : required(isId)(v, r)),
      industry: (v, r) => (r.level === 'industry_committee' ? required(isCode)(v, r) : v === '' ? undefined : 'is for industry committees only'),
      occupations: (v, r) => {
        if (r.level !== 'industry_committee') return v === '' ? undefined : 'is for industry committees only';
        const unknown = list(v).filter((o) => !(OCCUPATIONS as readonly string[]).includes(o));
        if (list(v).length === 0) return `must list occupations separated by ; (${OCCUPATIONS.join(', ')})`;
        return unknown.length ? `unknown occupation ${unknown.join(', ')} (known: ${OCCUPATIONS.join(', ')})` : undefined;
      },
      fallback: (v, r) => (v === '' ? undefined : r.level !== 'branch' ? 'is for branches only' : oneOf(['true', 'false'])(v, r)),
    },
    parentField: 'parentId',
    state: (r) => {
      const attributes: Record<string, unknown> | undefined =
        r.level === 'industry_committee' ? { industry: r.industry, occupations: list(r.occupations ?? '') } : r.level === 'branch' ? { fallback: r.fallback === 'true' } : undefined;
      return { id: r.id!, name: r.name, ...(r.level === 'two_new_committee' ? {} : { parentId: r.parentId }), ...(attributes ? { attributes } : {}) };
    },
  },
};

/** Each GeoJSON file's kind, properties, and the property naming the unit above. */
export const CITY_GEOJSON: Record<string, { kind: DirectoryKind; properties: Record<string, Check>; parentField?: string; polygon: 'required' | 'optional' }> = {
  'districts.geojson': { kind: 'district', properties: { id: required(isId), name: isName, supervisingOffice: optional(isCode) }, polygon: 'optional' },
  'grids.geojson': { kind: 'grid', properties: { id: required(isId), name: isName, communityId: required(isId) }, parentField: 'communityId', polygon: 'required' },
};

export const CITY_FILE_NAMES = [...Object.keys(CITY_GEOJSON), ...Object.keys(CITY_FILES)];

function readCsvFile(name: string, text: string, out: CityFiles): void {
  const spec = CITY_FILES[name]!;
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    out.problems.push({ file: name, row: 1, field: '-', message: (error as Error).message });
    return;
  }
  const [header, ...rows] = records;
  if (!header) {
    out.problems.push({ file: name, row: 1, field: '-', message: `the header row is missing (columns: ${Object.keys(spec.columns).join(',')})` });
    return;
  }
  const columns = header.fields.map((c) => c.trim());
  const unknown = columns.filter((c) => !(c in spec.columns));
  const missing = Object.keys(spec.columns).filter((c) => !columns.includes(c) && !spec.optionalColumns?.includes(c));
  if (unknown.length || missing.length) {
    const what = [unknown.length ? `unknown column ${unknown.join(', ')}` : '', missing.length ? `missing column ${missing.join(', ')}` : ''].filter(Boolean).join('; ');
    out.problems.push({ file: name, row: 1, field: unknown[0] ?? missing[0]!, message: `${what} (columns: ${Object.keys(spec.columns).join(',')})` });
    return;
  }
  for (const record of rows) {
    if (record.fields.length !== columns.length) {
      out.problems.push({ file: name, row: record.line, field: '-', message: `has ${record.fields.length} fields, the header ${columns.length}` });
      continue;
    }
    const row: Row = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]!.trim()]));
    const before = out.problems.length;
    for (const [column, check] of Object.entries(spec.columns)) {
      const value = row[column] ?? '';
      const problem = check(value, row);
      if (problem) out.problems.push({ file: name, row: record.line, field: column, message: `${value === '' ? '' : `"${value}" `}${problem}` });
    }
    if (out.problems.length > before) continue;
    out.entries.push({ source: { file: name, row: record.line }, state: { kind: spec.kind(row), ...spec.state(row) }, parentField: spec.parentField });
  }
}

function readGeoJsonFile(name: string, text: string, out: CityFiles): void {
  const spec = CITY_GEOJSON[name]!;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    out.problems.push({ file: name, row: 1, field: '-', message: `is not JSON: ${(error as Error).message}` });
    return;
  }
  const collection = document as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    out.problems.push({ file: name, row: 1, field: 'type', message: 'must be a GeoJSON FeatureCollection with a features array' });
    return;
  }
  collection.features.forEach((feature: unknown, index: number) => {
    const row = index + 1;
    const f = feature as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const before = out.problems.length;
    const problem = (field: string, message: string) => out.problems.push({ file: name, row, field, message });
    if (f?.type !== 'Feature') return problem('type', 'must be a Feature');
    const properties = f.properties ?? {};
    const values: Row = {};
    for (const [key, check] of Object.entries(spec.properties)) {
      const raw = properties[key];
      if (raw !== undefined && raw !== null && typeof raw !== 'string') {
        problem(key, 'must be a string');
        continue;
      }
      values[key] = (raw ?? '').trim();
      const message = check(values[key], values);
      if (message) problem(key, `${values[key] === '' ? '' : `"${values[key]}" `}${message}`);
    }
    const unknown = Object.keys(properties).filter((k) => !(k in spec.properties));
    if (unknown.length) problem(unknown[0]!, `unknown property (properties: ${Object.keys(spec.properties).join(', ')})`);
    const geometry = f.geometry;
    let polygon: CityEntryState['polygon'] = null;
    if (!geometry) {
      if (spec.polygon === 'required') problem('geometry', 'a Polygon is required');
    } else {
      const shape = polygonProblem(geometry);
      if (shape) problem('geometry', shape);
      else polygon = { type: 'Polygon', coordinates: geometry.coordinates as number[][][] };
    }
    if (out.problems.length > before) return;
    const parentId = spec.parentField ? values[spec.parentField] : undefined;
    out.entries.push({
      source: { file: name, row },
      state: {
        kind: spec.kind,
        id: values.id!,
        name: values.name,
        ...(spec.parentField ? { parentId } : {}),
        polygon,
        // A district's supervising office (督办): the department a hazard goes up to when its reporter is unsatisfied twice.
        ...(spec.kind === 'district' ? { attributes: { supervisingOffice: nullable(values.supervisingOffice ?? '') } } : {}),
      },
      parentField: spec.parentField,
    });
  });
}

/** What is wrong with a GeoJSON Polygon's shape (closed rings of ≥ 4 [lng, lat] positions), or undefined. */
export function polygonProblem(geometry: { type?: unknown; coordinates?: unknown }): string | undefined {
  if (geometry.type !== 'Polygon') return `must be a Polygon, not ${String(geometry.type)}`;
  const rings = geometry.coordinates;
  if (!Array.isArray(rings) || rings.length < 1 || rings.length > 20) return 'coordinates must be 1 to 20 rings';
  for (const [r, ring] of rings.entries()) {
    if (!Array.isArray(ring) || ring.length < 4 || ring.length > 5000) return `ring ${r} must have 4 to 5000 positions`;
    for (const p of ring as unknown[]) {
      if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) return `ring ${r} holds a position that is not [lng, lat]`;
      if (Math.abs(p[0] as number) > 180 || Math.abs(p[1] as number) > 90) return `ring ${r} holds [${p.join(', ')}], outside lng -180..180, lat -90..90`;
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return `ring ${r} is not closed (its last position must repeat its first)`;
  }
  return undefined;
}

/** Ids that appear twice: an entry's id is its kind's key (org units share one space of ids). */
function duplicateProblems(out: CityFiles): void {
  const seen = new Map<string, CitySource>();
  const orgUnit = (kind: DirectoryKind) => !['department', 'category', 'category_route', 'fallback_owner'].includes(kind);
  for (const entry of out.entries) {
    const key = orgUnit(entry.state.kind) ? `unit:${entry.state.id}` : `${entry.state.kind}:${entry.state.id}`;
    const first = seen.get(key);
    if (first) {
      const field = entry.state.kind === 'department' || entry.state.kind === 'category' ? 'code' : entry.state.kind === 'category_route' ? 'category' : entry.state.kind === 'fallback_owner' ? 'districtId' : 'id';
      out.problems.push({ ...entry.source, field, message: `${entry.state.id} is already given in ${first.file} row ${first.row}` });
    } else seen.set(key, entry.source);
  }
}

/**
 * Reads a city's files: a folder (every known file in it; other files are refused) or one
 * file. Every problem names its file, row and field; entries come only from rows without one.
 */
export function readCityFiles(path: string): CityFiles {
  const out: CityFiles = { entries: [], problems: [], files: [] };
  if (!existsSync(path)) {
    out.problems.push({ file: path, row: 0, field: '-', message: 'no such file or folder' });
    return out;
  }
  const folder = statSync(path).isDirectory();
  const names = folder ? readdirSync(path).filter((n) => !n.startsWith('.') && n.toLowerCase() !== 'readme.md').sort() : [basename(path)];
  for (const name of names) {
    const file = folder ? join(path, name) : path;
    if (!(name in CITY_FILES) && !(name in CITY_GEOJSON)) {
      out.problems.push({ file: name, row: 0, field: '-', message: `is not a directory file (expected: ${CITY_FILE_NAMES.join(', ')})` });
      continue;
    }
    out.files.push(name);
    const text = readFileSync(file, 'utf8');
    if (name in CITY_GEOJSON) readGeoJsonFile(name, text, out);
    else readCsvFile(name, text, out);
  }
  duplicateProblems(out);
  return out;
}

/** Reads a city's files; throws listing every problem (for tools and tests that need a valid city). */
export function readValidCity(path: string): CityEntry[] {
  const read = readCityFiles(path);
  if (read.problems.length > 0) throw new Error(`${path} is not a valid city:\n${read.problems.map(describeProblem).join('\n')}`);
  return read.entries;
}

/** The states of the entries of one kind. */
export const statesOf = (entries: readonly CityEntry[], kind: DirectoryKind): CityEntryState[] =>
  entries.filter((e) => e.state.kind === kind).map((e) => e.state);
