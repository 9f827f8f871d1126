import { CalendarSpec } from './calendar';

/**
 * Mainland China's public holidays and make-up working days (调休), from the State
 * Council General Office's yearly notices (国务院办公厅关于部分节假日安排的通知). Data, not
 * code: a new year is added through the calendar store (admin API) once the notice is
 * published, usually in November; a year without data counts only weekends as off.
 */
export const CN_PUBLIC_HOLIDAYS: Readonly<Record<number, { holidays: string[]; workdays: string[] }>> = Object.freeze({
  2025: {
    holidays: [
      '2025-01-01', // 元旦
      ...range('2025-01-28', 8), // 春节 1.28-2.4
      ...range('2025-04-04', 3), // 清明 4.4-4.6
      ...range('2025-05-01', 5), // 劳动节 5.1-5.5
      ...range('2025-05-31', 3), // 端午 5.31-6.2
      ...range('2025-10-01', 8), // 国庆、中秋 10.1-10.8
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ...range('2026-01-01', 3), // 元旦 1.1-1.3
      ...range('2026-02-15', 9), // 春节 2.15-2.23
      ...range('2026-04-04', 3), // 清明 4.4-4.6
      ...range('2026-05-01', 5), // 劳动节 5.1-5.5
      ...range('2026-06-19', 3), // 端午 6.19-6.21
      ...range('2026-09-25', 3), // 中秋 9.25-9.27
      ...range('2026-10-01', 7), // 国庆 10.1-10.7
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
});

/** `count` consecutive dates from `first` (YYYY-MM-DD). */
function range(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** The id of calendar time (every minute counts): the identity calendar. */
export const CALENDAR_TIME_ID = 'calendar';
/** The id of the default working calendar: Beijing time, 09:00–12:00 and 13:30–18:00, Monday–Friday, mainland holidays. */
export const CN_WORKING_CALENDAR_ID = 'cn-working';

export const DEFAULT_SLA_CALENDARS: readonly CalendarSpec[] = Object.freeze([
  { id: CALENDAR_TIME_ID, kind: 'calendar', description: 'Calendar time: every minute counts, day and night.' },
  {
    id: CN_WORKING_CALENDAR_ID,
    kind: 'working',
    description: 'Working time in Asia/Shanghai: 09:00–12:00 and 13:30–18:00 on working days; weekends and public holidays off, make-up days (调休) on.',
    timeZone: 'Asia/Shanghai',
    workingHours: [
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '18:00' },
    ],
    weekend: [6, 7],
    holidays: Object.values(CN_PUBLIC_HOLIDAYS).flatMap((y) => y.holidays),
    workdays: Object.values(CN_PUBLIC_HOLIDAYS).flatMap((y) => y.workdays),
  },
] satisfies CalendarSpec[]);
