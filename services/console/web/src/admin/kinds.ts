import type { TFunction } from 'i18next';
import { answer, routing } from '../api/clients';
import type { components as RoutingSchemas } from '../api/routing';
import type { Problems } from '../shared/validation';
import { budgetOf, type Built, checkFields, daysOf, type Field, hoursOf, hoursText, jsonText, optionalNumber, optionalObject, optionalText, requiredText, type Values } from './entries';

/** Routing's directory and SLA settings as the admin reads them, from routing's OpenAPI document (each entry with its version). */
type Routing<K extends keyof RoutingSchemas['schemas']> = RoutingSchemas['schemas'][K];
export type Department = Routing<'DepartmentView'>;
export type OrgUnit = Routing<'OrgUnitView'>;
export type GridWorker = Routing<'GridWorkerEntryView'>;
export type Station = Routing<'StationView'>;
export type CategoryRoute = Routing<'CategoryRouteView'>;
export type FallbackOwner = Routing<'FallbackOwnerView'>;
export type DirectoryCategory = Routing<'DirectoryCategoryView'>;
/** A change of a policy or calendar (GET /v1/sla/history). */
export type SettingsChange = Routing<'SettingsChangeView'>;

/** The SLA settings (GET /v1/sla/policies, /v1/sla/calendars). */
export type Policy = Routing<'PolicyView'>;
export type Calendar = Routing<'CalendarView'>;

export const TARGETS = ['respond', 'resolve', 'accept', 'verify'] as const;
/** What every entry carries: its version (sent back as expectedVersion) and, for the directory's, whether it is retired. */
type Versioned = { version: number; retired?: boolean };
export const CHAIN_LEVELS: UnitLevel[] = ['two_new_committee', 'industry_committee', 'branch', 'member'];

/** Everything the admin's screens read, so a form can offer the live grids, districts, departments… */
export interface Lookups {
  departments: Department[];
  units: OrgUnit[];
  gridWorkers: GridWorker[];
  stations: Station[];
  routes: CategoryRoute[];
  fallbacks: FallbackOwner[];
  categories: DirectoryCategory[];
  policies: Policy[];
  calendars: Calendar[];
}

export interface Option {
  value: string | number;
  label: string;
}
export interface FormField extends Field {
  options?: (d: Lookups, t: TFunction) => Option[];
}

/** One kind of entry: its rows, its form, and how a save and a retirement reach the API. */
export interface EntryKind<E, B> {
  /** Its catalogue key under admin.kinds. */
  key: string;
  /** The list its rows come from. */
  source: keyof Lookups;
  rows: (d: Lookups) => E[];
  id: (e: E) => string;
  name: (e: E, d: Lookups, t: TFunction) => string;
  /** The columns besides name, version and status (catalogue keys under admin.field). */
  columns: { label: string; value: (e: E, d: Lookups, t: TFunction) => string }[];
  fields: FormField[];
  values: (e: E | null) => Values;
  /** label: a field's catalogue key (admin.field.…) in the reader's language, for the messages. */
  body: (v: Values, label: (key: string) => string) => Built<B>;
  send: (body: B, existing: E | null) => Promise<unknown>;
  retire?: (e: E) => Promise<unknown>;
}

const live = <T extends Versioned>(items: T[]) => items.filter((e) => !e.retired);
const unitsOf = (d: Lookups, ...levels: string[]) => d.units.filter((u) => levels.includes(u.level));
const unitOptions = (d: Lookups, ...levels: string[]) => live(unitsOf(d, ...levels)).map((u) => ({ value: u.id, label: u.name }));
const departmentOptions = (d: Lookups) => live(d.departments).map((x) => ({ value: x.code, label: x.name }));
const nameOf = (items: { id?: string; code?: string; name: string }[], id: string | null | undefined) => items.find((x) => (x.id ?? x.code) === id)?.name ?? id ?? '';
const expected = (e: Versioned | null) => (e ? { expectedVersion: e.version } : {});

