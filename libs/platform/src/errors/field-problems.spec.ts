import { DomainError } from '@grievance/contracts';
import { catalogueOf, isMessageKey, LANGUAGES } from '@grievance/i18n';
import { calendarProblems, CalendarSpec, policyInvalid, policyProblems, SlaPolicy } from '@grievance/sla';
import { answerFor } from './all-exceptions.filter';
import type { ApiErrorEntry } from './error-texts';

/** Bodies an admin could send that break every rule of the SLA settings once. */
const BAD_POLICIES = [
  null,
  { id: 'Bad Id', match: null, targets: null, calendar: '' },
  { id: 'p', match: { kind: 'x', urgency: 'x', stage: '', category: [], colour: 'red' }, targets: {}, calendar: 'c', warnShare: 0, priority: 1.5 },
  { id: 'p', match: {}, targets: { soon: 'P1D', resolve: 'whenever' }, calendar: 'c' },
] as unknown as SlaPolicy[];
const BAD_CALENDARS = [
  null,
  { id: 'c', kind: 'lunar', timeZone: 'Mars/Olympus' },
  { id: 'c', kind: 'working', workingHours: [] },
  { id: 'c', kind: 'working', workingHours: [{ from: '9', to: '10:00' }, { from: '12:00', to: '11:00' }], weekend: [0], holidays: 'never' },
  { id: 'c', kind: 'working', workingHours: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '18:00' }], holidays: ['2026-10-01', 'x'], workdays: ['2026-10-01'] },
] as unknown as CalendarSpec[];

describe('the SLA settings\' problems, each at its field', () => {
  const problems = [...BAD_POLICIES.flatMap(policyProblems), ...BAD_CALENDARS.flatMap(calendarProblems)];

  it('cover every rule (one bad body each)', () => {
    expect(new Set(problems.map((p) => p.key)).size).toBe(26);
  });

  it.each(LANGUAGES)('say each problem in %s from the catalogue, every placeholder filled', (language) => {
    const policy = BAD_POLICIES[2]!;
    for (const problem of problems) {
      expect(isMessageKey(problem.key)).toBe(true);
      const error = policyInvalid(policy, [problem]);
      const [entry] = answerFor(error, () => 'id', language).body.errors as ApiErrorEntry[];
      expect(entry!.message).not.toMatch(/\{\w+(:\w+)?\}/);
      expect(entry!.message).toBe(entry!.message.trim());
      expect(entry!.message.length).toBeGreaterThan(4);
      if (problem.field) expect(entry!.field).toBe(problem.field);
    }
    expect(catalogueOf(language)['sla.problem.dayBoth']).toContain('{day}');
  });

  it('answer a policy with two bad fields as two entries, keeping the English summary in message and details', () => {
    const policy = { id: 'p', match: {}, targets: { resolve: 'soon' }, calendar: '' } as unknown as SlaPolicy;
    const answer = answerFor(policyInvalid(policy, policyProblems(policy)), () => 'id', 'zh-CN');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'targets.resolve', code: 'invalid', message: '时限“办结”须为毫秒数或 ISO-8601 时长（如 PT2H、P7D）。' },
      { field: 'calendar', code: 'invalid', message: '须指定一个工作日历。' },
    ]);
    expect(answer.body.message).toEqual([expect.stringContaining('targets.resolve must be milliseconds')]);
    expect(answer.body.details).toEqual({ errors: [expect.stringContaining('targets.resolve'), 'calendar must name a calendar'] });
  });

  it('falls back to the English text of a problem whose key no catalogue has', () => {
    const error = new DomainError('invalid', 'x', undefined, { key: 'error.sla.policyInvalid', params: { id: 'p', count: 1 }, problems: [{ field: 'a', message: 'a is odd', key: 'no.such.key' }] });
    expect(answerFor(error, () => 'id', 'zh-CN').body.errors).toEqual([{ field: 'a', code: 'invalid', message: 'a is odd' }]);
  });
});
