import type { EventEnvelope } from '@grievance/contracts';
import { replaySla } from './sla-replay';

const G = '019a0000-0000-7000-8000-000000000001';
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const t = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
let n = 0;
const ev = (type: string, minutes: number, payload: object): EventEnvelope => ({
  eventId: `019a0000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  type,
  version: 1,
  occurredAt: t(minutes),
  grievanceId: G,
  actor: { id: 'system', role: 'system' },
  correlationId: 'c',
  causationId: null,
  payload,
});

const BRANCH = { type: 'org_unit', id: 'br-1', name: 'Branch 1', level: 'branch' };
const COMMITTEE = { type: 'org_unit', id: 'ic-1', name: 'Committee 1', level: 'industry_committee' };
const fired = (deadlineId: string, target: string, holder: object, start: number, due: number, firedAt: number) => ({
  deadlineId,
  target,
  holder,
  startedAt: t(start),
  dueAt: t(due),
  firedAt: t(firedAt),
  budgetMs: (due - start) * 60_000,
});

const started = (deadlineId: string, target: string, holder: object, start: number, due: number, over: object = {}) => ({
  deadlineId,
  target,
  subject: 'grievance',
  holder,
  stage: 'department',
  policyId: 'general',
  policyVersion: 1,
  startedAt: t(start),
  dueAt: t(due),
  warnAt: t(start + (due - start) * 0.8),
  budgetMs: (due - start) * 60_000,
  ...over,
});

describe('replaySla', () => {
  it('draws a deadline met in time from its start and the holder\'s take-up, with its budget, planned warning and the time it took', () => {
    const DEPT = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
    const events = [
      ev('grievance.assigned', 0, { holder: DEPT, reason: 'verified_on_site' }),
      ev('sla.started', 0, started('d-respond', 'respond', DEPT, 0, 60)),
      ev('sla.started', 0, started('d-resolve', 'resolve', DEPT, 0, 600)),
      ev('grievance.accepted', 20, { holder: DEPT }),
      ev('grievance.resolved', 200, { resolvedBy: DEPT, resolution: 'fixed', attachmentIds: [] }),
    ];
    const { deadlines } = replaySla(events);
    expect(deadlines).toEqual([
      {
        deadlineId: 'd-respond',
        target: 'respond',
        holder: DEPT,
        stage: 'department',
        policyId: 'general',
        startedAt: t(0),
        dueAt: t(60),
        warnAt: t(48),
        budgetMs: 60 * 60_000,
        completedAt: t(20),
        completedBy: { eventId: events[3]!.eventId, type: 'grievance.accepted' },
        outcome: 'met',
        tookMs: 20 * 60_000,
      },
      expect.objectContaining({ deadlineId: 'd-resolve', outcome: 'met', completedAt: t(200), tookMs: 200 * 60_000, budgetMs: 600 * 60_000 }),
    ]);
  });

  it('stops a deadline handed to the next holder undone, and does not let the holder\'s later deeds complete it', () => {
    const events = [
      ev('sla.started', 0, started('d1', 'resolve', BRANCH, 0, 60, { stage: 'branch' })),
      ev('sla.started', 30, started('d2', 'resolve', COMMITTEE, 30, 90, { stage: 'industry_committee', previousDeadlineId: 'd1' })),
      ev('grievance.returned', 40, { fromHolder: COMMITTEE, toHolder: BRANCH, fromLevel: 'industry_committee', toLevel: 'branch', reason: 'yours' }),
      ev('sla.started', 40, started('d3', 'resolve', BRANCH, 40, 100, { stage: 'branch', previousDeadlineId: 'd2' })),
      ev('grievance.resolved', 50, { resolvedBy: BRANCH, resolution: 'done', attachmentIds: [] }),
    ];
    const [d1, d2, d3] = replaySla(events).deadlines;
    expect(d1).toMatchObject({ outcome: 'stopped', stoppedAt: t(30), stoppedBy: { type: 'sla.started' } });
    expect(d1!.completedAt).toBeUndefined();
    expect(d2).toMatchObject({ outcome: 'stopped', stoppedAt: t(40) });
    expect(d3).toMatchObject({ outcome: 'met', completedAt: t(50) });
  });

  it('stops what the grievance no longer owes once it is closed or linked, and keeps a breach and its later due time from the firing', () => {
    const worker = { type: 'grid_worker', id: 'gw-1' };
    const events = [
      ev('sla.started', 0, started('accept', 'accept', worker, 0, 30)),
      ev('sla.breached', 40, fired('accept', 'accept', worker, 0, 40, 40)),
      ev('sla.started', 0, started('verify', 'verify', BRANCH, 0, 30)),
      ev('grievance.linked', 20, { duplicateOf: 'other', reporterId: 'w', linkedBy: BRANCH }),
    ];
    const [verify, accept] = replaySla(events).deadlines;
    expect(accept).toMatchObject({ outcome: 'breached', dueAt: t(40), breachedAt: t(40) });
    expect(verify).toMatchObject({ outcome: 'stopped', stoppedAt: t(20), stoppedBy: { type: 'grievance.linked' } });
  });

  it('leaves out a clock that started stopped and never got a due time', () => {
    const { deadlines } = replaySla([ev('sla.started', 0, started('p', 'resolve', BRANCH, 0, 60, { dueAt: undefined, warnAt: undefined, paused: true }))]);
    expect(deadlines).toEqual([]);
  });

  it('tells a breached rung from the next one that met its deadline, with the time each took', () => {
    const events = [
      ev('grievance.routed', 0, { holder: BRANCH, level: 'branch' }),
      ev('sla.warned', 48, fired('d1', 'respond', BRANCH, 0, 60, 48)),
      ev('sla.breached', 60, { ...fired('d1', 'respond', BRANCH, 0, 60, 60), level: 'branch' }),
      ev('grievance.escalated', 60, { fromHolder: BRANCH, toHolder: COMMITTEE, fromLevel: 'branch', toLevel: 'industry_committee', reason: 'deadline missed', automatic: true }),
      ev('sla.warned', 108, fired('d2', 'respond', COMMITTEE, 60, 120, 108)),
      ev('grievance.accepted', 110, { holder: COMMITTEE }),
    ];
    const { deadlines, verdict } = replaySla(events);
    expect(verdict).toBeUndefined();
    expect(deadlines).toEqual([
      expect.objectContaining({ deadlineId: 'd1', holder: BRANCH, level: 'branch', warnedAt: t(48), breachedAt: t(60), outcome: 'breached', overdueMs: 50 * 60_000 }),
      expect.objectContaining({ deadlineId: 'd2', level: 'industry_committee', warnedAt: t(108), completedAt: t(110), outcome: 'met', tookMs: 50 * 60_000 }),
    ]);
    expect(deadlines[0]!.completedAt).toBeUndefined();
  });

  it('calls a deadline done after its breach late, and one nobody acted on yet open', () => {
    const worker = { type: 'grid_worker', id: 'gw-1' };
    const events = [
      ev('sla.breached', 30, fired('accept', 'accept', worker, 0, 30, 30)),
      ev('ticket.accepted', 45, { ticketId: 'x', gridWorkerId: 'gw-1' }),
      ev('sla.warned', 50, fired('verify', 'verify', worker, 45, 60, 57)),
    ];
    const [accept, verify] = replaySla(events).deadlines;
    expect(accept).toMatchObject({ outcome: 'late', breachedAt: t(30), completedAt: t(45), tookMs: 45 * 60_000, overdueMs: 15 * 60_000 });
    expect(verify).toMatchObject({ outcome: 'open', warnedAt: t(57) });
  });

  it('ignores what another holder did, and what happened before the deadline started', () => {
    const dept = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
    const events = [
      ev('grievance.resolved', 5, { resolvedBy: dept, resolution: 'earlier cycle', attachmentIds: [] }),
      ev('sla.breached', 70, fired('r', 'resolve', dept, 10, 70, 70)),
      ev('grievance.resolved', 80, { resolvedBy: { type: 'department', id: 'urban_management', name: 'Urban' }, resolution: 'not theirs', attachmentIds: [] }),
    ];
    expect(replaySla(events).deadlines[0]).toMatchObject({ outcome: 'breached' });
  });

  it('shows the questions to the reporter that stopped the clock of that holder while the deadline ran', () => {
    const dept = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
    const events = [
      ev('sla.warned', 90, fired('r', 'resolve', dept, 0, 120, 96)),
      ev('grievance.paused', 10, { holder: dept, question: 'Which side of the road?' }),
      ev('grievance.replied', 40, { reporterId: 'w', message: 'North side.' }),
      ev('grievance.paused', 50, { holder: BRANCH, question: 'not this deadline' }),
      ev('grievance.resolved', 100, { resolvedBy: dept, resolution: 'fixed', attachmentIds: [] }),
    ];
    expect(replaySla(events).deadlines[0]).toMatchObject({
      outcome: 'met',
      pauses: [{ pausedAt: t(10), resumedAt: t(40), pausedMs: 30 * 60_000 }],
    });
  });

  it('carries the final verdict of the close, whatever order the events arrived in', () => {
    const closed = ev('grievance.closed', 90, { outcome: 'resolved', slaMet: false });
    expect(replaySla([closed, ev('grievance.routed', 0, { holder: BRANCH })]).verdict).toEqual({ slaMet: false, at: t(90), eventId: closed.eventId });
  });
});