/** The form's own checks, then the body (or the problems that keep it back). */
function built<B>(fields: readonly Field[], v: Values, label: (key: string) => string, make: () => B | { problems: Problems }): Built<B> {
  const problems = checkFields(v, fields, (f) => label(f.label));
  if (Object.keys(problems).length) return { problems };
  const made = make();
  return made && typeof made === 'object' && 'problems' in made ? made : { body: made as B };
}

const departmentFields: FormField[] = [
  { name: 'code', label: 'code', input: 'text', fixed: true },
  { name: 'name', label: 'name', input: 'text' },
];
export const departments: EntryKind<Department, { code: string; name: string }> = {
  key: 'departments',
  source: 'departments',
  rows: (d) => d.departments,
  id: (e) => e.code,
  name: (e) => e.name,
  columns: [{ label: 'code', value: (e) => e.code }],
  fields: departmentFields,
  values: (e) => ({ code: e?.code ?? '', name: e?.name ?? '' }),
  body: (v, label) => built(departmentFields, v, label, () => ({ code: requiredText(v.code), name: requiredText(v.name) })),
  send: ({ code, name }, e) =>
    e
      ? answer(routing.PUT('/v1/directory/departments/{code}', { params: { path: { code } }, body: { name, ...expected(e) } }))
      : answer(routing.POST('/v1/directory/departments', { body: { code, name } })),
  retire: (e) => answer(routing.POST('/v1/directory/departments/{code}/retire', { params: { path: { code: e.code } }, body: expected(e) })),
};

type UnitLevel = Routing<'CreateOrgUnitDto'>['level'];
interface UnitBody {
  id: string;
  level: UnitLevel;
  name: string;
  parentId?: string;
  polygon?: Routing<'PolygonDto'>;
  attributes?: Record<string, unknown>;
}
/** A polygon field's object as routing's PolygonDto (routing judges its rings), or the problem when it is no GeoJSON Polygon. */
const polygonOf = (v: unknown): Routing<'PolygonDto'> | undefined | 'notPolygon' => {
  const polygon = optionalObject(v);
  if (!polygon) return undefined;
  return polygon.type === 'Polygon' ? { type: 'Polygon', coordinates: polygon.coordinates } : 'notPolygon';
};
const ATTRIBUTE_SKIP = new Set(['id', 'level', 'name', 'parentId', 'polygon', 'version', 'retired']);
const attributesOf = (u: OrgUnit) => Object.fromEntries(Object.entries(u).filter(([k, v]) => !ATTRIBUTE_SKIP.has(k) && v !== undefined && v !== null));

function unitKind(key: string, levels: UnitLevel[], parentLevels: string[], extra: FormField[]): EntryKind<OrgUnit, UnitBody> {
  const fields: FormField[] = [
    { name: 'id', label: 'id', input: 'text', fixed: true },
    ...(levels.length > 1 ? [{ name: 'level', label: 'level', input: 'select', fixed: true, options: (_d: Lookups, t: TFunction) => levels.map((l) => ({ value: l, label: t(`admin.level.${l}`) })) } as FormField] : []),
    { name: 'name', label: 'name', input: 'text' },
    { name: 'parentId', label: 'parentId', input: 'select', optional: true, options: (d, t) => live(unitsOf(d, ...parentLevels)).map((u) => ({ value: u.id, label: `${u.name} · ${t(`admin.level.${u.level}`)}` })) },
    ...extra,
  ];
  return {
    key,
    source: 'units',
    rows: (d) => unitsOf(d, ...levels),
    id: (e) => e.id,
    name: (e) => e.name,
    columns: [
      { label: 'id', value: (e) => e.id },
      { label: 'level', value: (e, _d, t) => t(`admin.level.${e.level}`, { defaultValue: e.level }) },
      { label: 'parentId', value: (e, d) => nameOf(d.units, e.parentId) },
    ],
    fields,
    values: (e) => ({ id: e?.id ?? '', level: e?.level ?? levels[0], name: e?.name ?? '', parentId: e?.parentId ?? undefined, polygon: e?.polygon ? jsonText(e.polygon) : '', attributes: e && Object.keys(attributesOf(e)).length ? jsonText(attributesOf(e)) : '' }),
    body: (v, label) =>
      built<UnitBody>(fields, v, label, () => {
        const polygon = fields.some((f) => f.name === 'polygon') ? polygonOf(v.polygon) : undefined;
        if (polygon === 'notPolygon') return { problems: { polygon: { key: 'validation.polygon', values: { field: label('polygon') } } } };
        return {
          id: requiredText(v.id),
          level: levels.find((l) => l === v.level) ?? levels[0]!,
          name: requiredText(v.name),
          parentId: optionalText(v.parentId),
          ...(polygon ? { polygon } : {}),
          ...(fields.some((f) => f.name === 'attributes') ? { attributes: optionalObject(v.attributes) } : {}),
        };
      }),
    send: ({ id, level, ...rest }, e) =>
      e
        ? answer(routing.PUT('/v1/directory/org-units/{id}', { params: { path: { id } }, body: { ...rest, ...expected(e) } }))
        : answer(routing.POST('/v1/directory/org-units', { body: { id, level, ...rest } })),
    retire: (e) => answer(routing.POST('/v1/directory/org-units/{id}/retire', { params: { path: { id: e.id } }, body: expected(e) })),
  };
}

