import { DomainError } from '@grievance/contracts';

/**
 * A budget as policies write it: milliseconds, or an ISO-8601 duration of weeks, days,
 * hours, minutes and seconds (`PT2H`, `P7D`, `P1DT4H`, `PT90M`, `P2W`). Months and years
 * are refused: their length is ambiguous.
 *
 * Days are kept apart from the rest because their length depends on the calendar: one
 * day of budget is 24 hours in calendar time and one working day (the sum of the
 * calendar's working hours, 7.5 h by default) in working time, so `P7D` under the
 * working calendar reads "7 working days", as Beijing 12345's rules do.
 */
export type DurationInput = number | string;

export interface ParsedDuration {
  /** Whole or fractional days (weeks count as 7). */
  days: number;
  /** The rest, in milliseconds. */
  ms: number;
}

const ISO = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(input: DurationInput): ParsedDuration {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new DomainError('invalid', `duration ${input} must be a finite number of milliseconds, 0 or more`, undefined, { key: 'error.sla.durationNegative', params: { input } });
    return { days: 0, ms: input };
  }
  const text = input.trim().toUpperCase();
  const match = ISO.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new DomainError('invalid', `duration "${input}" must be milliseconds or an ISO-8601 duration such as PT2H, P7D or P1DT4H (no months or years)`, undefined, { key: 'error.sla.durationFormat', params: { input: String(input) } });
  }
  const [, w, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return { days: w! * 7 + d!, ms: ((h! * 60 + m!) * 60 + s!) * 1000 };
}

/** The duration in milliseconds of budget, given how long one day of budget is. */
export function durationMs(duration: ParsedDuration, dayMs: number): number {
  return Math.round(duration.days * dayMs + duration.ms);
}

/** Whether a duration parses (for validation messages). */
export function isDuration(input: unknown): input is DurationInput {
  if (typeof input !== 'number' && typeof input !== 'string') return false;
  try {
    parseDuration(input);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds as a short ISO-8601 duration, for logs and messages (`PT1H30M`). */
export function formatMs(ms: number): string {
  if (ms === 0) return 'PT0S';
  let rest = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
