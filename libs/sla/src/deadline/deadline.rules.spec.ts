import { CalendarTime } from '../calendar/calendar';
import { DEADLINE_STATUSES, DeadlineStatus, isOpen, SlaDeadline, withClock } from './deadline';
import { pause, resume, schedule, startState } from './deadline-math';
import { parseTimeScale, Timeline } from './time-scale';

const H = 3600_000;
const T = Date.parse('2026-11-23T01:00:00Z');
const timeline = new Timeline(new CalendarTime());
const budget = { budgetMs: 10 * H, warnShare: 0.8 };

/** A deadline that started at T with a 10-hour budget, as stored (the fields withClock reads). */
const stored = (over: Partial<SlaDeadline> = {}) =>
  ({ budgetMs: budget.budgetMs, warnShare: budget.warnShare, warnAt: null, dueAt: new Date(T + 10 * H), breachedAt: null, status: 'running', ...over }) as SlaDeadline;

describe('a deadline’s stored state after its clock changes', () => {
  it('runs with the warning next, then the breach', () => {
    const clock = startState(T);
    const d = withClock(stored(), clock, schedule(budget, clock, timeline));
    expect(d).toMatchObject({ status: 'running', warnAt: new Date(T + 8 * H), dueAt: new Date(T + 10 * H), nextAlarm: { kind: 'warn', at: new Date(T + 8 * H) } });
  });

  it('has no due moment and no alarm while paused, yet remembers when it warned', () => {
    const warnedAt = new Date(T + 8 * H);
    const clock = pause({ ...startState(T), warned: true }, T + 9 * H, timeline);
    const d = withClock(stored({ warnAt: warnedAt }), clock, schedule(budget, clock, timeline));
    expect(d).toMatchObject({ status: 'paused', dueAt: null, nextAlarm: null, warnAt: warnedAt });
  });

  it('stays breached, due when it was, with no alarm left, whatever the clock does next', () => {
    const breachedAt = new Date(T + 10 * H);
    const clock = resume(pause({ ...startState(T), warned: true, breached: true }, T + 11 * H, timeline), T + 12 * H);
    const d = withClock(stored({ breachedAt, status: 'breached' }), clock, schedule(budget, clock, timeline));
    expect(d).toMatchObject({ status: 'breached', dueAt: new Date(T + 10 * H), nextAlarm: null });
  });

  it.each<[DeadlineStatus, boolean]>(DEADLINE_STATUSES.map((s) => [s, ['running', 'paused', 'breached'].includes(s)]))('is open when %s: %s', (status, open) => {
    expect(isOpen({ status })).toBe(open);
  });
});

describe('SLA_TIME_SCALE read from the environment', () => {
  it.each<[string | number, number]>([
    ['  ', 1],
    [' 0.5 ', 0.5],
    [0.001, 0.001],
    ['1000', 1000],
  ])('reads %j as %d', (value, scale) => {
    expect(parseTimeScale(value)).toBe(scale);
  });

  it.each(['1001', 0, Number.NaN, '1e-8'])('refuses %j, naming the variable and the range', (value) => {
    expect(() => parseTimeScale(value)).toThrow(expect.objectContaining({ code: 'invalid', message: expect.stringMatching(/^SLA_TIME_SCALE must be a number from 1e-7 to 1000/) }));
  });

  it('reaches a budget of nothing at once and consumes nothing backwards', () => {
    expect(timeline.reach(T, 0)).toBe(T);
    expect(new Timeline(new CalendarTime(), 0.01, T).consumed(T + 1000, T)).toBe(0);
  });
});
