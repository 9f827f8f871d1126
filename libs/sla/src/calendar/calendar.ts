import { DomainError, FieldProblem, fieldProblem } from '@grievance/contracts';
import { assertTimeZone, DayNumber, isoWeekday, localDay, parseDay, zonedInstant } from './zone';

/**
 * How a deadline counts time. Budgets are consumed only while the calendar says "working":
 * around the clock for calendar time, or inside working hours on working days (weekends
 * and public holidays off, make-up working days 调休 on) for working time.
 *
 * All instants are epoch milliseconds; a calendar is pure (no clock, no I/O).
 */
export interface SlaCalendar {
  readonly id: string;
  /** How long one day of budget is: 24 h in calendar time, one working day in working time. */
  readonly dayMs: number;
  /** The instant at which `ms` of working time will have passed after `start`. */
  addWorkingTime(start: number, ms: number): number;
  /** The working time between two instants (0 when `b` is not after `a`). */
  workingTimeBetween(a: number, b: number): number;
  /** Whether the instant is inside working time. */
  isWorkingTime(instant: number): boolean;
}

/** A calendar as data (stored, edited by admins, snapshot by id in each deadline). */
export interface CalendarSpec {
  id: string;
  description?: string;
  /** `calendar`: every minute counts. `working`: only working hours of working days. */
  kind: 'calendar' | 'working';
  /** IANA zone the hours and dates are in. Default Asia/Shanghai. */
  timeZone?: string;
  /** Working hours of a working day, `HH:MM` (24:00 allowed as an end). Default 09:00–12:00 and 13:30–18:00. */
  workingHours?: { from: string; to: string }[];
  /** ISO weekdays off (1 = Monday … 7 = Sunday). Default Saturday and Sunday. */
  weekend?: number[];
  /** Public holidays (`YYYY-MM-DD`, local), off even on a weekday. */
  holidays?: string[];
  /** Make-up working days (调休, `YYYY-MM-DD`), working even on a weekend. */
  workdays?: string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_WORKING_HOURS: readonly { from: string; to: string }[] = Object.freeze([
  { from: '09:00', to: '12:00' },
  { from: '13:30', to: '18:00' },
]);
export const DEFAULT_WEEKEND: readonly number[] = Object.freeze([6, 7]);

const DAY_MS = 86_400_000;
/** A calendar that never works would loop forever: give up after this many days (~10 years). */
const MAX_DAYS_SEARCHED = 3700;

/** Calendar time: the identity calendar (every millisecond counts). */
export class CalendarTime implements SlaCalendar {
  readonly dayMs = DAY_MS;

  constructor(readonly id = 'calendar') {}

  addWorkingTime(start: number, ms: number): number {
    return start + Math.max(0, ms);
  }

  workingTimeBetween(a: number, b: number): number {
    return Math.max(0, b - a);
  }

  isWorkingTime(): boolean {
    return true;
  }
}

/** Ids of SLA policies and calendars: what a URL and a log line can carry unescaped. */
export const SLA_SETTING_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const HHMM = /^(\d{2}):(\d{2})$/;

function minutesOf(text: string): number | undefined {
  const match = HHMM.exec(text);
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2])];
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/** What is wrong with a calendar spec, in English; empty when nothing is. */
export function validateCalendar(spec: CalendarSpec): string[] {
  return calendarProblems(spec).map((p) => p.message);
}

/** What is wrong with a calendar spec, each problem at its field with its catalogue text (libs/i18n `sla.problem.*`). */
export function calendarProblems(spec: CalendarSpec): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string | undefined, message: string, key: string, params?: Record<string, string | number>) => problems.push(fieldProblem(field, message, key, params));
  if (typeof spec !== 'object' || spec === null) return [fieldProblem(undefined, 'calendar must be an object', 'sla.problem.calendarNotObject')];
  if (typeof spec.id !== 'string' || !SLA_SETTING_ID_PATTERN.test(spec.id)) add('id', 'id must be 1-64 lower-case letters, digits, dots, dashes or underscores', 'sla.problem.id');
  if (spec.kind !== 'calendar' && spec.kind !== 'working') add('kind', 'kind must be calendar or working', 'sla.problem.calendarKind');
  if (spec.timeZone !== undefined) {
    try {
      assertTimeZone(spec.timeZone);
    } catch {
      add('timeZone', `timeZone "${spec.timeZone}" is not an IANA time zone`, 'sla.problem.timeZone', { timeZone: String(spec.timeZone) });
    }
  }
  if (spec.kind === 'working') {
    const hours = spec.workingHours ?? DEFAULT_WORKING_HOURS;
    if (!Array.isArray(hours) || hours.length === 0) add('workingHours', 'workingHours must list at least one interval', 'sla.problem.workingHoursEmpty');
    else {
      const parsed = hours.map((h) => ({ from: minutesOf(h?.from), to: minutesOf(h?.to) }));
      parsed.forEach((h, i) => {
        if (h.from === undefined || h.to === undefined) add(`workingHours[${i}]`, `workingHours[${i}] must be {from, to} as HH:MM`, 'sla.problem.workingHoursFormat');
        else if (h.from >= h.to) add(`workingHours[${i}]`, `workingHours[${i}] must end after it starts (split a night shift at 24:00)`, 'sla.problem.workingHoursOrder');
      });
      const sorted = parsed.filter((h) => h.from !== undefined && h.to !== undefined).sort((a, b) => a.from! - b.from!);
      for (let i = 1; i < sorted.length; i++) if (sorted[i]!.from! < sorted[i - 1]!.to!) add('workingHours', 'workingHours must not overlap', 'sla.problem.workingHoursOverlap');
    }
    const weekend = spec.weekend ?? DEFAULT_WEEKEND;
    if (!Array.isArray(weekend) || weekend.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) add('weekend', 'weekend must list ISO weekdays 1-7', 'sla.problem.weekend');
    for (const field of ['holidays', 'workdays'] as const) {
      const days = spec[field] ?? [];
      if (!Array.isArray(days)) add(field, `${field} must be a list of YYYY-MM-DD`, 'sla.problem.daysNotList');
      else days.forEach((d, i) => typeof d === 'string' && parseDay(d) !== undefined ? undefined : add(`${field}[${i}]`, `${field}[${i}] "${String(d)}" is not a YYYY-MM-DD date`, 'sla.problem.dayFormat', { value: String(d) }));
    }
    const holidays = new Set(spec.holidays ?? []);
    for (const d of spec.workdays ?? []) if (holidays.has(d)) add('workdays', `${d} cannot be both a holiday and a make-up working day`, 'sla.problem.dayBoth', { day: d });
  }
  return problems;
}

