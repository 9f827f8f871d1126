import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Open311Error } from './open311-error';

/** The answer formats of GeoReport v2, named by the path's extension (`services.json`, `services.xml`). */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export function formatOf(extension: string): Open311Format {
  if ((OPEN311_FORMATS as readonly string[]).includes(extension)) return extension as Open311Format;
  throw Open311Error.notFound(`format: ${JSON.stringify(extension.slice(0, 20))} is not served; use .json or .xml`);
}

/** A value an Open311 document holds: a scalar, null (an empty element), a record, or a list. */
export type Open311Value = string | number | boolean | null | Open311Record | Open311Value[];
export interface Open311Record {
  [field: string]: Open311Value;
}

/** Lists in the spec's XML wrap one element per item: `<attributes><attribute/>…`, `<values><value/>…`. */
const ITEM_ELEMENT: Readonly<Record<string, string>> = { attributes: 'attribute', values: 'value' };

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters being removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function append(parent: XMLBuilder, name: string, value: Open311Value): void {
  const element = parent.ele(name);
  if (value === null) return;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name];
    if (!item) throw new Error(`no XML item element is defined for the list ${name}`);
    for (const entry of value) append(element, item, entry);
    return;
  }
  if (typeof value === 'object') {
    for (const [field, child] of Object.entries(value)) append(element, field, child);
    return;
  }
  // The serializer escapes markup (&, <, >); characters XML cannot hold are dropped first.
  element.txt(String(value).replace(NOT_XML, ''));
}

/**
 * A GeoReport v2 document: `<root><item>…</item>…</root>` in XML (built by xmlbuilder2, which
 * escapes every text node, with well-formedness checked on output), or the plain array in JSON.
 */
export function serialize(format: Open311Format, root: string, item: string, records: readonly Open311Record[]): string {
  if (format === 'json') return JSON.stringify(records);
  const document = create({ version: '1.0', encoding: 'utf-8' }).ele(root);
  for (const record of records) append(document, item, record);
  return document.end({ wellFormed: true, prettyPrint: false });
}

/** A single record as the spec answers it (service definition): the record itself in JSON, `<root>…</root>` in XML. */
export function serializeOne(format: Open311Format, root: string, record: Open311Record): string {
  if (format === 'json') return JSON.stringify(record);
  const document = create({ version: '1.0', encoding: 'utf-8' });
  append(document as unknown as XMLBuilder, root, record);
  return document.end({ wellFormed: true, prettyPrint: false });
}

export const CONTENT_TYPE: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The spec's error document: `[{code, description}]` or `<errors><error><code/><description/></error></errors>`. */
export function serializeErrors(format: Open311Format, error: Open311Error): string {
  return serialize(format, 'errors', 'error', error.entries.map((e) => ({ code: e.code, description: e.description })));
}