export const grids = unitKind('grids', ['grid'], ['community'], [{ name: 'polygon', label: 'polygon', input: 'json', hint: 'polygon' }]);
/** Districts, streets and communities: the areas grids hang from (a district may carry its polygon and its supervising office). */
export const areas = unitKind('areas', ['district', 'street', 'community'], ['district', 'street'], [
  { name: 'polygon', label: 'polygon', input: 'json', optional: true, hint: 'polygon' },
  { name: 'attributes', label: 'attributes', input: 'json', optional: true },
]);
export const chainUnits = unitKind('chainUnits', CHAIN_LEVELS, CHAIN_LEVELS.slice(0, 3), [{ name: 'attributes', label: 'attributes', input: 'json', optional: true }]);

interface GridWorkerBody {
  id: string;
  name: string;
  gridId: string;
  phone?: string;
  employment: 'full_time' | 'part_time';
  workerId?: string;
  stationId?: string;
}
const gridWorkerFields: FormField[] = [
  { name: 'id', label: 'id', input: 'text', fixed: true },
  { name: 'name', label: 'name', input: 'text' },
  { name: 'gridId', label: 'gridId', input: 'select', options: (d) => unitOptions(d, 'grid') },
  { name: 'phone', label: 'phone', input: 'text', optional: true },
  { name: 'employment', label: 'employment', input: 'select', options: (_d, t) => ['full_time', 'part_time'].map((e) => ({ value: e, label: t(`admin.employment.${e}`) })) },
  { name: 'workerId', label: 'workerId', input: 'text', optional: true, hint: 'workerId' },
  { name: 'stationId', label: 'stationId', input: 'select', optional: true, hint: 'stationId', options: (d) => live(d.stations).map((s) => ({ value: s.id, label: s.name })) },
];
export const gridWorkers: EntryKind<GridWorker, GridWorkerBody> = {
  key: 'gridWorkers',
  source: 'gridWorkers',
  rows: (d) => d.gridWorkers,
  id: (e) => e.id,
  name: (e) => e.name,
  columns: [
    { label: 'gridId', value: (e, d) => nameOf(d.units, e.gridId) },
    { label: 'phone', value: (e) => e.phone ?? '' },
    { label: 'employment', value: (e, _d, t) => t(`admin.employment.${e.employment}`) + (e.workerId ? ` · ${e.workerId}` : '') },
    { label: 'stationId', value: (e, d) => (e.stationId ? (d.stations.find((s) => s.id === e.stationId)?.name ?? e.stationId) : '') },
  ],
  fields: gridWorkerFields,
  values: (e) => ({ id: e?.id ?? '', name: e?.name ?? '', gridId: e?.gridId, phone: e?.phone ?? '', employment: e?.employment ?? 'full_time', workerId: e?.workerId ?? '', stationId: e?.stationId ?? undefined }),
  body: (v, label) =>
    built(gridWorkerFields, v, label, () => ({
      id: requiredText(v.id),
      name: requiredText(v.name),
      gridId: requiredText(v.gridId),
      phone: optionalText(v.phone),
      employment: v.employment === 'part_time' ? 'part_time' : 'full_time',
      workerId: optionalText(v.workerId),
      stationId: optionalText(v.stationId),
    })),
  send: ({ id, ...rest }, e) =>
    e
      ? answer(routing.PUT('/v1/directory/grid-workers/{id}', { params: { path: { id } }, body: { ...rest, ...expected(e) } }))
      : answer(routing.POST('/v1/directory/grid-workers', { body: { id, ...rest } })),
  retire: (e) => answer(routing.POST('/v1/directory/grid-workers/{id}/retire', { params: { path: { id: e.id } }, body: expected(e) })),
};

