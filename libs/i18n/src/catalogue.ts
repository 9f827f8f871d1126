import { Language, LANGUAGES } from '@grievance/contracts';
import { zhCN } from './catalogues/zh-CN';

export { LANGUAGES, type Language };
/** The people the system serves read Chinese. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Every message has a key in zh-CN; every other catalogue must have the same keys (checked by the compiler). */
export type MessageKey = keyof typeof zhCN;
export type Catalogue = { readonly [K in MessageKey]: string };

/** The names of the placeholders of a template: `{name}` and `{name:set}` both give `name`. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer Name}:${string}` ? Name : P) | PlaceholderNames<Rest>
  : never;

export type ParamValue = string | number;
/** The parameters a message needs, by the placeholders of its zh-CN template. */
export type ParamsOf<K extends MessageKey> = { [P in PlaceholderNames<(typeof zhCN)[K]>]: ParamValue };

/** A message not yet rendered: what a service stores, to render later in the reader's language. */
export interface Message<K extends MessageKey = MessageKey> {
  key: K;
  params: ParamsOf<K>;
}

/** A message as read back from storage (its key may come from an older or newer catalogue). */
export interface StoredMessage {
  key: string;
  params: Record<string, ParamValue>;
}

/** Builds a message whose parameters the compiler checks against its template. */
export function message<K extends MessageKey>(key: K, ...params: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]): Message<K> {
  return { key, params: (params[0] ?? {}) as ParamsOf<K> };
}

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(zhCN, key);

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?::([A-Za-z][A-Za-z0-9]*))?\}/g;

/** The placeholders of a template, in order (`name` or `name:set`). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => (m[2] ? `${m[1]}:${m[2]}` : m[1]!));
}

/**
 * Fills a template: `{name}` with the parameter, `{name:set}` with the label `set.<value>`
 * of the same catalogue (the value itself when the set has no such label). A missing
 * parameter is left visible as `{name}` rather than failing the whole text.
 */
export function interpolate(catalogue: Catalogue, template: string, params: Readonly<Record<string, ParamValue>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string, set: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (set === undefined) return String(value);
    const label = `${set}.${value}`;
    return isMessageKey(label) ? catalogue[label] : String(value);
  });
}
