import { createEnvelope, EventEnvelope, PayloadOf } from '@grievance/contracts';
import { deadlineAfter, DeadlineTopic } from './deadline-rules';

const G = '0195a8c4-1b2c-7d3e-8f40-123456789abc';
const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
const DUE = '2026-12-08T03:00:00.000Z';

function event<T extends DeadlineTopic>(topic: T, payload: PayloadOf<T>): [T, EventEnvelope<PayloadOf<T>>] {
  return [topic, createEnvelope({ topic, grievanceId: G, actor: { id: 'x', role: 'system' }, correlationId: 'c', occurredAt: new Date('2026-12-07T00:00:00Z'), payload } as never)];
}

const after = <T extends DeadlineTopic>([topic, envelope]: [T, EventEnvelope<PayloadOf<T>>]) => deadlineAfter(topic, envelope);

describe('the holder\'s deadline', () => {
  it('is the accept-by of a dispatch, and none when the dispatch names none', () => {
    expect(after(event('ticket.dispatched.v1', { ticketId: G, gridId: 'g1', gridWorkerId: 'gw-1', attempt: 1, acceptBy: DUE }))).toEqual({ dueAt: new Date(DUE) });
    expect(after(event('ticket.dispatched.v1', { ticketId: G, gridId: 'g1', gridWorkerId: 'gw-1', attempt: 2 }))).toEqual({ dueAt: null });
  });

  it('is the due time an SLA warning names', () => {
    const warned = event('sla.warned.v1', {
      deadlineId: 'd1', target: 'resolve', holder: DEPT, startedAt: '2026-12-06T03:00:00.000Z', dueAt: DUE, firedAt: '2026-12-07T22:00:00.000Z', budgetMs: 172_800_000,
    });
    expect(after(warned)).toEqual({ dueAt: new Date(DUE) });
  });

  it('is the due time of a deadline the reporter waits on as it starts, and none known while its clock starts stopped', () => {
    const started = (target: 'resolve' | 'verify', over: object = {}) =>
      event('sla.started.v1', { deadlineId: 'd1', target, subject: 'grievance', holder: DEPT, policyId: 'general', policyVersion: 1, startedAt: '2026-12-06T03:00:00.000Z', dueAt: DUE, budgetMs: 172_800_000, ...over });
    expect(after(started('resolve'))).toEqual({ dueAt: new Date(DUE) });
    expect(after(started('verify'))).toEqual({ dueAt: new Date(DUE) });
    expect(after(started('resolve', { dueAt: undefined, paused: true }))).toEqual({ dueAt: null });
  });

  it('is left as it was by the respond step (its start, warning and breach) and by the take-up that meets it: the resolution is still owed by the same time', () => {
    const fired = { deadlineId: 'd1', target: 'respond' as const, holder: DEPT, startedAt: DUE, dueAt: DUE, firedAt: DUE, budgetMs: 1 };
    expect(after(event('sla.started.v1', { deadlineId: 'd1', target: 'respond', subject: 'grievance', holder: DEPT, policyId: 'general', policyVersion: 1, startedAt: DUE, dueAt: DUE, budgetMs: 1 }))).toBeUndefined();
    expect(after(event('sla.warned.v1', fired))).toBeUndefined();
    expect(after(event('sla.breached.v1', fired))).toBeUndefined();
    expect(after(event('grievance.accepted.v1', { holder: DEPT }))).toBeUndefined();
  });

  it('is no longer known once the ticket is taken, another holds the grievance, the deadline is missed or the grievance is resolved', () => {
    expect(after(event('ticket.accepted.v1', { ticketId: G, gridWorkerId: 'gw-1' }))).toEqual({ dueAt: null });
    expect(after(event('grievance.assigned.v1', { holder: DEPT, departmentCode: 'municipal_works', reason: 'verified_on_site' }))).toEqual({ dueAt: null });
    expect(
      after(event('sla.breached.v1', { deadlineId: 'd1', target: 'resolve', holder: DEPT, startedAt: DUE, dueAt: DUE, firedAt: DUE, budgetMs: 1 })),
    ).toEqual({ dueAt: null });
    expect(after(event('grievance.resolved.v1', { resolvedBy: DEPT, resolution: 'fixed', attachmentIds: [] }))).toEqual({ dueAt: null });
  });

  it('is not touched by the submission or the reporter\'s rating', () => {
    expect(after(event('feedback.rated.v1', { rating: 'satisfied' } as never))).toBeUndefined();
    expect(after(event('grievance.submitted.v1', {} as never))).toBeUndefined();
  });
});
