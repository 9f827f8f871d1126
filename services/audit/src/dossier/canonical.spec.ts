import { canonicalJson } from './canonical';

describe('canonicalJson', () => {
  it('sorts the keys of every object, nested ones and those inside arrays too', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('encodes the same value the same way whatever order its keys were written in', () => {
    const one = { eventId: 'e', payload: { holder: { id: 'h', type: 'department' }, note: 'n' }, actor: { role: 'system', id: 's' } };
    const other = { actor: { id: 's', role: 'system' }, payload: { note: 'n', holder: { type: 'department', id: 'h' } }, eventId: 'e' };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('survives a round trip through JSON unchanged (what jsonb does to a stored row)', () => {
    const value = { title: '井盖缺失 "quoted" \\ \n', lat: 28.6602, n: -0, big: 1e21, list: [true, false, null] };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('leaves out undefined members, as JSON does, and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('has no whitespace and escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k y': 'a\tb' })).toBe('{"k y":"a\\tb"}');
  });

  it('writes a date as its ISO string', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe('{"at":"2026-01-02T03:04:05.006Z"}');
  });

  it('refuses what JSON cannot say exactly instead of silently turning it into null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('$.a: NaN has no JSON encoding');
    expect(() => canonicalJson({ a: [Infinity] })).toThrow('$.a[0]');
    expect(() => canonicalJson({ a: 1n })).toThrow('bigint');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
  });
});
