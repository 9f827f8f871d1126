import { CalendarSpec, CalendarTime, createCalendar, validateCalendar, WorkingCalendar } from './calendar';
import { CN_PUBLIC_HOLIDAYS, DEFAULT_SLA_CALENDARS } from './default-calendars';
import { formatDay, isoWeekday, parseDay } from './zone';

const H = 3600_000;
const bj = (local: string) => Date.parse(`${local}+08:00`);
const cn = new WorkingCalendar(DEFAULT_SLA_CALENDARS[1]!);
const working = (over: Partial<CalendarSpec>): CalendarSpec => ({ id: 'office', kind: 'working', ...over });

describe('what an admin may not save as a calendar', () => {
  it.each<[string, CalendarSpec, string]>([
    ['an id with spaces', working({ id: 'Head Office' }), 'id must be 1-64 lower-case letters'],
    ['an unknown kind', { id: 'x', kind: 'shifts' as never }, 'kind must be calendar or working'],
    ['no working hours', working({ workingHours: [] }), 'workingHours must list at least one interval'],
    ['hours not as HH:MM', working({ workingHours: [{ from: '9:00', to: '12:00' }] }), 'workingHours[0] must be {from, to} as HH:MM'],
    ['a time past midnight', working({ workingHours: [{ from: '22:00', to: '24:30' }] }), 'workingHours[0] must be {from, to} as HH:MM'],
    ['a night shift not split at midnight', working({ workingHours: [{ from: '22:00', to: '06:00' }] }), 'split a night shift at 24:00'],
    ['overlapping hours', working({ workingHours: [{ from: '13:00', to: '18:00' }, { from: '09:00', to: '13:30' }] }), 'workingHours must not overlap'],
    ['a weekday 0', working({ weekend: [0, 6] }), 'weekend must list ISO weekdays 1-7'],
    ['a holiday that is no date', working({ holidays: ['National Day'] }), 'holidays[0] "National Day" is not a YYYY-MM-DD date'],
    ['a make-up day that is no date', working({ workdays: ['2026-13-01'] }), 'workdays[0] "2026-13-01" is not a YYYY-MM-DD date'],
  ])('refuses %s', (_case, spec, message) => {
    expect(validateCalendar(spec)).toEqual([expect.stringContaining(message)]);
    expect(() => createCalendar(spec)).toThrow(expect.objectContaining({ code: 'invalid', message: expect.stringContaining(message) }));
  });

  it('accepts hours given in any order and ending at midnight', () => {
    expect(validateCalendar(working({ workingHours: [{ from: '20:00', to: '24:00' }, { from: '08:00', to: '12:00' }] }))).toEqual([]);
  });

  it('does not ask calendar time for working hours', () => {
    expect(validateCalendar({ id: 'round-the-clock', kind: 'calendar', workingHours: [] })).toEqual([]);
    expect(createCalendar({ id: 'round-the-clock', kind: 'calendar' })).toBeInstanceOf(CalendarTime);
  });
});

describe('the edges of working time', () => {
  it('counts 09:00 as working and 18:00 as closed: a grievance arriving at closing time starts the next morning', () => {
    expect(cn.isWorkingTime(bj('2026-11-23T09:00:00'))).toBe(true);
    expect(cn.isWorkingTime(bj('2026-11-23T17:59:59'))).toBe(true);
    expect(cn.isWorkingTime(bj('2026-11-23T18:00:00'))).toBe(false);
    expect(cn.addWorkingTime(bj('2026-11-23T18:00:00'), H)).toBe(bj('2026-11-24T10:00:00'));
  });

  it('spends nothing of a budget of zero, and counts no time backwards', () => {
    expect(cn.addWorkingTime(bj('2026-11-28T03:00:00'), 0)).toBe(bj('2026-11-28T03:00:00'));
    expect(cn.workingTimeBetween(bj('2026-11-24T10:00:00'), bj('2026-11-23T10:00:00'))).toBe(0);
    expect(new CalendarTime().addWorkingTime(1000, -5)).toBe(1000);
    expect(new CalendarTime().workingTimeBetween(2000, 1000)).toBe(0);
  });

  it('makes a listed holiday off even on a weekday, and a make-up day on even on a weekend', () => {
    const office = new WorkingCalendar(working({ holidays: ['2026-11-25'], workdays: ['2026-11-29'] }));
    expect(office.isWorkingTime(bj('2026-11-25T10:00:00'))).toBe(false); // a Wednesday off
    expect(office.isWorkingTime(bj('2026-11-29T10:00:00'))).toBe(true); // a Sunday on
    expect(office.isWorkingTime(bj('2026-11-28T10:00:00'))).toBe(false); // an ordinary Saturday
  });

  it('lets a city choose its own weekend', () => {
    const sixDays = new WorkingCalendar(working({ weekend: [7] }));
    expect(sixDays.addWorkingTime(bj('2026-11-27T17:00:00'), 2 * H)).toBe(bj('2026-11-28T10:00:00'));
  });
});

describe('mainland China’s holiday data', () => {
  it.each(Object.entries(CN_PUBLIC_HOLIDAYS))('lists for %s only real dates, make-up days on weekends, and none both', (_year, { holidays, workdays }) => {
    expect([...holidays, ...workdays].every((d) => parseDay(d) !== undefined)).toBe(true);
    expect(workdays.map((d) => isoWeekday(parseDay(d)!)).every((weekday) => weekday >= 6)).toBe(true);
    expect(holidays.filter((d) => workdays.includes(d))).toEqual([]);
  });

  it('has the eight days of the 2025 Spring Festival, 28 January to 4 February', () => {
    const festival = CN_PUBLIC_HOLIDAYS[2025]!.holidays.filter((d) => d >= '2025-01-28' && d <= '2025-02-04');
    expect(festival).toHaveLength(8);
    expect(formatDay(parseDay('2025-02-04')!)).toBe('2025-02-04');
  });
});
