import { decodeEvent } from '@grievance/contracts';
import { SlaDeadline } from '../deadline/deadline';
import { runningDeadline, TEST_DEADLINE_ID, TEST_START } from '../deadline/deadline.testing';
import { startedEvent, startedPayload } from './started';

const ID = TEST_DEADLINE_ID;
const T = TEST_START;

/** A department's urgent resolve deadline: 2 h from T, warning at 80 %. */
const deadline = (over: Partial<SlaDeadline> = {}): SlaDeadline =>
  runningDeadline({
    holder: { type: 'department', id: 'municipal_works', name: 'Municipal works' },
    level: null,
    grievance: { kind: 'hazard', category: 'manhole_cover_missing', urgency: 'urgent', stage: 'department' },
    policyId: 'urgent',
    policyVersion: 3,
    budgetMs: 7_200_000,
    correlationId: 'c-submitted',
    causationId: 'e-submitted',
    warnAt: new Date(T + 5_760_000),
    dueAt: new Date(T + 7_200_000),
    nextAlarm: { kind: 'warn', at: new Date(T + 5_760_000) },
    version: 1,
    ...over,
  });

describe('what sla.started.v1 says of a deadline just armed', () => {
  it('names the deadline, its holder, the stage and policy it was planned under, its budget and when it warns and is due', () => {
    expect(startedPayload(deadline())).toEqual({
      deadlineId: ID,
      target: 'resolve',
      subject: 'grievance',
      holder: { type: 'department', id: 'municipal_works', name: 'Municipal works' },
      stage: 'department',
      policyId: 'urgent',
      policyVersion: 3,
      startedAt: '2026-11-23T02:00:00.000Z',
      dueAt: '2026-11-23T04:00:00.000Z',
      warnAt: '2026-11-23T03:36:00.000Z',
      budgetMs: 7_200_000,
    });
  });

  it('says a clock that starts stopped has no due moment yet, and names the deadline a hand-over carries on', () => {
    const paused = startedPayload(deadline({ status: 'paused', warnAt: null, dueAt: null, previousId: 'prev-1', level: 'member' }));
    expect(paused).toMatchObject({ paused: true, previousDeadlineId: 'prev-1', level: 'member' });
    expect(paused).not.toHaveProperty('dueAt');
    expect(paused).not.toHaveProperty('warnAt');
  });

  it('is a valid event of the catalogue, written when it commits, with the cause of the deadline', () => {
    const at = new Date(T + 15);
    const event = startedEvent(deadline(), at);
    expect(event).toMatchObject({ type: 'sla.started', version: 1, occurredAt: at.toISOString(), correlationId: 'c-submitted', causationId: 'e-submitted', actor: { id: 'system' } });
    expect(decodeEvent('sla.started.v1', JSON.stringify(event))).toMatchObject({ ok: true });
  });
});