interface StationBody {
  id: string;
  name: string;
  districtId: string;
  address: string;
  hours: string;
  staff?: string[];
  phone?: string;
}
const stationFields: FormField[] = [
  { name: 'id', label: 'id', input: 'text', fixed: true },
  { name: 'name', label: 'name', input: 'text' },
  { name: 'districtId', label: 'districtId', input: 'select', options: (d) => unitOptions(d, 'district') },
  { name: 'address', label: 'address', input: 'text' },
  { name: 'hours', label: 'openingHours', input: 'text', hint: 'openingHours' },
  { name: 'staff', label: 'staff', input: 'text', optional: true, hint: 'staff' },
  { name: 'phone', label: 'phone', input: 'text', optional: true },
];
/** The staff as typed: names separated by 、 ， , or ; (none: an empty list left out). */
const staffOf = (v: unknown): string[] | undefined => {
  const names = String(v ?? '').split(/[、，,;；]/).map((n) => n.trim()).filter((n) => n !== '');
  return names.length ? names : undefined;
};
/** Stations (驿站): where workers rest and walk in, with their address, opening hours and staff. */
export const stations: EntryKind<Station, StationBody> = {
  key: 'stations',
  source: 'stations',
  rows: (d) => d.stations,
  id: (e) => e.id,
  name: (e) => e.name,
  columns: [
    { label: 'districtId', value: (e, d) => nameOf(d.units, e.districtId) },
    { label: 'address', value: (e) => e.address },
    { label: 'openingHours', value: (e) => e.hours },
  ],
  fields: stationFields,
  values: (e) => ({ id: e?.id ?? '', name: e?.name ?? '', districtId: e?.districtId, address: e?.address ?? '', hours: e?.hours ?? '', staff: (e?.staff ?? []).join('、'), phone: e?.phone ?? '' }),
  body: (v, label) =>
    built(stationFields, v, label, () => ({
      id: requiredText(v.id),
      name: requiredText(v.name),
      districtId: requiredText(v.districtId),
      address: requiredText(v.address),
      hours: requiredText(v.hours),
      staff: staffOf(v.staff),
      phone: optionalText(v.phone),
    })),
  send: ({ id, ...rest }, e) =>
    e
      ? answer(routing.PUT('/v1/directory/stations/{id}', { params: { path: { id } }, body: { ...rest, ...expected(e) } }))
      : answer(routing.POST('/v1/directory/stations', { body: { id, ...rest } })),
  retire: (e) => answer(routing.POST('/v1/directory/stations/{id}/retire', { params: { path: { id: e.id } }, body: expected(e) })),
};

const routeFields: FormField[] = [
  { name: 'category', label: 'category', input: 'select', fixed: true, options: (d, t) => d.categories.map((c) => ({ value: c.code, label: t(`category.${c.code}`, { defaultValue: c.name }) })) },
  { name: 'districtId', label: 'districtId', input: 'select', fixed: true, options: (d) => unitOptions(d, 'district') },
  { name: 'departmentCode', label: 'departmentCode', input: 'select', options: departmentOptions },
];
export const categoryRoutes: EntryKind<CategoryRoute, { category: string; districtId: string; departmentCode: string }> = {
  key: 'categoryRoutes',
  source: 'routes',
  rows: (d) => d.routes,
  id: (e) => `${e.category}@${e.districtId}`,
  name: (e, d, t) => `${t(`category.${e.category}`, { defaultValue: e.category })} · ${nameOf(d.units, e.districtId)}`,
  columns: [{ label: 'departmentCode', value: (e, d) => nameOf(d.departments, e.departmentCode) }],
  fields: routeFields,
  values: (e) => ({ category: e?.category, districtId: e?.districtId, departmentCode: e?.departmentCode }),
  body: (v, label) => built(routeFields, v, label, () => ({ category: requiredText(v.category), districtId: requiredText(v.districtId), departmentCode: requiredText(v.departmentCode) })),
  send: (body, e) => answer(routing.PUT('/v1/directory/category-routes', { body: { ...body, ...expected(e) } })),
  retire: (e) => answer(routing.POST('/v1/directory/category-routes/retire', { body: { category: e.category, districtId: e.districtId, ...expected(e) } })),
};

