import type { Urgency } from '@grievance/contracts';
import { Open311Error } from './open311-error';
import type { Open311Status } from './open311-requests';
import { SERVICE_ATTRIBUTES } from './open311-services';

/** The arguments of "POST Service Request" (GeoReport v2), checked. */
export interface ServiceRequestForm {
  apiKey: string;
  jurisdictionId?: string;
  serviceCode: string;
  lat: number;
  long: number;
  addressString?: string;
  description: string;
  mediaUrl?: string;
  accountId?: string;
  deviceId?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  urgency?: Urgency;
}

const FORM_FIELDS = new Set([
  'api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'device_id', 'account_id',
  'first_name', 'last_name', 'phone', 'description', 'media_url',
]);
const ATTRIBUTE = /^attribute\[([a-z_]{1,40})\]$/;
const ID = /^[A-Za-z0-9._@+-]{1,128}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;
/** The spec's limit on description. */
export const DESCRIPTION_MAX = 4000;

/** A `media_url` is kept as a link for people to open: http(s) only, no credentials, never fetched by intake. */
function mediaUrlProblem(value: string): string | undefined {
  if (value.length > 2000) return 'media_url: at most 2000 characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'media_url: must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'media_url: must be an http or https URL';
  if (url.username || url.password) return 'media_url: must not carry credentials';
  return undefined;
}

function coordinate(name: 'lat' | 'long', raw: string, limit: number, problems: string[]): number | undefined {
  const value = Number(raw);
  if (!DECIMAL.test(raw.trim()) || !Number.isFinite(value) || Math.abs(value) > limit) {
    problems.push(`${name}: must be a decimal number between -${limit} and ${limit} (WGS84)`);
    return undefined;
  }
  return value;
}

/**
 * Reads a form-encoded "POST Service Request". Every problem is named by its field, all at
 * once (400). A request needs a point: lat and long. An address_string (or address_id) alone
 * is refused with 400 naming lat/long, since this city has no geocoder to place it and the
 * routing to a grid and its worker needs coordinates; with coordinates it is kept as the address.
 * `api_key` is only read here; whether it is a partner's is the caller's check.
 */
