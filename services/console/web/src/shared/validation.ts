/**
 * The forms' own checks, before anything is sent (the services check again and their 400s
 * are shown at the field too). Each returns the problems by field as catalogue keys with
 * their values, so the view translates them.
 */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;

export const LIMITS = { title: 200, description: 5000, address: 300, note: 2000, resolution: 2000, comment: 1000, photoBytes: 10 * 1024 * 1024 } as const;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const text = (problems: Problems, field: string, label: string, value: string | undefined, max: number, required = true) => {
  const trimmed = (value ?? '').trim();
  if (required && trimmed.length === 0) problems[field] = { key: 'validation.required', values: { field: label } };
  else if (trimmed.length > max) problems[field] = { key: 'validation.tooLong', values: { field: label, max } };
};

export interface HazardDraft {
  category?: string;
  title?: string;
  description?: string;
  address?: string;
  location?: { lat: number; lng: number } | null;
}

/** labels: the translated field names, for the messages. */
export function validateHazard(draft: HazardDraft, labels: Record<'title' | 'description' | 'address', string>): Problems {
  const problems: Problems = {};
  if (!draft.category) problems.category = { key: 'validation.category' };
  text(problems, 'title', labels.title, draft.title, LIMITS.title);
  text(problems, 'description', labels.description, draft.description, LIMITS.description);
  text(problems, 'address', labels.address, draft.address, LIMITS.address, false);
  if (!draft.location || !Number.isFinite(draft.location.lat) || !Number.isFinite(draft.location.lng)) problems.location = { key: 'validation.place' };
  return problems;
}

export interface AppealDraft {
  category?: string;
  title?: string;
  description?: string;
}

export function validateAppeal(draft: AppealDraft, labels: Record<'title' | 'description', string>): Problems {
  const problems: Problems = {};
  if (!draft.category) problems.category = { key: 'validation.category' };
  text(problems, 'title', labels.title, draft.title, LIMITS.title);
  text(problems, 'description', labels.description, draft.description, LIMITS.description);
  return problems;
}

export interface WalkInDraft extends AppealDraft {
  workerId?: string;
  workerPhone?: string;
  consentGiven?: boolean;
  consentMethod?: 'verbal' | 'signature' | 'sms';
}

/** The API's patterns for a worker's id and a call-back phone (intake's walk-in.dto.ts). */
export const WORKER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
export const WORKER_PHONE_PATTERN = /^\+?[0-9][0-9 -]{5,22}[0-9]$/;

/** A walk-in logged at a station: an appeal's checks, plus the worker, their phone if given, and their consent. */
export function validateWalkIn(draft: WalkInDraft, labels: Record<'workerId' | 'workerPhone' | 'title' | 'description', string>): Problems {
  const problems: Problems = validateAppeal(draft, labels);
  const worker = (draft.workerId ?? '').trim();
  if (!worker) problems.workerId = { key: 'validation.required', values: { field: labels.workerId } };
  else if (!WORKER_ID_PATTERN.test(worker)) problems.workerId = { key: 'validation.workerId' };
  const phone = (draft.workerPhone ?? '').trim();
  if (phone && !WORKER_PHONE_PATTERN.test(phone)) problems.workerPhone = { key: 'validation.phone', values: { field: labels.workerPhone } };
  if (draft.consentGiven !== true) problems.consentGiven = { key: 'validation.consent' };
  return problems;
}

export function validatePhoto(file: { type: string; size: number }): Problem | undefined {
  if (!PHOTO_TYPES.includes(file.type)) return { key: 'validation.photoType' };
  if (file.size > LIMITS.photoBytes) return { key: 'validation.photoSize' };
  return undefined;
}

export interface VerifyDraft {
  verdict?: 'confirmed' | 'invalid' | 'duplicate';
  note?: string;
  position?: { lat: number; lng: number } | null;
  duplicateOf?: string;
  /** With `confirmed`: the category the grid worker saw on site, when the report named another. */
  correctedCategory?: string;
}

/** The 200 m rule: a confirming check must be made near the report (grid-dispatch's VERIFY_MAX_DISTANCE_M). */
export const VERIFY_MAX_DISTANCE_M = 200;

export function validateVerify(draft: VerifyDraft, labels: Record<'note' | 'verdict', string>, distanceM: number | undefined): Problems {
  const problems: Problems = {};
  if (!draft.verdict) problems.verdict = { key: 'validation.required', values: { field: labels.verdict } };
  text(problems, 'note', labels.note, draft.note, LIMITS.note);
  if (!draft.position) problems.position = { key: 'validation.place' };
  else if (draft.verdict === 'confirmed' && distanceM !== undefined && distanceM > VERIFY_MAX_DISTANCE_M) {
    problems.position = { key: 'grid.tooFar', values: { metres: Math.round(distanceM), limit: VERIFY_MAX_DISTANCE_M } };
  }
  if (draft.verdict === 'duplicate' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(draft.duplicateOf ?? '')) problems.duplicateOf = { key: 'validation.uuid' };
  return problems;
}

export function validateResolution(resolution: string | undefined, label: string): Problems {
  return validateText(resolution, label, true, LIMITS.resolution, 'resolution');
}

/** One free-text field (a reason, a question, a note): required or not, at most `max` characters. */
export function validateText(value: string | undefined, label: string, required: boolean, max: number, field: string): Problems {
  const problems: Problems = {};
  text(problems, field, label, value, max, required);
  return problems;
}
