import { CalendarSpec, CalendarTime, createCalendar, validateCalendar, WorkingCalendar } from './calendar';
import { CN_WORKING_CALENDAR_ID, DEFAULT_SLA_CALENDARS } from './default-calendars';
import { isoWeekday, localDay, parseDay, zonedInstant } from './zone';

const H = 3600_000;
const M = 60_000;
const cn = new WorkingCalendar(DEFAULT_SLA_CALENDARS.find((c) => c.id === CN_WORKING_CALENDAR_ID)!);
/** An instant given as Beijing wall-clock time. */
const bj = (local: string) => Date.parse(`${local}+08:00`);
const iso = (t: number) => new Date(t).toISOString();

describe('the working calendar (Asia/Shanghai, 09:00-12:00 and 13:30-18:00, mainland holidays)', () => {
  it('has a working day of 7.5 hours', () => {
    expect(cn.dayMs).toBe(7.5 * H);
  });

  it('counts time inside working hours as it passes', () => {
    expect(cn.addWorkingTime(bj('2026-11-23T09:30:00'), 2 * H)).toBe(bj('2026-11-23T11:30:00'));
    expect(cn.workingTimeBetween(bj('2026-11-23T09:30:00'), bj('2026-11-23T11:30:00'))).toBe(2 * H);
  });

  it('stops the clock over the lunch break', () => {
    expect(cn.addWorkingTime(bj('2026-11-23T11:30:00'), H)).toBe(bj('2026-11-23T14:00:00'));
    expect(cn.workingTimeBetween(bj('2026-11-23T11:00:00'), bj('2026-11-23T14:00:00'))).toBe(1.5 * H);
    expect(cn.isWorkingTime(bj('2026-11-23T12:45:00'))).toBe(false);
  });

  it('starts a grievance that arrives before opening time at 09:00, and one that arrives at night the next morning', () => {
    expect(cn.addWorkingTime(bj('2026-11-23T07:10:00'), 30 * M)).toBe(bj('2026-11-23T09:30:00'));
    expect(cn.addWorkingTime(bj('2026-11-23T22:00:00'), 30 * M)).toBe(bj('2026-11-24T09:30:00'));
  });

  it('crosses midnight and the weekend: Friday 17:30 plus one hour is Monday 09:30', () => {
    expect(cn.addWorkingTime(bj('2026-11-27T17:30:00'), H)).toBe(bj('2026-11-30T09:30:00'));
    expect(cn.workingTimeBetween(bj('2026-11-27T17:30:00'), bj('2026-11-30T09:30:00'))).toBe(H);
  });

  it('ends exactly at closing time when the budget runs out there', () => {
    expect(cn.addWorkingTime(bj('2026-11-23T17:00:00'), H)).toBe(bj('2026-11-23T18:00:00'));
  });

  it('skips public holidays: the National Day week of 2026', () => {
    // Wednesday 30 September 17:00 + 2 h: one hour that day, then 1-7 October off, Thursday 8 October 10:00.
    expect(cn.addWorkingTime(bj('2026-09-30T17:00:00'), 2 * H)).toBe(bj('2026-10-08T10:00:00'));
    expect(cn.workingTimeBetween(bj('2026-10-01T00:00:00'), bj('2026-10-08T00:00:00'))).toBe(0);
  });

  it('works on a make-up working day (调休): Saturday 10 October 2026', () => {
    expect(isoWeekday(parseDay('2026-10-10')!)).toBe(6);
    expect(cn.addWorkingTime(bj('2026-10-09T17:00:00'), 2 * H)).toBe(bj('2026-10-10T10:00:00'));
    expect(cn.isWorkingTime(bj('2026-10-10T10:00:00'))).toBe(true);
    // An ordinary Saturday is off.
    expect(cn.isWorkingTime(bj('2026-10-17T10:00:00'))).toBe(false);
  });

  it('spans the Spring Festival of 2026 with its two make-up Saturdays', () => {
    // Friday 13 Feb 18:00 -> Saturday 14 Feb is a make-up day; 15-23 Feb off.
    expect(cn.addWorkingTime(bj('2026-02-13T18:00:00'), 7.5 * H)).toBe(bj('2026-02-14T18:00:00'));
    expect(cn.addWorkingTime(bj('2026-02-14T18:00:00'), 30 * M)).toBe(bj('2026-02-24T09:30:00'));
  });

  it('reads instants given in UTC on the Beijing wall clock (a UTC evening is the next Beijing morning)', () => {
    // 2026-11-22T23:00Z is Monday 23 November 07:00 in Beijing: opens at 09:00 (01:00Z).
    expect(iso(cn.addWorkingTime(Date.parse('2026-11-22T23:00:00Z'), H))).toBe('2026-11-23T02:00:00.000Z');
    expect(localDay(Date.parse('2026-11-22T23:00:00Z'), 'Asia/Shanghai')).toBe(parseDay('2026-11-23'));
  });

  it('counts seven working days of budget as they pass, weekends excluded', () => {
    // Monday 09:00 + 7 working days (52.5 h of working time) = the next Tuesday 18:00.
    expect(cn.addWorkingTime(bj('2026-11-23T09:00:00'), 7 * cn.dayMs)).toBe(bj('2026-12-01T18:00:00'));
  });

  it('is consistent: the working time between a start and the moment a budget runs out is the budget', () => {
    const starts = ['2026-11-23T08:00:00', '2026-11-27T16:59:59', '2026-09-30T12:30:00', '2026-02-13T10:15:00'].map(bj);
    for (const start of starts) {
      for (const budget of [1, 59 * M, 3 * H, 7.5 * H, 40 * H]) {
        expect(cn.workingTimeBetween(start, cn.addWorkingTime(start, budget))).toBe(budget);
      }
    }
  });

  it('follows a zone with daylight saving time (Europe/Berlin, spring forward on 29 March 2026)', () => {
    const berlin = new WorkingCalendar({ id: 'berlin', kind: 'working', timeZone: 'Europe/Berlin', workingHours: [{ from: '09:00', to: '17:00' }] });
    // Friday 27 March 16:00 CET (+1) + 2 h = Monday 30 March 10:00 CEST (+2) = 08:00Z.
    expect(iso(berlin.addWorkingTime(Date.parse('2026-03-27T15:00:00Z'), 2 * H))).toBe('2026-03-30T08:00:00.000Z');
    expect(zonedInstant(parseDay('2026-03-30')!, 9 * 60, 'Europe/Berlin')).toBe(Date.parse('2026-03-30T07:00:00Z'));
  });

  it('splits a night shift at midnight', () => {
    const nights = new WorkingCalendar({
      id: 'nights',
      kind: 'working',
      workingHours: [
        { from: '00:00', to: '06:00' },
        { from: '22:00', to: '24:00' },
      ],
      weekend: [],
    });
    expect(nights.addWorkingTime(bj('2026-11-23T23:00:00'), 2 * H)).toBe(bj('2026-11-24T01:00:00'));
  });

  it('refuses a calendar that would never work and gives up searching for working time', () => {
    expect(validateCalendar({ id: 'bad', kind: 'working', workingHours: [{ from: '18:00', to: '09:00' }] })).toEqual([
      expect.stringContaining('must end after it starts'),
    ]);
    expect(validateCalendar({ id: 'x', kind: 'working', holidays: ['2026-02-30'] })).toEqual([expect.stringContaining('2026-02-30')]);
    expect(validateCalendar({ id: 'x', kind: 'working', holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).toEqual([
      expect.stringContaining('both a holiday and a make-up'),
    ]);
    expect(validateCalendar({ id: 'x', kind: 'working', timeZone: 'Mars/Olympus' })).toEqual([expect.stringContaining('IANA')]);
    const never = new WorkingCalendar({ id: 'never', kind: 'working', weekend: [1, 2, 3, 4, 5, 6, 7] });
    expect(() => never.addWorkingTime(0, 1)).toThrow(/no working time/);
  });
});

describe('calendar time', () => {
  it('is the identity: every millisecond counts', () => {
    const calendar = createCalendar({ id: 'calendar', kind: 'calendar' } satisfies CalendarSpec);
    expect(calendar).toBeInstanceOf(CalendarTime);
    expect(calendar.dayMs).toBe(24 * H);
    expect(calendar.addWorkingTime(bj('2026-10-01T23:00:00'), 2 * H)).toBe(bj('2026-10-02T01:00:00'));
    expect(calendar.workingTimeBetween(bj('2026-10-01T23:00:00'), bj('2026-10-02T01:00:00'))).toBe(2 * H);
  });
});