export function readServiceRequestForm(form: URLSearchParams): ServiceRequestForm {
  const problems: string[] = [];
  const single = new Map<string, string>();
  const attributes = new Map<string, string>();
  for (const [key, value] of form) {
    const attribute = ATTRIBUTE.exec(key);
    if (!FORM_FIELDS.has(key) && !attribute) {
      problems.push(`${key.slice(0, 60)}: not an argument of POST Service Request`);
      continue;
    }
    if (single.has(key) || (attribute && attributes.has(attribute[1]!))) {
      problems.push(`${key}: given more than once`);
      continue;
    }
    if (attribute) attributes.set(attribute[1]!, value);
    else single.set(key, value);
  }
  const text = (name: string, max: number, pattern?: RegExp, hint?: string): string | undefined => {
    const value = single.get(name);
    if (value === undefined || value === '') return undefined;
    if (value.length > max) problems.push(`${name}: at most ${max} characters`);
    else if (pattern && !pattern.test(value)) problems.push(`${name}: ${hint ?? 'not in the expected form'}`);
    return value;
  };

  const apiKey = single.get('api_key') ?? '';
  const jurisdictionId = text('jurisdiction_id', 100);
  const serviceCode = text('service_code', 64, /^[a-z][a-z0-9_]*$/, 'must be a service_code of GET services');
  if (serviceCode === undefined) problems.push('service_code: required (a service_code of GET services)');

  const rawLat = single.get('lat');
  const rawLong = single.get('long');
  const addressString = text('address_string', 300);
  let lat: number | undefined;
  let long: number | undefined;
  if (rawLat !== undefined && rawLat !== '') lat = coordinate('lat', rawLat, 90, problems);
  if (rawLong !== undefined && rawLong !== '') long = coordinate('long', rawLong, 180, problems);
  const hasLat = rawLat !== undefined && rawLat !== '';
  const hasLong = rawLong !== undefined && rawLong !== '';
  if (!hasLat && !hasLong) {
    problems.push(
      addressString !== undefined || single.has('address_id')
        ? 'lat, long: required; an address alone cannot be placed here (no geocoder), and routing needs the point'
        : 'lat, long: required (the location, WGS84)',
    );
  } else if (!hasLat) problems.push('lat: required with long');
  else if (!hasLong) problems.push('long: required with lat');

  const description = text('description', DESCRIPTION_MAX) ?? '';
  const mediaUrl = text('media_url', 2000);
  if (mediaUrl !== undefined) {
    const problem = mediaUrlProblem(mediaUrl);
    if (problem) problems.push(problem);
  }
  const accountId = text('account_id', 128, ID, 'letters, digits and . _ @ + - only');
  const deviceId = text('device_id', 128, ID, 'letters, digits and . _ @ + - only');
  const email = text('email', 254, EMAIL, 'must be an email address');
  const firstName = text('first_name', 100);
  const lastName = text('last_name', 100);
  const phone = text('phone', 32, PHONE, 'must be a phone number');

  let urgency: Urgency | undefined;
  for (const [code, value] of attributes) {
    const allowed = SERVICE_ATTRIBUTES[code];
    if (!allowed) problems.push(`attribute[${code}]: not an attribute of this service (see its service definition)`);
    else if (!allowed.includes(value)) problems.push(`attribute[${code}]: must be one of ${allowed.join(', ')}`);
    else if (code === 'urgency') urgency = value as Urgency;
  }

  if (problems.length > 0) throw Open311Error.badRequest(problems);
  return {
    apiKey,
    ...(jurisdictionId !== undefined ? { jurisdictionId } : {}),
    serviceCode: serviceCode!,
    lat: lat!,
    long: long!,
    ...(addressString !== undefined ? { addressString } : {}),
    description,
    ...(mediaUrl !== undefined ? { mediaUrl } : {}),
    ...(accountId !== undefined ? { accountId } : {}),
    ...(deviceId !== undefined ? { deviceId } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(firstName !== undefined ? { firstName } : {}),
    ...(lastName !== undefined ? { lastName } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(urgency !== undefined ? { urgency } : {}),
  };
}

/** The filters of "GET Service Requests", checked. */
export interface RequestFilter {
  /** Tracking numbers; when given, the other filters are ignored (as the spec says). */
  serviceRequestIds?: string[];
  serviceCodes?: string[];
  start: Date;
  end: Date;
  status?: Open311Status[];
  jurisdictionId?: string;
}

/** The spec's window (the default, and the most a range may span) and the most a list answers. */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const MAX_IDS = 100;
const QUERY_FIELDS = new Set(['jurisdiction_id', 'service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'api_key']);
const TRACKING_NO = /^[A-Z][A-Z0-9]{1,7}-\d{8}-\d{6}$/;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** A w3c/ISO 8601 date-time with its offset (or a bare date, taken as 00:00 UTC); undefined when it is none. */
export function parseIsoDate(value: string): Date | undefined {
  const m = ISO_8601.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  // The calendar must agree: 2026-02-30 and 24:00 are not dates.
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (utc.getUTCFullYear() !== Number(y) || utc.getUTCMonth() !== Number(mo) - 1 || utc.getUTCDate() !== Number(d) || utc.getUTCHours() !== Number(h) || utc.getUTCMinutes() !== Number(mi) || utc.getUTCSeconds() !== Number(s)) {
    return undefined;
  }
  const at = new Date(m[4] === undefined ? `${y}-${mo}-${d}T00:00:00Z` : value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Reads the query of "GET Service Requests"; `now` ends the default window. */
export function readRequestFilter(query: Record<string, unknown>, now: Date): RequestFilter {
  const problems: string[] = [];
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(query)) {
    if (!QUERY_FIELDS.has(key)) problems.push(`${key.slice(0, 60)}: not a filter of GET Service Requests`);
    else if (typeof value !== 'string') problems.push(`${key}: given more than once`);
    else values.set(key, value);
  }
  const list = (key: string, pattern: RegExp, hint: string, max: number): string[] | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    const items = raw.split(',').map((item) => item.trim());
    if (items.length > max) problems.push(`${key}: at most ${max} values`);
    else if (items.some((item) => !pattern.test(item))) problems.push(`${key}: ${hint}`);
    return items;
  };
  const date = (key: string): Date | undefined => {
    const raw = values.get(key);
    if (raw === undefined) return undefined;
    const at = parseIsoDate(raw);
    if (!at) problems.push(`${key}: must be an ISO 8601 date-time with its offset, e.g. 2026-12-01T00:00:00+08:00`);
    return at;
  };
  const serviceRequestIds = list('service_request_id', TRACKING_NO, 'a comma-separated list of service_request_ids (NC-YYYYMMDD-NNNNNN)', MAX_IDS);
  const serviceCodes = list('service_code', /^[a-z][a-z0-9_]{0,63}$/, 'a comma-separated list of service_codes of GET services', 50);
  const status = list('status', /^(open|closed)$/, 'open, closed, or both comma-separated', 2) as Open311Status[] | undefined;
  const startAt = date('start_date');
  const endAt = date('end_date');
  const jurisdictionId = values.get('jurisdiction_id');
  if (problems.length > 0) throw Open311Error.badRequest(problems);
  // The spec's default: the most recent 90 days (a given start without an end runs 90 days on).
  const end = endAt ?? (startAt ? new Date(Math.min(now.getTime(), startAt.getTime() + DEFAULT_WINDOW_DAYS * 86_400_000)) : now);
  const start = startAt ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  if (start.getTime() > end.getTime()) throw Open311Error.badRequest(['end_date: must not be before start_date']);
  if (end.getTime() - start.getTime() > DEFAULT_WINDOW_DAYS * 86_400_000) {
    throw Open311Error.badRequest([`end_date: the range from start_date may not span more than ${DEFAULT_WINDOW_DAYS} days`]);
  }
  return {
    ...(serviceRequestIds ? { serviceRequestIds } : {}),
    ...(serviceCodes ? { serviceCodes } : {}),
    start,
    end,
    ...(status ? { status } : {}),
    ...(jurisdictionId !== undefined ? { jurisdictionId } : {}),
  };
}

/** A service_request_id in a path: a tracking number, or 404 (nothing else ever names a request). */
export function isServiceRequestId(value: string): boolean {
  return TRACKING_NO.test(value);
}
