/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: the local date of an
 * instant, and the instant of a local date and time. Asia/Shanghai has had no daylight
 * saving since 1991, but nothing here assumes a fixed offset.
 */

const DAY_MS = 86_400_000;

/** A civil (local) date as the number of days since 1970-01-01. */
export type DayNumber = number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +8 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const parts = formatter(timeZone).formatToParts(new Date(whole));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - whole;
}

/** The local date an instant falls on in the zone. */
export function localDay(instant: number, timeZone: string): DayNumber {
  return Math.floor((instant + zoneOffsetMs(instant, timeZone)) / DAY_MS);
}

/** The instant of a local time of day (minutes after midnight, 1440 = the next midnight) on a local date. */
export function zonedInstant(day: DayNumber, minuteOfDay: number, timeZone: string): number {
  const local = day * DAY_MS + minuteOfDay * 60_000;
  const first = local - zoneOffsetMs(local, timeZone);
  const second = local - zoneOffsetMs(first, timeZone);
  return second;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of `YYYY-MM-DD`, or undefined when it is not a real date. */
export function parseDay(text: string): DayNumber | undefined {
  const match = ISO_DAY.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
