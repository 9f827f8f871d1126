import { decide, firedPayload, FireRequest } from '../alarm/firing';
import { alarmJobId, parseAlarmJobId, SlaDeadline } from './deadline';
import { runningDeadline, TEST_DEADLINE_ID, TEST_START } from './deadline.testing';

const id = TEST_DEADLINE_ID;
const T = TEST_START;

const deadline = (over: Partial<SlaDeadline> = {}): SlaDeadline =>
  runningDeadline({
    subject: 'rung:member',
    holder: { type: 'member', id: 'm-1', name: 'Liu', level: 'member' },
    grievance: { kind: 'appeal', category: 'order_dispute', urgency: 'normal', stage: 'member' },
    correlationId: 'req-1',
    causationId: null,
    ...over,
  });

const warn: FireRequest = { deadlineId: id, kind: 'warn', version: 3 };
const breach: FireRequest = { deadlineId: id, kind: 'breach', version: 3 };

describe('alarm job ids', () => {
  it('are deterministic and parse back', () => {
    expect(alarmJobId(id, 'breach', 7)).toBe(`${id}.breach.7`);
    expect(parseAlarmJobId(`${id}.breach.7`)).toEqual({ deadlineId: id, kind: 'breach', version: 7 });
    expect(parseAlarmJobId('whatever')).toBeUndefined();
  });
});

describe('deciding what an alarm that rang should do', () => {
  it('fires the warning at its moment, not before', () => {
    expect(decide(deadline(), warn, T + 7999)).toEqual({ result: 'early', kind: 'warn', at: T + 8000 });
    expect(decide(deadline(), warn, T + 8000)).toEqual({ result: 'fire', kind: 'warn' });
  });

  it('fires the breach once due, even from a warning alarm that rang late', () => {
    expect(decide(deadline(), warn, T + 10_000)).toEqual({ result: 'fire', kind: 'breach' });
    const warned = deadline({ warnedAt: new Date(T + 8000), nextAlarm: { kind: 'breach', at: new Date(T + 10_000) } });
    expect(decide(warned, breach, T + 10_000)).toEqual({ result: 'fire', kind: 'breach' });
  });

  it('ignores a repeated alarm, a stale version, a paused or closed deadline, and one that is gone', () => {
    const warned = deadline({ warnedAt: new Date(T + 8000), nextAlarm: { kind: 'breach', at: new Date(T + 10_000) } });
    expect(decide(warned, warn, T + 8500)).toEqual({ result: 'stale' });
    const breached = deadline({ status: 'breached', breachedAt: new Date(T + 10_000), nextAlarm: null });
    expect(decide(breached, breach, T + 20_000)).toEqual({ result: 'stale' });
    expect(decide(deadline({ version: 4 }), warn, T + 9000)).toEqual({ result: 'stale' });
    expect(decide(deadline({ status: 'paused', runningSince: null, nextAlarm: null }), warn, T + 9000)).toEqual({ result: 'stale' });
    expect(decide(deadline({ status: 'met' }), breach, T + 20_000)).toEqual({ result: 'stale' });
    expect(decide(undefined, breach, T + 20_000)).toEqual({ result: 'stale' });
  });

  it('leaves the breach to its own alarm when a breach alarm rings while the warning is still pending', () => {
    expect(decide(deadline(), breach, T + 5000)).toEqual({ result: 'stale' });
  });

  it('builds the sla payload with the real firing time', () => {
    const fired = new Date(T + 10_013);
    expect(firedPayload(deadline(), fired)).toEqual({
      deadlineId: id,
      target: 'resolve',
      holder: { type: 'member', id: 'm-1', name: 'Liu', level: 'member' },
      level: 'member',
      startedAt: new Date(T).toISOString(),
      dueAt: new Date(T + 10_000).toISOString(),
      firedAt: fired.toISOString(),
      budgetMs: 10_000,
    });
  });
});
