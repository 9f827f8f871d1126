/**
 * Masking of personal data for everyone who is neither the reporter nor the grievance's
 * current holder (auditors, other staff, logs): phone numbers keep the first three and
 * last four digits (138****5678), people's names their first character (张**), so a
 * record can still be told apart and followed without naming anyone.
 */

/**
 * Mainland mobile numbers (optionally +86), and landlines with an area code (0791-8888888),
 * standing on their own: digits inside a word (the hex of an id such as
 * 01a24edc-…-14959607296a) are no phone number.
 */
const PHONE_IN_TEXT = /(?<![0-9A-Za-z])(?:(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-\d{7,8})(?![0-9A-Za-z])/g;
/** An id (UUID): how auditors follow a grievance, an attachment or an event; never masked. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 138****5678: the carrier prefix and the last four digits, which is what call centres show. */
export function maskPhone(phone: string): string {
  const all = phone.replace(/\D/g, '');
  // +86 138…: the country code is not part of what identifies the line.
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 张** / L*****: the first character, then one star a character (spaces kept out of the count). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  return chars[0]! + '*'.repeat(Math.max(1, chars.filter((c) => c.trim() !== '').length - 1));
}

/** Free text with every phone number in it masked ("call me on 13812345678" → "call me on 138****5678"). */
export function maskPhonesInText(text: string): string {
  // A cheap test first: most strings have no run of seven digits at all.
  if (!/\d{3}[- ]?\d{4}/.test(text)) return text;
  return text.replace(PHONE_IN_TEXT, (match) => maskPhone(match));
}

/** Holder types that are people; org units and departments are not personal data. */
const PERSON_HOLDER_TYPES = new Set(['member', 'grid_worker']);
const PHONE_KEYS = new Set(['phone', 'phonenumber', 'mobile', 'tel']);
const NAME_KEYS = new Set(['reportername', 'fullname', 'contactname', 'personname', 'gridworkername', 'membername']);

/**
 * A copy of `value` as someone outside the grievance may see it: phone fields and phone
 * numbers in any text masked, names of people masked (a holder of type member or
 * grid_worker, or a field named like a person's name). Ids stay: they are how auditors
 * follow a grievance, and they name no one.
 */
export function maskPersonalData<T>(value: T): T {
  return mask(value, 0) as T;
}

function mask(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return UUID.test(value) ? value : maskPhonesInText(value);
  if (typeof value !== 'object' || value === null || depth > 16) return value;
  if (Array.isArray(value)) return value.map((item) => mask(item, depth + 1));
  if (value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  const person = typeof record.type === 'string' && PERSON_HOLDER_TYPES.has(record.type);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    const lower = key.toLowerCase();
    if (typeof item === 'string' && PHONE_KEYS.has(lower)) out[key] = maskPhone(item);
    else if (typeof item === 'string' && (NAME_KEYS.has(lower) || (person && lower === 'name'))) out[key] = maskName(item);
    else out[key] = mask(item, depth + 1);
  }
  return out;
}