const fallbackFields: FormField[] = [
  { name: 'districtId', label: 'districtId', input: 'select', fixed: true, optional: true, hint: 'city', options: (d) => unitOptions(d, 'district') },
  { name: 'departmentCode', label: 'departmentCode', input: 'select', options: departmentOptions },
];
export const fallbackOwners: EntryKind<FallbackOwner, { districtId?: string; departmentCode: string }> = {
  key: 'fallbackOwners',
  source: 'fallbacks',
  rows: (d) => d.fallbacks,
  id: (e) => e.districtId ?? '*',
  name: (e, d, t) => (e.districtId ? nameOf(d.units, e.districtId) : t('admin.city')),
  columns: [{ label: 'departmentCode', value: (e, d) => nameOf(d.departments, e.departmentCode) }],
  fields: fallbackFields,
  values: (e) => ({ districtId: e?.districtId ?? undefined, departmentCode: e?.departmentCode }),
  body: (v, label) => built(fallbackFields, v, label, () => ({ districtId: optionalText(v.districtId), departmentCode: requiredText(v.departmentCode) })),
  send: (body, e) => answer(routing.PUT('/v1/directory/fallback-owners', { body: { ...body, ...expected(e) } })),
  retire: (e) => answer(routing.POST('/v1/directory/fallback-owners/retire', { body: { districtId: e.districtId ?? '*', ...expected(e) } })),
};

const reasonField: FormField = { name: 'reason', label: 'reason', input: 'textarea', optional: true };
const policyFields: FormField[] = [
  { name: 'id', label: 'id', input: 'text', fixed: true },
  { name: 'description', label: 'description', input: 'text', optional: true },
  { name: 'match', label: 'match', input: 'json', hint: 'match' },
  ...TARGETS.map((target): FormField => ({ name: target, api: `targets.${target}`, label: target, input: 'text', optional: true, hint: 'budget' })),
  { name: 'warnShare', label: 'warnShare', input: 'number', optional: true },
  { name: 'calendar', label: 'calendar', input: 'select', options: (d) => d.calendars.map((c) => ({ value: c.id, label: c.description ? `${c.id} · ${c.description}` : c.id })) },
  { name: 'priority', label: 'priority', input: 'number', optional: true },
  reasonField,
];
export interface PolicyBody {
  id: string;
  description?: string;
  match: Record<string, unknown>;
  targets: Record<string, number | string>;
  warnShare?: number;
  calendar: string;
  priority?: number;
  reason?: string;
}
export const policies: EntryKind<Policy, PolicyBody> = {
  key: 'policies',
  source: 'policies',
  rows: (d) => d.policies,
  id: (e) => e.id,
  name: (e) => e.id,
  columns: [
    { label: 'description', value: (e) => e.description ?? '' },
    { label: 'match', value: (e) => jsonText(e.match) },
    { label: 'calendar', value: (e) => e.calendar },
  ],
  fields: policyFields,
  values: (e) => ({
    id: e?.id ?? '',
    description: e?.description ?? '',
    match: jsonText(e?.match ?? {}),
    ...Object.fromEntries(TARGETS.map((target) => [target, e?.targets[target] === undefined ? '' : String(e.targets[target])])),
    warnShare: e?.warnShare === undefined ? '' : String(e.warnShare),
    calendar: e?.calendar,
    priority: e?.priority === undefined ? '' : String(e.priority),
    reason: '',
  }),
  body: (v, label) =>
    built(policyFields, v, label, () => ({
      id: requiredText(v.id),
      description: optionalText(v.description),
      match: optionalObject(v.match) ?? {},
      targets: Object.fromEntries(TARGETS.flatMap((target) => (budgetOf(v[target]) === undefined ? [] : [[target, budgetOf(v[target])!]]))),
      warnShare: optionalNumber(v.warnShare),
      calendar: requiredText(v.calendar),
      priority: optionalNumber(v.priority),
      reason: optionalText(v.reason),
    })),
  send: ({ id, ...rest }, e) => answer(routing.PUT('/v1/sla/policies/{id}', { params: { path: { id } }, body: { ...rest, ...expected(e) } })),
  retire: (e) => answer(routing.DELETE('/v1/sla/policies/{id}', { params: { path: { id: e.id } }, body: expected(e) })),
};

