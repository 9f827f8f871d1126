/**
 * The canonical encoding every dossier hash is computed over: JSON with the keys of every
 * object sorted (by UTF-16 code units, as Array.prototype.sort does), no whitespace, and
 * undefined members left out. Two values that mean the same JSON encode to the same
 * string whatever order their keys were written in, so a row read back from jsonb
 * (which reorders keys) hashes exactly as it did when it was written.
 *
 * Only JSON values are accepted: a non-finite number, a bigint, a function or a symbol
 * throws, because JSON.stringify would silently turn them into null or drop them and
 * two different values would then share one encoding.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON encoding`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        // A hole or an undefined element is null, as in JSON.stringify.
        return `[${Array.from(value, (item, i) => (item === undefined ? 'null' : encode(item, `${path}[${i}]`))).join(',')}]`;
      }
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${encode((value as Record<string, unknown>)[key], `${path}.${key}`)}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON encoding`);
  }
}
