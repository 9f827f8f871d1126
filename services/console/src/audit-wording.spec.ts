import { CATALOGUE_TOPICS } from '@grievance/contracts';
import en from '../web/src/i18n/en';
import zhCN from '../web/src/i18n/zh-CN';

/** The audit records every topic of the catalogue (audit's AUDITED_TOPICS): its trace can show each of them. */
describe("the auditor's trace words", () => {
  it.each([
    ['zh-CN', zhCN.audit.event as Record<string, string>],
    ['en', en.audit.event as Record<string, string>],
  ])('%s has a text of its own for every topic the audit records', (_language, events) => {
    expect(CATALOGUE_TOPICS.filter((topic) => !events[topic]?.trim())).toEqual([]);
  });

  it('speaks of the people in the third person, never to the reporter', () => {
    expect(Object.entries(zhCN.audit.event).filter(([, text]) => /[您你]/.test(text))).toEqual([]);
    expect(Object.entries(en.audit.event).filter(([, text]) => /\b(you|your)\b/i.test(text))).toEqual([]);
  });
});
