import { toCsv, wantsCsv } from './csv';

describe('toCsv', () => {
  it('writes a header line and one line per row, CRLF-terminated, in column order', () => {
    expect(toCsv(['group', 'received', 'rate'], [{ rate: 0.5, group: 'municipal_works', received: 2 }])).toBe('group,received,rate\r\nmunicipal_works,2,0.5\r\n');
  });

  it('quotes what needs quoting and leaves nulls empty', () => {
    expect(toCsv(['a', 'b', 'c'], [{ a: 'x, y', b: 'say "hi"', c: null }])).toBe('a,b,c\r\n"x, y","say ""hi""",\r\n');
    expect(toCsv(['a'], [{ a: 'line\nbreak' }])).toBe('a\r\n"line\nbreak"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['a', 'b'], [{ a: '=HYPERLINK("x")', b: -1 }])).toBe('a,b\r\n"\'=HYPERLINK(""x"")",-1\r\n');
  });
});

describe('wantsCsv', () => {
  it('follows ?format first, then the Accept header', () => {
    expect(wantsCsv('csv', undefined)).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'application/json, text/csv;q=0.5')).toBe(true);
    expect(wantsCsv(undefined, 'application/json')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
