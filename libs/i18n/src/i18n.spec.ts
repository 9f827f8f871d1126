import { CLOSE_OUTCOMES, ASSIGNMENT_REASONS, HOLDER_TYPES, LEVELS, OCCUPATIONS, RATINGS, SLA_TARGETS, VERIFY_VERDICTS } from '@grievance/contracts';
import { catalogueOf, DEFAULT_LANGUAGE, formatDateTime, formatDuration, isMessageKey, label, LANGUAGES, matchLanguage, message, negotiateLanguage, placeholdersOf, render, t } from './index';
import { zhCN } from './catalogues/zh-CN';

describe('the catalogues', () => {
  const keys = Object.keys(zhCN).sort();

  it.each(LANGUAGES)('%s has every key of zh-CN and no other', (language) => {
    expect(Object.keys(catalogueOf(language)).sort()).toEqual(keys);
  });

  it.each(LANGUAGES)('%s uses the same placeholders as zh-CN in every message', (language) => {
    const catalogue = catalogueOf(language);
    const differing = keys.filter((key) => {
      const ours = placeholdersOf(catalogue[key as keyof typeof zhCN]).sort();
      return JSON.stringify(ours) !== JSON.stringify(placeholdersOf(zhCN[key as keyof typeof zhCN]).sort());
    });
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty text', (language) => {
    expect(Object.entries(catalogueOf(language)).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('labels every value of the vocabulary the messages show', () => {
    const sets: [string, readonly string[]][] = [
      ['occupation', OCCUPATIONS],
      ['level', LEVELS],
      ['holderType', HOLDER_TYPES],
      ['rating', RATINGS],
      ['verdict', VERIFY_VERDICTS],
      ['target', SLA_TARGETS],
      ['outcome', CLOSE_OUTCOMES],
      ['assignment', ASSIGNMENT_REASONS],
    ];
    const missing = sets.flatMap(([set, values]) => values.map((v) => `${set}.${v}`)).filter((key) => !isMessageKey(key));
    expect(missing).toEqual([]);
  });

  it('every label set a template names exists', () => {
    const sets = new Set(keys.map((k) => k.split('.')[0]));
    const named = keys.flatMap((k) => placeholdersOf(zhCN[k as keyof typeof zhCN])).filter((p) => p.includes(':')).map((p) => p.split(':')[1]);
    expect(named.filter((set) => !sets.has(set!))).toEqual([]);
  });
});

describe('t and render', () => {
  it('speaks Chinese by default and English when asked', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
    expect(t('zh-CN', 'notification.routed', { holder: '青山湖区城管局' })).toBe('您的诉求已转交青山湖区城管局。');
    expect(t('en', 'notification.routed', { holder: 'Urban management' })).toBe('Your report went to Urban management.');
  });

  it('fills a label placeholder from the same catalogue, and the value itself when there is no label', () => {
    expect(t('zh-CN', 'history.escalated', { from: 'member', to: 'branch', reason: '需要支部协调' })).toBe('由党员联络员上交至党支部：需要支部协调');
    expect(t('en', 'history.escalated', { from: 'member', to: 'branch', reason: 'x' })).toBe('escalated from member to branch: x');
    expect(t('en', 'history.rated', { rating: 'no_such_rating' })).toBe('rated no_such_rating');
  });

  it('renders a stored message in the reader’s language, and an unknown key as its fallback', () => {
    const stored = JSON.parse(JSON.stringify(message('notification.dispatched')));
    expect(render('zh-CN', stored)).toBe('网格员正在核查您反映的问题。');
    expect(render('en', stored)).toBe('A grid worker is checking your report.');
    expect(render('en', { key: 'notification.from_the_future', params: {} }, 'as it was written')).toBe('as it was written');
  });

  it('leaves a missing parameter visible instead of failing', () => {
    expect(render('en', { key: 'notification.routed', params: {} })).toBe('Your report went to {holder}.');
  });

  it('labels vocabulary', () => {
    expect(label('zh-CN', 'occupation', 'truck_driver')).toBe('货车司机');
    expect(label('en', 'occupation', 'truck_driver')).toBe('truck driver');
    expect(label('en', 'occupation', 'astronaut')).toBe('astronaut');
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.2, zh;q=0.8', 'zh-CN'],
    ['fr', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['EN-us', 'en'],
    [';;;,,,q=', 'zh-CN'],
  ])('%p answers in %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it('says when the header names none of the languages', () => {
    expect(matchLanguage('fr, de;q=0.5')).toBeUndefined();
    expect(matchLanguage(undefined)).toBeUndefined();
    expect(matchLanguage('en-US')).toBe('en');
    expect(matchLanguage('*')).toBeUndefined();
    expect(matchLanguage('*, en;q=0.5')).toBe('en');
  });
});

describe('formats', () => {
  it('says how long, as people say it', () => {
    expect(formatDuration('zh-CN', 25 * 60_000)).toBe('25 分钟');
    expect(formatDuration('zh-CN', (2 * 60 + 15) * 60_000)).toBe('2 小时 15 分钟');
    expect(formatDuration('zh-CN', (26 * 60 + 59) * 60_000)).toBe('1 天 2 小时');
    expect(formatDuration('en', -(2 * 60 + 15) * 60_000)).toBe('2 h 15 min');
  });

  it('writes a moment in China Standard Time to the minute', () => {
    expect(formatDateTime(new Date('2026-12-03T10:05:40Z'))).toBe('2026-12-03 18:05');
    expect(formatDateTime(new Date('2026-12-03T23:59:00Z'))).toBe('2026-12-04 07:59');
  });
});
