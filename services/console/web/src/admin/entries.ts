import { ApiError, fieldErrors } from '../shared/errors';
import type { Problems } from '../shared/validation';

/**
 * The admin's forms over versioned entries (the directory's, the SLA settings'): what a
 * field is, how the form's values become the API's body, and what a refused save means.
 */
export type Values = Record<string, unknown>;

export interface Field {
  /** The form's name for it. */
  name: string;
  /** The API's name when it differs (`targets.respond`): its 400 messages start with it. */
  api?: string;
  /** Its catalogue key (admin.field.…). */
  label: string;
  input: 'text' | 'textarea' | 'json' | 'number' | 'select' | 'multi';
  /** A hint's catalogue key (admin.hint.…). */
  hint?: string;
  optional?: boolean;
  /** Names the entry (an id, a code): chosen when it is created, fixed after. */
  fixed?: boolean;
}

/** A form's values as the API's body, or the problems that keep it from being sent. */
export type Built<B> = { body: B } | { problems: Problems };

/** What a refused save means for the form. */
export interface SaveProblems {
  /** Messages at the form's fields. */
  byField: Record<string, string[]>;
  /** Someone else changed the entry since it was read (409 with its current version): reload, then edit. */
  stale: boolean;
  /** What names no field, for the form's top (null when everything found its place). */
  top: unknown;
}

const apiName = (f: Field) => f.api ?? f.name;

export function saveProblems(error: unknown, fields: readonly Field[]): SaveProblems {
  const none: SaveProblems = { byField: {}, stale: false, top: null };
  if (!(error instanceof ApiError)) return { ...none, top: error };
  if (error.status === 409 && error.details.version !== undefined) return { ...none, stale: true };
  if (error.status !== 400 && error.status !== 409) return { ...none, top: error };
  // A 409 about a field (an id taken, a polygon overlapping another grid) is said there too.
  const byApi = fieldErrors(error.messages, fields.map(apiName), error.details.field, error.fields);
  if (error.status === 409 && Object.keys(byApi.byField).length === 0) return { ...none, top: error };
  const byField: Record<string, string[]> = {};
  for (const f of fields) if (byApi.byField[apiName(f)]) byField[f.name] = byApi.byField[apiName(f)]!;
  return { byField, stale: false, top: byApi.rest.length ? new ApiError(error.status, byApi.rest, error.errorId, error.details) : null };
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v));
const blank = (v: unknown) => (Array.isArray(v) ? v.length === 0 : text(v) === '');

/** The form's own checks before anything is sent: required fields filled, JSON and numbers readable. */
export function checkFields(values: Values, fields: readonly Field[], label: (f: Field) => string): Problems {
  const problems: Problems = {};
  for (const f of fields) {
    const v = values[f.name];
    if (blank(v)) {
      if (!f.optional) problems[f.name] = { key: 'validation.required', values: { field: label(f) } };
    } else if (f.input === 'json' && parseJson(text(v)) === undefined) problems[f.name] = { key: 'validation.json', values: { field: label(f) } };
    else if (f.input === 'json' && !isObject(parseJson(text(v)))) problems[f.name] = { key: 'validation.jsonObject', values: { field: label(f) } };
    else if (f.input === 'number' && !Number.isFinite(Number(text(v)))) problems[f.name] = { key: 'validation.number', values: { field: label(f) } };
  }
  return problems;
}

export function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** A form value for the body: trimmed text, or left out when empty. */
export const optionalText = (v: unknown): string | undefined => (text(v) === '' ? undefined : text(v));
export const requiredText = (v: unknown): string => text(v);
export const optionalNumber = (v: unknown): number | undefined => (text(v) === '' ? undefined : Number(text(v)));
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/** A JSON field's object (checkFields has made sure it is one), or left out when empty. */
export const optionalObject = (v: unknown): Record<string, unknown> | undefined => {
  const parsed = text(v) === '' ? undefined : parseJson(text(v));
  return isObject(parsed) ? parsed : undefined;
};
export const jsonText = (v: unknown): string => (v === undefined || v === null ? '' : JSON.stringify(v));

/** A budget as typed: digits are milliseconds, anything else goes as written (PT4H); the SLA library judges it. */
export const budgetOf = (v: unknown): number | string | undefined => (text(v) === '' ? undefined : /^\d+$/.test(text(v)) ? Number(text(v)) : text(v));

/** Dates typed with spaces, commas (either kind) or lines between them. */
export const daysOf = (v: unknown): string[] => text(v).split(/[\s,，、;；]+/).filter(Boolean);

const HOURS = /^(\d{2}:\d{2})\s*[-–~]\s*(\d{2}:\d{2})$/;

/** "09:00-12:00, 13:30-18:00" as the calendar's intervals; undefined when a piece is not an interval. */
export function hoursOf(v: unknown): { from: string; to: string }[] | undefined {
  const pieces = text(v).split(/[,，;；\n]+/).map((p) => p.trim()).filter(Boolean);
  const hours = pieces.map((p) => HOURS.exec(p));
  if (hours.some((h) => !h)) return undefined;
  return hours.map((h) => ({ from: h![1]!, to: h![2]! }));
}

export const hoursText = (hours: { from: string; to: string }[] | undefined): string => (hours ?? []).map((h) => `${h.from}-${h.to}`).join(', ');
