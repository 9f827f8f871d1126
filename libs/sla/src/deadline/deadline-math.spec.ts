import { CalendarTime, WorkingCalendar } from '../calendar/calendar';
import { DEFAULT_SLA_CALENDARS } from '../calendar/default-calendars';
import { Budget, consumedAt, handOver, pause, remainingAt, resume, schedule, startState, verdictAt } from './deadline-math';
import { parseTimeScale, Timeline } from './time-scale';

const H = 3600_000;
const T0 = Date.parse('2026-11-23T01:00:00Z'); // Monday 09:00 in Beijing
const calendarTime = new Timeline(new CalendarTime());
const day: Budget = { budgetMs: 24 * H, warnShare: 0.8 };

describe('deadline arithmetic', () => {
  it('warns at the warning share of the budget and is due when the budget runs out', () => {
    const s = schedule(day, startState(T0), calendarTime);
    expect(s.warnAt).toBe(T0 + 19.2 * H);
    expect(s.dueAt).toBe(T0 + 24 * H);
    expect(s.next).toEqual({ kind: 'warn', at: T0 + 19.2 * H });
  });

  it('has no warning with a share of 1, and the breach is the next alarm once warned', () => {
    expect(schedule({ budgetMs: H, warnShare: 1 }, startState(T0), calendarTime)).toEqual({ warnAt: null, dueAt: T0 + H, next: { kind: 'breach', at: T0 + H } });
    expect(schedule(day, { ...startState(T0), warned: true }, calendarTime).next).toEqual({ kind: 'breach', at: T0 + 24 * H });
    expect(schedule(day, { ...startState(T0), warned: true, breached: true }, calendarTime).next).toBeNull();
  });

  it('places the warning in working time too', () => {
    const cn = new Timeline(new WorkingCalendar(DEFAULT_SLA_CALENDARS[1]!));
    const s = schedule({ budgetMs: 7.5 * H, warnShare: 0.8 }, startState(T0), cn);
    // 80% of a working day = 6 h of working time: 09:00-12:00 and 13:30-16:30.
    expect(new Date(s.warnAt!).toISOString()).toBe('2026-11-23T08:30:00.000Z');
    expect(new Date(s.dueAt!).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('moves the due time by exactly the time paused', () => {
    let clock = startState(T0);
    clock = pause(clock, T0 + 2 * H, calendarTime);
    expect(schedule(day, clock, calendarTime)).toEqual({ warnAt: null, dueAt: null, next: null });
    clock = resume(clock, T0 + 5 * H);
    expect(clock.pausedMs).toBe(3 * H);
    expect(schedule(day, clock, calendarTime).dueAt).toBe(T0 + 27 * H);
    expect(remainingAt(day, clock, T0 + 6 * H, calendarTime)).toBe(21 * H);
  });

  it('ignores a pause of a paused clock and a resume of a running one', () => {
    const paused = pause(startState(T0), T0 + H, calendarTime);
    expect(pause(paused, T0 + 2 * H, calendarTime)).toBe(paused);
    const running = startState(T0);
    expect(resume(running, T0 + H)).toBe(running);
  });

  it('carries consumed and paused time through a reassignment (same budget)', () => {
    // Holder A: 4 h running, 3 h paused (waiting for the reporter), reassigned while paused.
    let a = startState(T0);
    a = pause(a, T0 + 4 * H, calendarTime);
    const b = handOver(a, T0 + 7 * H, calendarTime, 'keep');
    expect(b).toMatchObject({ consumedMs: 4 * H, runningSince: null, pausedSince: T0 + 4 * H, pausedMs: 0 });
    // B resumes two hours later: 5 h paused in all, 20 h left.
    const resumed = resume(b, T0 + 9 * H);
    expect(resumed.pausedMs).toBe(5 * H);
    expect(schedule(day, resumed, calendarTime).dueAt).toBe(T0 + 9 * H + 20 * H);
  });

  it('carries a running clock through reassignment without a gap or a double count', () => {
    const a = startState(T0);
    const b = handOver(a, T0 + 10 * H, calendarTime, 'keep');
    expect(b).toMatchObject({ consumedMs: 10 * H, runningSince: T0 + 10 * H });
    expect(schedule(day, b, calendarTime).dueAt).toBe(T0 + 24 * H);
  });

  it('keeps a fired warning fired through reassignment, and gives an escalated rung a fresh budget but keeps the pause going', () => {
    const warned = { ...startState(T0), warned: true };
    expect(handOver(warned, T0 + 20 * H, calendarTime, 'keep').warned).toBe(true);
    let a = startState(T0);
    a = pause(a, T0 + H, calendarTime);
    a = resume(a, T0 + 3 * H);
    a = pause(a, T0 + 5 * H, calendarTime);
    const next = handOver(a, T0 + 6 * H, calendarTime, 'fresh');
    expect(next).toEqual({ consumedMs: 0, runningSince: null, pausedSince: T0 + 5 * H, pausedMs: 2 * H, warned: false, breached: false });
    const going = resume(next, T0 + 8 * H);
    expect(going.pausedMs).toBe(5 * H);
    expect(schedule(day, going, calendarTime).dueAt).toBe(T0 + 32 * H);
  });

  it('carries pauses correctly through a chain of reassignments in working time', () => {
    const cn = new Timeline(new WorkingCalendar(DEFAULT_SLA_CALENDARS[1]!));
    const budget: Budget = { budgetMs: 2 * 7.5 * H, warnShare: 0.8 }; // 2 working days
    let c = startState(T0); // Mon 09:00
    c = pause(c, T0 + 2 * H, cn); // 11:00: 2 h consumed
    c = handOver(c, T0 + 5 * H, cn, 'keep'); // 14:00 reassigned while paused
    c = resume(c, T0 + 6 * H); // 15:00
    c = handOver(c, T0 + 7 * H, cn, 'keep'); // 16:00 reassigned again: 3 h consumed
    expect(consumedAt(c, T0 + 7 * H, cn)).toBe(3 * H);
    // 12 h of working time left from Mon 16:00: 2 h Mon, 7.5 h Tue, 2.5 h Wed -> Wed 11:30 local = 03:30Z.
    expect(new Date(schedule(budget, c, cn).dueAt!).toISOString()).toBe('2026-11-25T03:30:00.000Z');
    expect(c.pausedMs).toBe(4 * H);
  });

  it('judges a completion met when within the budget, late otherwise or once breached', () => {
    const c = startState(T0);
    expect(verdictAt(day, c, T0 + 24 * H, calendarTime)).toBe('met');
    expect(verdictAt(day, c, T0 + 24 * H + 1, calendarTime)).toBe('late');
    expect(verdictAt(day, { ...c, breached: true }, T0, calendarTime)).toBe('late');
    expect(verdictAt(day, pause(c, T0 + H, calendarTime), T0 + 100 * H, calendarTime)).toBe('met');
  });

  it('warns at once when a carried budget is already past the warning share', () => {
    const c = handOver(startState(T0), T0 + 20 * H, calendarTime, 'keep');
    expect(schedule(day, c, calendarTime).warnAt).toBe(T0 + 20 * H);
  });
});

describe('SLA_TIME_SCALE', () => {
  it('defaults to 1 and refuses nonsense', () => {
    expect(parseTimeScale(undefined)).toBe(1);
    expect(parseTimeScale('')).toBe(1);
    expect(parseTimeScale('0.001')).toBe(0.001);
    for (const bad of ['0', '-1', 'fast', 'Infinity', '1e9']) expect(() => parseTimeScale(bad)).toThrow(/SLA_TIME_SCALE/);
  });

  it('multiplies every duration: a 24-hour budget at 0.001 runs out in 86.4 seconds', () => {
    const scaled = new Timeline(new CalendarTime(), 0.001, T0);
    const s = schedule(day, startState(T0), scaled);
    expect(s.dueAt).toBe(T0 + 86_400);
    expect(s.warnAt).toBe(T0 + 69_120);
    expect(scaled.consumed(T0, T0 + 1000)).toBe(1000 * 1000);
  });

  it('scales nights and weekends of a working calendar as well (the calendar runs on the scaled clock)', () => {
    const cn = new WorkingCalendar(DEFAULT_SLA_CALENDARS[1]!);
    const friday17 = Date.parse('2026-11-27T09:00:00Z'); // Friday 17:00 in Beijing
    const real = new Timeline(cn, 1, friday17);
    const fast = new Timeline(cn, 0.01, friday17);
    // Two working hours from Friday 17:00 end Monday 10:00: 65 h later in real time, 39 min later at 0.01.
    expect(real.reach(friday17, 2 * H) - friday17).toBe(65 * H);
    expect(fast.reach(friday17, 2 * H) - friday17).toBe(0.65 * H);
    expect(fast.consumed(friday17, friday17 + 0.65 * H)).toBe(2 * H);
  });
});
