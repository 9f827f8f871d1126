import { DEFAULT_LANGUAGE, Language, LANGUAGES } from './catalogue';

/**
 * The supported language an `Accept-Language` header asks for first (RFC 9110 weights;
 * any `zh-*` reads as zh-CN, any `en-*` as en; `*`, which fetch clients send by default,
 * names none), or undefined when
 * it names none of ours (or there is no header).
 */
export function matchLanguage(header: string | undefined | null): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .slice(0, 50)
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(a)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return undefined;
}

/** The language to answer in: the header's first supported language, else zh-CN. */
export function negotiateLanguage(header: string | undefined | null): Language {
  return matchLanguage(header) ?? DEFAULT_LANGUAGE;
}

function languageOfTag(tag: string): Language | undefined {
  const exact = LANGUAGES.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  const primary = tag.split('-')[0];
  if (primary === 'en') return 'en';
  // Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not what the catalogue is written in, but is closer than English.
  if (primary === 'zh') return 'zh-CN';
  return undefined;
}
