import { Timeline } from './time-scale';

/**
 * The arithmetic of one deadline, pure: where its budget stands, when it warns and when
 * it is due, and what pausing, resuming, handing over and completing do to it. Instants
 * are epoch milliseconds; budgets are milliseconds of the deadline's calendar time.
 */

/** The budget a policy gave, snapshot when the deadline started (a policy change later does not move it). */
export interface Budget {
  budgetMs: number;
  /** In (0, 1]; 1 means no warning. */
  warnShare: number;
}

/** Where a deadline's clock stands. */
export interface ClockState {
  /** Budget consumed before `runningSince` (carried from earlier holders and earlier running spells). */
  consumedMs: number;
  /** Start of the current running spell; null while paused. */
  runningSince: number | null;
  /** Since when it is paused; null while running. */
  pausedSince: number | null;
  /** Real time spent paused so far, over the whole chain of holders (information for audit). */
  pausedMs: number;
  warned: boolean;
  breached: boolean;
}

export type AlarmKind = 'warn' | 'breach';

/** When the deadline's alarms ring, given its state. */
export interface Schedule {
  /** When the warning share is reached; null when no warning is pending. */
  warnAt: number | null;
  /** When the budget runs out; null while paused. */
  dueAt: number | null;
  /** The next alarm and when it rings; null when none is pending (paused, breached). */
  next: { kind: AlarmKind; at: number } | null;
}

/** The budget at which the warning fires. */
export function warnBudget(budget: Budget): number {
  return Math.ceil(budget.budgetMs * budget.warnShare);
}

/** Budget consumed up to `at`. */
export function consumedAt(state: ClockState, at: number, timeline: Timeline): number {
  return state.consumedMs + (state.runningSince === null ? 0 : timeline.consumed(state.runningSince, at));
}

/** Budget left at `at` (negative once overdue). */
export function remainingAt(budget: Budget, state: ClockState, at: number, timeline: Timeline): number {
  return budget.budgetMs - consumedAt(state, at, timeline);
}

export function schedule(budget: Budget, state: ClockState, timeline: Timeline): Schedule {
  if (state.runningSince === null) return { warnAt: null, dueAt: null, next: null };
  const since = state.runningSince;
  const dueAt = timeline.reach(since, Math.max(0, budget.budgetMs - state.consumedMs));
  let warnAt: number | null = null;
  if (!state.warned && !state.breached && budget.warnShare < 1) {
    const toWarn = warnBudget(budget) - state.consumedMs;
    warnAt = toWarn <= 0 ? since : timeline.reach(since, toWarn);
    if (warnAt >= dueAt) warnAt = null;
  }
  const next = state.breached ? null : warnAt !== null ? { kind: 'warn' as const, at: warnAt } : { kind: 'breach' as const, at: dueAt };
  return { warnAt, dueAt, next };
}

/** Stops the clock (waiting for the reporter's reply). Pausing a paused clock changes nothing. */
export function pause(state: ClockState, at: number, timeline: Timeline): ClockState {
  if (state.runningSince === null) return state;
  return { ...state, consumedMs: consumedAt(state, at, timeline), runningSince: null, pausedSince: at };
}

/** Starts the clock again; the paused time is not counted. Resuming a running clock changes nothing. */
export function resume(state: ClockState, at: number): ClockState {
  if (state.runningSince !== null) return state;
  const paused = state.pausedSince === null ? 0 : Math.max(0, at - state.pausedSince);
  return { ...state, runningSince: at, pausedSince: null, pausedMs: state.pausedMs + paused };
}

/**
 * The state a new holder takes over at `at`.
 * - `keep`: the same budget goes on (reassignment): what was consumed stays consumed, the
 *   warning and the breach are not fired twice, a pause goes on.
 * - `fresh`: the new holder gets a budget of its own (the next rung), from zero; a pause
 *   still goes on, and the time paused so far is still carried.
 */
export function handOver(state: ClockState, at: number, timeline: Timeline, budget: 'keep' | 'fresh'): ClockState {
  const running = state.runningSince !== null;
  const consumed = budget === 'keep' ? consumedAt(state, at, timeline) : 0;
  return {
    consumedMs: consumed,
    runningSince: running ? at : null,
    pausedSince: running ? null : (state.pausedSince ?? at),
    pausedMs: state.pausedMs,
    warned: budget === 'keep' ? state.warned : false,
    breached: budget === 'keep' ? state.breached : false,
  };
}

export type Verdict = 'met' | 'late';

/** Whether the holder finished in time: late once breached or once more than the budget was consumed. */
export function verdictAt(budget: Budget, state: ClockState, at: number, timeline: Timeline): Verdict {
  if (state.breached) return 'late';
  return consumedAt(state, at, timeline) <= budget.budgetMs ? 'met' : 'late';
}

/** The state at the start: running from the moment the grievance reached its holder. */
export function startState(at: number, paused = false): ClockState {
  return { consumedMs: 0, runningSince: paused ? null : at, pausedSince: paused ? at : null, pausedMs: 0, warned: false, breached: false };
}
