import { MessageKey, negotiateLanguage, t } from '@grievance/i18n';

/** What a CSV export needs from the HTTP response (express's, without importing express). */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV: a header line, CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break. A text field that a spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe; numbers are
 * written as they are. null and undefined are empty fields.
 */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Partial<Record<K, CsvValue>>[], header: (column: K) => string = (c) => c): string {
  const line = (values: readonly CsvValue[]) => values.map(field).join(',');
  return [line(columns.map(header)), ...rows.map((row) => line(columns.map((c) => row[c])))].map((l) => `${l}\r\n`).join('');
}

/** A column a CSV export may have: one with a header in every catalogue (`csv.<column>`). */
export type CsvColumn = MessageKey extends infer K ? (K extends `csv.${infer C}` ? C : never) : never;

/**
 * The header line of a CSV export is for people: in the language the request asks for
 * (Accept-Language; Chinese by default). The JSON answers keep their English field names.
 */
export const csvHeader =
  (acceptLanguage: string | undefined) =>
  (column: CsvColumn): string =>
    t(negotiateLanguage(acceptLanguage), `csv.${column}`);

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV when asked for by `?format=csv` or by an Accept header that prefers text/csv. */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  return accept !== undefined && /(^|,)\s*text\/csv\b/i.test(accept);
}

/** Sets the headers of a CSV download. */
export function sendCsv(response: HeaderSink, filename: string, body: string): string {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return body;
}
