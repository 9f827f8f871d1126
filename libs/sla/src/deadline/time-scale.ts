import { DomainError } from '@grievance/contracts';
import { SlaCalendar } from '../calendar/calendar';

/**
 * `SLA_TIME_SCALE`: multiplies every SLA duration. 1 (the default) is real time; 0.001 runs a
 * 24-hour chain in 86.4 seconds, for demos and tests. Services read the variable in their
 * config class and pass the number to the engine (`timeScale`); this is its parser.
 */
export const SLA_TIME_SCALE_VARIABLE = 'SLA_TIME_SCALE';
export const DEFAULT_TIME_SCALE = 1;
const MIN_SCALE = 1e-7;
const MAX_SCALE = 1000;

export function parseTimeScale(value: string | number | undefined | null): number {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return DEFAULT_TIME_SCALE;
  const scale = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new DomainError('invalid', `${SLA_TIME_SCALE_VARIABLE} must be a number from ${MIN_SCALE} to ${MAX_SCALE} (1 = real time), got "${String(value)}"`, undefined, {
      key: 'error.sla.timeScale',
      params: { variable: SLA_TIME_SCALE_VARIABLE, min: MIN_SCALE, max: MAX_SCALE },
    });
  }
  return scale;
}

/**
 * How one deadline turns real instants into consumed budget and back: its calendar, seen
 * through the time scale. This is the one place the scale is applied.
 *
 * With a scale s, the deadline lives on a virtual clock that runs 1/s times faster than
 * the real one from its anchor (the moment its clock started): v(t) = anchor + (t − anchor) / s.
 * The calendar (nights, weekends, holidays included) is read on the virtual clock, so
 * every duration, budgets and off-hours alike, is multiplied by s in real time. With s = 1
 * both clocks are the same.
 */
export class Timeline {
  constructor(
    readonly calendar: SlaCalendar,
    readonly scale: number = DEFAULT_TIME_SCALE,
    readonly anchor = 0,
  ) {}

  private virtual(real: number): number {
    return this.scale === 1 ? real : this.anchor + (real - this.anchor) / this.scale;
  }

  private real(virtual: number): number {
    return this.scale === 1 ? virtual : this.anchor + (virtual - this.anchor) * this.scale;
  }

  /** Budget consumed between two real instants (whole milliseconds, rounded down). */
  consumed(from: number, to: number): number {
    if (!(to > from)) return 0;
    return Math.floor(this.calendar.workingTimeBetween(this.virtual(from), this.virtual(to)) + 1e-6);
  }

  /** The real instant at which `budget` ms will have been consumed from `from` (rounded up to the ms). */
  reach(from: number, budget: number): number {
    if (!(budget > 0)) return from;
    return Math.ceil(this.real(this.calendar.addWorkingTime(this.virtual(from), budget)) - 1e-6);
  }
}
