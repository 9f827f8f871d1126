import { Catalogue, interpolate, isMessageKey, Language, Message, MessageKey, ParamsOf, StoredMessage } from './catalogue';
import { en } from './catalogues/en';
import { zhCN } from './catalogues/zh-CN';

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { 'zh-CN': zhCN, en };

export const catalogueOf = (language: Language): Catalogue => CATALOGUES[language];

/** One message in one language. */
export function t<K extends MessageKey>(language: Language, key: K, ...params: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]): string {
  return interpolate(CATALOGUES[language], CATALOGUES[language][key], (params[0] ?? {}) as Record<string, string>);
}

/** A message built earlier (or read back from storage) in the reader's language; a key no catalogue knows reads as `fallback`, else the key. */
export function render(language: Language, message: Message | StoredMessage, fallback?: string): string {
  if (!isMessageKey(message.key)) return fallback ?? message.key;
  return interpolate(CATALOGUES[language], CATALOGUES[language][message.key], message.params as Record<string, string>);
}

/** The label of a vocabulary value (`label('zh-CN', 'occupation', 'truck_driver')` is 货车司机); the value itself when there is none. */
export function label(language: Language, set: string, value: string): string {
  const key = `${set}.${value}`;
  return isMessageKey(key) ? CATALOGUES[language][key] : value;
}
