import { payloadsOn, recordingOutbox, strictMock } from '@grievance/testing/unit';
import { SlaDeadline } from '../deadline/deadline';
import { runningDeadline, TEST_DEADLINE_ID, TEST_START } from '../deadline/deadline.testing';
import { DeadlineRepository } from '../persistence/deadline-repository';
import { DeadlineFiring, FireRequest, FiringHooks, SlaHandlers } from './firing';

const ID = TEST_DEADLINE_ID;
const T = TEST_START;

/** A running deadline that warns at T + 8 s and is due at T + 10 s. */
const deadline = runningDeadline;

/** `due`: what the locked re-check in Postgres fires; `current`: the rows as they are otherwise. */
function setup(now: number, due: { kind: 'warn' | 'breach'; deadline: SlaDeadline }[], current: SlaDeadline[] = [], publishEvents = true) {
  const { outbox, tx } = recordingOutbox();
  const repository = strictMock<DeadlineRepository>({ fireDue: async () => due, findMany: async () => current }, 'repository');
  const handlers = strictMock<SlaHandlers>({ onWarned: async () => undefined, onBreached: async () => undefined }, 'handlers');
  const hooks = strictMock<FiringHooks>({ committed: () => undefined }, 'hooks');
  const firing = new DeadlineFiring(outbox, repository, { now: () => now }, handlers, publishEvents, hooks);
  return { tx, repository, handlers, hooks, firing };
}

const warn: FireRequest = { deadlineId: ID, kind: 'warn', version: 3 };

describe('an alarm that rings', () => {
  it('fires a breach at the real time of firing: the event, the owner’s reaction and the next alarms, in one transaction', async () => {
    const breached = deadline({ status: 'breached', breachedAt: new Date(T + 10_050), nextAlarm: null });
    const { firing, tx, handlers, hooks } = setup(T + 10_050, [{ kind: 'breach', deadline: breached }]);
    const outcomes = await firing.fire([warn]);
    expect(outcomes.get(warn)).toEqual({ result: 'fired', kind: 'breach', firedAt: T + 10_050 });
    expect(payloadsOn(tx, 'sla.breached.v1')).toEqual([
      expect.objectContaining({ deadlineId: ID, target: 'resolve', level: 'member', dueAt: new Date(T + 10_000).toISOString(), firedAt: new Date(T + 10_050).toISOString() }),
    ]);
    expect(tx.events[0]!.envelope).toMatchObject({ correlationId: 'c-submitted', causationId: 'e-routed', grievanceId: breached.grievanceId });
    expect(handlers.onBreached).toHaveBeenCalledWith(expect.objectContaining({ kind: 'breach', deadline: breached }), tx);
    expect(handlers.onWarned).not.toHaveBeenCalled();
    expect(hooks.committed).toHaveBeenCalledWith(tx, [expect.objectContaining({ kind: 'breach' })]);
  });

  it('fires a warning and tells the owner', async () => {
    const warned = deadline({ warnedAt: new Date(T + 8000), nextAlarm: { kind: 'breach', at: new Date(T + 10_000) } });
    const { firing, tx, handlers } = setup(T + 8000, [{ kind: 'warn', deadline: warned }]);
    await firing.fire([warn]);
    expect(tx.events.map((e) => e.topic)).toEqual(['sla.warned.v1']);
    expect(handlers.onWarned).toHaveBeenCalledTimes(1);
  });

  it('lets the owner record the breach alone when the engine does not publish', async () => {
    const breached = deadline({ status: 'breached', breachedAt: new Date(T + 10_000) });
    const { firing, tx, handlers } = setup(T + 10_000, [{ kind: 'breach', deadline: breached }], [], false);
    await firing.fire([warn]);
    expect(tx.events).toEqual([]);
    expect(handlers.onBreached).toHaveBeenCalledTimes(1);
  });

  it('rolls the firing back when the owner’s reaction fails', async () => {
    const { firing, handlers, hooks } = setup(T + 10_000, [{ kind: 'breach', deadline: deadline({ status: 'breached' }) }]);
    handlers.onBreached!.mockRejectedValueOnce(new Error('escalation failed'));
    await expect(firing.fire([warn])).rejects.toThrow('escalation failed');
    expect(hooks.committed).not.toHaveBeenCalled();
  });

  it('rings early: nothing fires and the alarm says when it is due', async () => {
    const { firing, tx, handlers, hooks } = setup(T + 7000, [], [deadline()]);
    const outcomes = await firing.fire([warn]);
    expect(outcomes.get(warn)).toEqual({ result: 'early', kind: 'warn', at: T + 8000 });
    expect(tx.events).toEqual([]);
    expect(handlers.onWarned).not.toHaveBeenCalled();
    expect(hooks.committed).not.toHaveBeenCalled();
  });

  it('rings for a deadline that moved on (completed, paused, handed over): nothing happens', async () => {
    const { firing, tx } = setup(T + 20_000, [], [deadline({ status: 'met' })]);
    expect((await firing.fire([warn])).get(warn)).toEqual({ result: 'stale' });
    expect(tx.events).toEqual([]);
  });

  it('fires a deadline once when two of its alarms ring together', async () => {
    const breach: FireRequest = { deadlineId: ID, kind: 'breach', version: 3 };
    const breached = deadline({ status: 'breached', breachedAt: new Date(T + 10_000), nextAlarm: null });
    const { firing, tx, repository, handlers } = setup(T + 10_000, [{ kind: 'breach', deadline: breached }], [breached]);
    const outcomes = await firing.fire([warn, breach]);
    expect(repository.fireDue).toHaveBeenCalledWith(tx.manager, [warn], new Date(T + 10_000));
    expect(outcomes.get(warn)).toMatchObject({ result: 'fired' });
    expect(outcomes.get(breach)).toEqual({ result: 'stale' });
    expect(tx.events).toHaveLength(1);
    expect(handlers.onBreached).toHaveBeenCalledTimes(1);
  });
});