/**
 * Working time in a time zone: working hours on working days. A day is a working day
 * when it is a make-up working day, or else when it is neither a holiday nor a weekend
 * day. Each day's working intervals are computed once (as UTC instants) and cached.
 */
export class WorkingCalendar implements SlaCalendar {
  readonly id: string;
  readonly timeZone: string;
  readonly dayMs: number;
  private readonly hours: readonly [number, number][];
  private readonly weekend: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<DayNumber>;
  private readonly workdays: ReadonlySet<DayNumber>;
  private readonly cache = new Map<DayNumber, readonly [number, number][]>();

  constructor(spec: CalendarSpec) {
    const problems = calendarProblems({ ...spec, kind: 'working' });
    if (problems.length) throw calendarInvalid(spec, problems);
    this.id = spec.id;
    this.timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
    this.hours = (spec.workingHours ?? DEFAULT_WORKING_HOURS)
      .map((h) => [minutesOf(h.from)!, minutesOf(h.to)!] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    this.dayMs = this.hours.reduce((sum, [from, to]) => sum + (to - from) * 60_000, 0);
    this.weekend = new Set(spec.weekend ?? DEFAULT_WEEKEND);
    this.holidays = new Set((spec.holidays ?? []).map((d) => parseDay(d)!));
    this.workdays = new Set((spec.workdays ?? []).map((d) => parseDay(d)!));
  }

  isWorkingDay(day: DayNumber): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return !this.weekend.has(isoWeekday(day));
  }

  /** The working intervals of a local date, as [start, end) instants. */
  intervals(day: DayNumber): readonly [number, number][] {
    let found = this.cache.get(day);
    if (!found) {
      found = this.isWorkingDay(day)
        ? this.hours.map(([from, to]) => [zonedInstant(day, from, this.timeZone), zonedInstant(day, to, this.timeZone)] as [number, number])
        : [];
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(day, found);
    }
    return found;
  }

  addWorkingTime(start: number, ms: number): number {
    if (!(ms > 0)) return start;
    let remaining = ms;
    const first = localDay(start, this.timeZone);
    for (let day = first; day < first + MAX_DAYS_SEARCHED; day++) {
      for (const [from, to] of this.intervals(day)) {
        if (to <= start) continue;
        const begin = Math.max(from, start);
        const available = to - begin;
        if (remaining <= available) return begin + remaining;
        remaining -= available;
      }
    }
    throw new DomainError('invalid', `calendar ${this.id} has no working time in ${MAX_DAYS_SEARCHED} days after ${new Date(start).toISOString()}`, undefined, {
      key: 'error.sla.noWorkingTime',
      params: { id: this.id, days: MAX_DAYS_SEARCHED },
    });
  }

  workingTimeBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    let total = 0;
    const last = localDay(b, this.timeZone);
    for (let day = localDay(a, this.timeZone); day <= last; day++) {
      for (const [from, to] of this.intervals(day)) {
        const overlap = Math.min(to, b) - Math.max(from, a);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  isWorkingTime(instant: number): boolean {
    return this.intervals(localDay(instant, this.timeZone)).some(([from, to]) => instant >= from && instant < to);
  }
}

/** A calendar object for a spec. */
export function createCalendar(spec: CalendarSpec): SlaCalendar {
  const errors = validateCalendar(spec);
  if (errors.length) throw new DomainError('invalid', `calendar ${String(spec?.id)}: ${errors.join('; ')}`, { errors }, { key: 'error.sla.calendarInvalid', params: { id: String(spec?.id), count: errors.length } });
  return spec.kind === 'calendar' ? new CalendarTime(spec.id) : new WorkingCalendar(spec);
}

/** The refusal of a calendar with problems: English in `details.errors`, each problem at its field for the caller. */
export function calendarInvalid(spec: CalendarSpec, problems: readonly FieldProblem[]): DomainError {
  const errors = problems.map((p) => p.message);
  return new DomainError('invalid', `calendar ${String(spec?.id)}: ${errors.join('; ')}`, { errors }, { key: 'error.sla.calendarInvalid', params: { id: String(spec?.id), count: errors.length }, problems });
}
