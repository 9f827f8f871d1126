import { Holder, Level, SlaTarget } from '@grievance/contracts';
import { GrievanceFacts } from '../policy/policy';
import { AlarmKind, Budget, ClockState, Schedule } from './deadline-math';
import { Timeline } from './time-scale';
import { SlaCalendar } from '../calendar/calendar';

export const DEADLINE_STATUSES = ['running', 'paused', 'breached', 'met', 'late', 'cancelled', 'handed_over'] as const;
/**
 * - running / paused: the clock runs or is stopped (waiting for the reporter);
 * - breached: the budget ran out and sla.breached.v1 fired; still open until completed;
 * - met / late: completed in time or not; cancelled: no longer owed;
 * - handed_over: a new holder took it over (the next row of its chain).
 */
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export const OPEN_STATUSES: readonly DeadlineStatus[] = ['running', 'paused', 'breached'];

/** One deadline of one holder, as stored (one row of sla_deadlines). */
export interface SlaDeadline {
  id: string;
  grievanceId: string;
  /** What it is about within the grievance: `grievance`, `ticket:<id>`, `rung:<level>`. */
  subject: string;
  target: SlaTarget;
  holder: Holder;
  level: Level | null;
  /** The facts the policy was matched against. */
  grievance: GrievanceFacts;
  /** The first deadline of its chain of holders (its own id when it is the first). */
  chainId: string;
  /** The deadline of the previous holder, when it was handed over. */
  previousId: string | null;
  policyId: string;
  policyVersion: number;
  /** The budget the policy gave (ms of calendar time, unscaled), snapshot at start. */
  budgetMs: number;
  warnShare: number;
  calendarId: string;
  /** SLA_TIME_SCALE when the clock started. */
  timeScale: number;
  correlationId: string;
  causationId: string | null;
  /** When this budget's clock started (an earlier holder's start when the budget was kept). */
  clockStartedAt: Date;
  /** When the grievance reached this holder. */
  startedAt: Date;
  runningSince: Date | null;
  consumedMs: number;
  pausedSince: Date | null;
  pausedMs: number;
  warnAt: Date | null;
  dueAt: Date | null;
  nextAlarm: { kind: AlarmKind; at: Date } | null;
  status: DeadlineStatus;
  warnedAt: Date | null;
  breachedAt: Date | null;
  closedAt: Date | null;
  /** Bumped whenever its alarms move (pause, resume, hand-over, close): old alarms ring for nothing. */
  version: number;
}

export function isOpen(deadline: Pick<SlaDeadline, 'status'>): boolean {
  return OPEN_STATUSES.includes(deadline.status);
}

export function budgetOf(deadline: Pick<SlaDeadline, 'budgetMs' | 'warnShare'>): Budget {
  return { budgetMs: deadline.budgetMs, warnShare: deadline.warnShare };
}

export function clockOf(deadline: SlaDeadline): ClockState {
  return {
    consumedMs: deadline.consumedMs,
    runningSince: deadline.runningSince?.getTime() ?? null,
    pausedSince: deadline.pausedSince?.getTime() ?? null,
    pausedMs: deadline.pausedMs,
    warned: deadline.warnedAt !== null,
    breached: deadline.breachedAt !== null,
  };
}

export function timelineOf(deadline: Pick<SlaDeadline, 'timeScale' | 'clockStartedAt'>, calendar: SlaCalendar): Timeline {
  return new Timeline(calendar, deadline.timeScale, deadline.clockStartedAt.getTime());
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** The deadline with a new clock state and the schedule that follows from it. */
export function withClock(deadline: SlaDeadline, clock: ClockState, planned: Schedule): SlaDeadline {
  const status: DeadlineStatus = deadline.breachedAt !== null || clock.breached ? 'breached' : clock.runningSince === null ? 'paused' : 'running';
  return {
    ...deadline,
    consumedMs: clock.consumedMs,
    runningSince: date(clock.runningSince),
    pausedSince: date(clock.pausedSince),
    pausedMs: clock.pausedMs,
    // While paused the due moment is unknown; once breached it stays where it was.
    warnAt: planned.warnAt !== null ? date(planned.warnAt) : clock.warned ? deadline.warnAt : null,
    dueAt: status === 'breached' ? deadline.dueAt : date(planned.dueAt),
    nextAlarm: planned.next && status !== 'breached' ? { kind: planned.next.kind, at: new Date(planned.next.at) } : null,
    status,
  };
}

/**
 * The BullMQ job id of one deadline's alarm (`<deadline>.<warn|breach>.<version>`):
 * deterministic, so adding it twice adds it once. Dots, not colons: BullMQ refuses colons
 * in custom ids (it still lets through a legacy three-part form, slated for removal).
 */
export function alarmJobId(deadlineId: string, kind: AlarmKind, version: number): string {
  return `${deadlineId}.${kind}.${version}`;
}

export function parseAlarmJobId(jobId: string): { deadlineId: string; kind: AlarmKind; version: number } | undefined {
  const match = /^([0-9a-f-]{36})\.(warn|breach)\.(\d+)$/.exec(jobId);
  if (!match) return undefined;
  return { deadlineId: match[1]!, kind: match[2] as AlarmKind, version: Number(match[3]) };
}
