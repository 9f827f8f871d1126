/**
 * Checks on JSON from outside (HTTP bodies, Kafka messages) that a schema alone does
 * not make: the bytes are UTF-8, and the parsed value is not built to hurt the code
 * that walks it (prototype keys, runaway nesting, numbers that lost their value, NUL).
 */

/** How far a caller may go. Generous for any real request, far short of harm. */
export interface JsonLimits {
  maxDepth: number;
  maxArrayLength: number;
  maxObjectKeys: number;
  maxStringLength: number;
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonLimits> = {
  maxDepth: 16,
  maxArrayLength: 1000,
  maxObjectKeys: 200,
  maxStringLength: 100_000,
};

/**
 * Keys that reach Object.prototype or a constructor when code copies or merges objects
 * (prototype pollution). JSON.parse keeps them as plain own keys, so they are refused
 * wherever they appear rather than trusted to every later merge.
 */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong and where: `path` is dotted with [index] for arrays ('' for the whole value). */
export interface JsonHazard {
  path: string;
  problem: string;
}

export function describeJsonHazard({ path, problem }: JsonHazard): string {
  return path ? `${path} ${problem}` : `the body ${problem}`;
}

/** The first hazard in a parsed JSON value, or undefined when it is safe to hand on. */
export function findJsonHazard(value: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonHazard | undefined {
  return walk(value, '', 0, limits);
}

function walk(value: unknown, path: string, depth: number, limits: JsonLimits): JsonHazard | undefined {
  if (typeof value === 'number') {
    // 1e400 parses to Infinity; 2^53+1 silently becomes another number.
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return { path, problem: `must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` };
    }
    return undefined;
  }
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength) return { path, problem: `must be at most ${limits.maxStringLength} characters` };
    // Postgres text cannot hold NUL; no real text has one.
    return value.includes('\u0000') ? { path, problem: 'must not contain NUL characters' } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= limits.maxDepth) return { path, problem: `nests deeper than ${limits.maxDepth} levels` };
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) return { path, problem: `must hold at most ${limits.maxArrayLength} items` };
    for (let index = 0; index < value.length; index += 1) {
      const hazard = walk(value[index], `${path}[${index}]`, depth + 1, limits);
      if (hazard) return hazard;
    }
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > limits.maxObjectKeys) return { path, problem: `must have at most ${limits.maxObjectKeys} properties` };
  for (const key of keys) {
    const child = path ? `${path}.${key}` : key;
    if (FORBIDDEN_JSON_KEYS.has(key)) return { path: child, problem: 'is not an allowed property name' };
    const hazard = walk((value as Record<string, unknown>)[key], child, depth + 1, limits);
    if (hazard) return hazard;
  }
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The bytes as text, or undefined when they are not valid UTF-8 (a lenient decode would swap in U+FFFD unseen). */
export function decodeUtf8Strictly(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