const calendarFields: FormField[] = [
  { name: 'id', label: 'id', input: 'text', fixed: true },
  { name: 'description', label: 'description', input: 'text', optional: true },
  { name: 'kind', label: 'kind', input: 'select', options: (_d, t) => ['calendar', 'working'].map((k) => ({ value: k, label: t(`admin.calendarKind.${k}`) })) },
  { name: 'timeZone', label: 'timeZone', input: 'text', optional: true },
  { name: 'workingHours', label: 'workingHours', input: 'text', optional: true, hint: 'workingHours' },
  { name: 'weekend', label: 'weekend', input: 'multi', optional: true, options: (_d, t) => [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: t(`admin.weekday.${day}`) })) },
  { name: 'holidays', label: 'holidays', input: 'textarea', optional: true, hint: 'days' },
  { name: 'workdays', label: 'workdays', input: 'textarea', optional: true, hint: 'days' },
  reasonField,
];
export interface CalendarBody {
  id: string;
  description?: string;
  kind: 'calendar' | 'working';
  timeZone?: string;
  workingHours?: { from: string; to: string }[];
  weekend?: number[];
  holidays?: string[];
  workdays?: string[];
  reason?: string;
}
export const calendars: EntryKind<Calendar, CalendarBody> = {
  key: 'calendars',
  source: 'calendars',
  rows: (d) => d.calendars,
  id: (e) => e.id,
  name: (e) => e.id,
  columns: [
    { label: 'description', value: (e) => e.description ?? '' },
    { label: 'kind', value: (e, _d, t) => t(`admin.calendarKind.${e.kind}`) },
    { label: 'workingHours', value: (e) => hoursText(e.workingHours) },
  ],
  fields: calendarFields,
  values: (e) => ({
    id: e?.id ?? '',
    description: e?.description ?? '',
    kind: e?.kind ?? 'working',
    timeZone: e?.timeZone ?? '',
    workingHours: hoursText(e?.workingHours),
    weekend: e?.weekend ?? [],
    holidays: (e?.holidays ?? []).join('\n'),
    workdays: (e?.workdays ?? []).join('\n'),
    reason: '',
  }),
  body: (v, label) =>
    built<CalendarBody>(calendarFields, v, label, () => {
      const hours = optionalText(v.workingHours) === undefined ? undefined : hoursOf(v.workingHours);
      if (optionalText(v.workingHours) !== undefined && !hours) return { problems: { workingHours: { key: 'validation.hours', values: { field: label('workingHours') } } } };
      return {
        id: requiredText(v.id),
        description: optionalText(v.description),
        kind: v.kind === 'calendar' ? ('calendar' as const) : ('working' as const),
        timeZone: optionalText(v.timeZone),
        workingHours: hours,
        weekend: Array.isArray(v.weekend) ? (v.weekend as number[]) : undefined,
        holidays: daysOf(v.holidays),
        workdays: daysOf(v.workdays),
        reason: optionalText(v.reason),
      };
    }),
  send: ({ id, ...rest }, e) => answer(routing.PUT('/v1/sla/calendars/{id}', { params: { path: { id } }, body: { ...rest, ...expected(e) } })),
};
