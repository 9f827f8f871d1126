import { decodeUtf8Strictly, describeJsonHazard, findJsonHazard } from './untrusted-json';

const hazardIn = (text: string) => {
  const hazard = findJsonHazard(JSON.parse(text));
  return hazard ? describeJsonHazard(hazard) : 'safe';
};

describe('findJsonHazard', () => {
  it('lets an ordinary request body through', () => {
    expect(hazardIn('{"kind":"hazard","location":{"lat":28.6,"lng":115.8},"attachmentIds":["a","b"],"n":-12,"ok":true,"x":null}')).toBe('safe');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('names a %s key by its path, at any depth', (key) => {
    expect(hazardIn(`{"a":{"b":[{"${key}":{"polluted":1}}]}}`)).toBe(`a.b[0].${key} is not an allowed property name`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting past the limit, whether arrays or objects', () => {
    expect(hazardIn('['.repeat(17) + ']'.repeat(17))).toMatch(/nests deeper than 16 levels$/);
    expect(hazardIn('{"a":'.repeat(17) + '1' + '}'.repeat(17))).toMatch(/^a(\.a)+ nests deeper than 16 levels$/);
    expect(hazardIn('['.repeat(16) + ']'.repeat(16))).toBe('safe');
  });

  it('refuses numbers that JSON cannot carry exactly', () => {
    expect(hazardIn('{"lat":1e400}')).toBe('lat must be a number between -9007199254740991 and 9007199254740991');
    expect(hazardIn('{"n":123456789012345678901234}')).toMatch(/^n must be a number between/);
    expect(hazardIn('{"n":9007199254740991}')).toBe('safe');
  });

  it('refuses NUL characters in any string, which no real text has and Postgres cannot store', () => {
    expect(hazardIn('{"note":{"text":"a\\u0000b"}}')).toBe('note.text must not contain NUL characters');
  });

  it('refuses huge arrays, objects and strings', () => {
    expect(hazardIn(JSON.stringify({ ids: new Array(1001).fill(1) }))).toBe('ids must hold at most 1000 items');
    expect(hazardIn(JSON.stringify(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i]))))).toBe('the body must have at most 200 properties');
    expect(hazardIn(JSON.stringify({ title: 'x'.repeat(100_001) }))).toBe('title must be at most 100000 characters');
  });
});

describe('decodeUtf8Strictly', () => {
  it('reads UTF-8, Chinese included, and refuses broken sequences and lone surrogates', () => {
    expect(decodeUtf8Strictly(Buffer.from('井盖缺失 manhole'))).toBe('井盖缺失 manhole');
    expect(decodeUtf8Strictly(Buffer.from([0x7b, 0xff, 0x7d]))).toBeUndefined();
    expect(decodeUtf8Strictly(Buffer.from([0xed, 0xa0, 0x80]))).toBeUndefined();
    expect(decodeUtf8Strictly(Buffer.from([0xe4, 0xb8]))).toBeUndefined();
  });
});
