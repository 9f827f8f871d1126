import { EventEmitter } from 'node:events';
import { maskPhonesInText } from '../privacy/personal-data';

export const REDACTED = '[Redacted]';

/**
 * Field names whose values never reach a log, at any depth and in any letter case:
 * credentials (`authorization`, `cookie`, `set-cookie`, `proxy-authorization`) and
 * phone numbers (`phone`, `phoneNumber`, `mobile`). Phone numbers inside any other
 * string are masked (138****5678).
 */
export const SENSITIVE_FIELDS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'phone', 'phonenumber', 'mobile'];

const sensitive = new Set(SENSITIVE_FIELDS.map((name) => name.toLowerCase()));
const MAX_DEPTH = 12;

export function isSensitiveField(name: string): boolean {
  return sensitive.has(name.toLowerCase());
}

/**
 * A copy of `value` with every sensitive field replaced by `[Redacted]`, however deep.
 * Plain objects, arrays and ordinary class instances (DTOs, entities) are walked;
 * things with their own serialisers or no useful fields (errors, streams, requests,
 * buffers, dates, maps) are returned untouched. Returns `value` itself when nothing
 * needed redacting, so the common case allocates nothing.
 */
export function redactSensitive<T>(value: T): T {
  return redact(value, 0, new WeakSet()) as T;
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  // A phone number written into free text (a description, an error message) is masked too.
  if (typeof value === 'string') return maskPhonesInText(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || !walkable(value)) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, index) => {
        const next = redact(item, depth + 1, seen);
        if (next !== item) {
          copy ??= value.slice();
          copy[index] = next;
        }
      });
      return copy ?? value;
    }
    let copy: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const next = isSensitiveField(key) && item !== undefined && item !== null ? REDACTED : redact(item, depth + 1, seen);
      if (next !== item) {
        copy ??= { ...record };
        copy[key] = next;
      }
    }
    return copy ?? value;
  } finally {
    seen.delete(value);
  }
}

function walkable(value: object): boolean {
  if (Array.isArray(value)) return true;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (
    value instanceof Error ||
    value instanceof EventEmitter ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Promise ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer
  ) {
    return false;
  }
  return true;
}
