import type { Language } from './catalogue';
import { t } from './translate';

const MINUTE = 60_000;
const MINUTES_A_DAY = 24 * 60;

/** A span of time as people say it: minutes under an hour, hours and minutes under a day, else days and hours (rounded to the minute). */
export function formatDuration(language: Language, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return t(language, 'duration.minutes', { minutes });
  if (minutes < MINUTES_A_DAY) return t(language, 'duration.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t(language, 'duration.days', { days: Math.floor(minutes / MINUTES_A_DAY), hours: Math.floor((minutes % MINUTES_A_DAY) / 60) });
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment to the minute, in the city's time zone (China Standard Time by default): 2026-12-03 18:05. */
export function formatDateTime(at: Date, timeZone = 'Asia/Shanghai'): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
