import { SlaDeadline } from './deadline';

/** The deadline id and start the unit tests' deadlines share. */
export const TEST_DEADLINE_ID = '0196c0de-0000-7000-8000-000000000001';
export const TEST_START = Date.parse('2026-11-23T02:00:00Z');

/** For unit tests: a member's running appeal deadline that warns at TEST_START + 8 s and is due at + 10 s, changed by `over`. */
export function runningDeadline(over: Partial<SlaDeadline> = {}): SlaDeadline {
  const T = TEST_START;
  return {
    id: TEST_DEADLINE_ID,
    grievanceId: '0196c0de-0000-7000-8000-0000000000aa',
    subject: 'grievance',
    target: 'resolve',
    holder: { type: 'member', id: 'mb-1', name: 'Liu', level: 'member' },
    level: 'member',
    grievance: { kind: 'appeal', category: 'wage_arrears', urgency: 'normal', stage: 'member' },
    chainId: TEST_DEADLINE_ID,
    previousId: null,
    policyId: 'appeal.member',
    policyVersion: 1,
    budgetMs: 10_000,
    warnShare: 0.8,
    calendarId: 'calendar',
    timeScale: 1,
    correlationId: 'c-submitted',
    causationId: 'e-routed',
    clockStartedAt: new Date(T),
    startedAt: new Date(T),
    runningSince: new Date(T),
    consumedMs: 0,
    pausedSince: null,
    pausedMs: 0,
    warnAt: new Date(T + 8000),
    dueAt: new Date(T + 10_000),
    nextAlarm: { kind: 'warn', at: new Date(T + 8000) },
    status: 'running',
    warnedAt: null,
    breachedAt: null,
    closedAt: null,
    version: 3,
    ...over,
  };
}
