import { createHash } from 'node:crypto';

/** One formatter per time zone: building one costs more than the submission's own work. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `at` in `timeZone`, as YYYYMMDD. */
export function trackingDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
}

/** What a city's prefix may be (TRACKING_PREFIX): two to eight capital letters or digits, starting with a letter. */
export const TRACKING_PREFIX_PATTERN = /^[A-Z][A-Z0-9]{1,7}$/;

/** <prefix>-YYYYMMDD-NNNNNN: the city, the day and that day's serial number. */
export function formatTrackingNo(prefix: string, day: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new RangeError(`tracking serial ${serial} out of range`);
  return `${prefix}-${day}-${String(serial).padStart(6, '0')}`;
}

/** A tracking number of any city. */
export const TRACKING_NO_PATTERN = /^[A-Z][A-Z0-9]{1,7}-\d{8}-\d{6}$/;

/** A stable fingerprint of a request body: keys sorted at every depth, undefined dropped. */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
