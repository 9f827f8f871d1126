import type { SlaDeadline, SlaEngine } from '@grievance/sla';
import { fixedClock, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealGrievance, rungOf } from '../../test/unit-fixtures';
import { GrievanceDeadlines } from './grievance-deadlines';

type Open = Pick<SlaDeadline, 'id' | 'subject' | 'target' | 'status'>;
const open = (id: string, target: SlaDeadline['target'], status: SlaDeadline['status'] = 'running', subject = 'grievance'): Open => ({ id, subject, target, status });

function setup(openDeadlines: Open[]) {
  const tx = recordingTransaction();
  const sla = strictMock<SlaEngine>(
    {
      openFor: async () => openDeadlines as SlaDeadline[],
      start: async () => ({}) as SlaDeadline,
      carryOver: async () => ({}) as SlaDeadline,
      complete: async () => ({}) as never,
      pause: async () => ({}) as SlaDeadline,
      resume: async () => ({}) as SlaDeadline,
      cancel: async () => ({}) as SlaDeadline,
    },
    'sla',
  );
  return { tx, sla, deadlines: new GrievanceDeadlines(sla, fixedClock(new Date())) };
}

/** The ids an engine method was called with, in order. */
const idsOf = (method: { mock: { calls: unknown[][] } }) => method.mock.calls.map((call) => call[1]);

describe('the deadlines of a grievance’s holder', () => {
  it('start when a grievance reaches its first holder: an answer and a resolution, matched on the grievance and the rung', async () => {
    const grievance = appealGrievance('member');
    const { tx, sla, deadlines } = setup([]);
    await deadlines.arrive(tx, grievance, rungOf('member'), 'member', { correlationId: 'c-1', causationId: 'e-1' });
    expect(sla.start.mock.calls.map(([, input]) => input)).toEqual(
      (['respond', 'resolve'] as const).map((target) => ({
        grievanceId: grievance.grievanceId,
        target,
        holder: rungOf('member'),
        grievance: { kind: 'appeal', category: 'wage_arrears', urgency: 'normal', stage: 'member' },
        at: undefined,
        correlationId: 'c-1',
        causationId: 'e-1',
      })),
    );
    expect(sla.carryOver).not.toHaveBeenCalled();
  });

  it('pass to the next holder with a fresh budget of its own stage; a missing one starts', async () => {
    const { tx, sla, deadlines } = setup([open('d-respond', 'respond', 'paused'), open('d-ticket', 'resolve', 'running', 'ticket:1')]);
    await deadlines.arrive(tx, appealGrievance('branch'), rungOf('branch'), 'branch', { correlationId: 'c-2' });
    expect(sla.carryOver).toHaveBeenCalledTimes(1);
    expect(sla.carryOver).toHaveBeenCalledWith(tx, 'd-respond', expect.objectContaining({ holder: rungOf('branch'), budget: 'fresh', stage: 'branch', causationId: null }));
    // The ticket's resolve deadline is the grid's, not the holder's: the holder's own starts.
    expect(sla.start.mock.calls.map(([, input]) => input.target)).toEqual(['resolve']);
  });

  it('of the answer are met by acknowledging; both by resolving; a ticket’s are left alone', async () => {
    const deadlinesOpen = [open('d-respond', 'respond'), open('d-resolve', 'resolve'), open('d-ticket', 'resolve', 'running', 'ticket:1')];
    const answering = setup(deadlinesOpen);
    await answering.deadlines.responded(answering.tx, 'g-1');
    expect(idsOf(answering.sla.complete)).toEqual(['d-respond']);
    const resolving = setup(deadlinesOpen);
    await resolving.deadlines.resolved(resolving.tx, 'g-1');
    expect(idsOf(resolving.sla.complete)).toEqual(['d-respond', 'd-resolve']);
  });

  it('stop while the holder waits for the reporter, but a second question stops nothing', async () => {
    const running = setup([open('d-respond', 'respond', 'breached'), open('d-resolve', 'resolve')]);
    await expect(running.deadlines.pause(running.tx, 'g-1')).resolves.toBe(1);
    expect(idsOf(running.sla.pause)).toEqual(['d-resolve']);
    const waiting = setup([open('d-resolve', 'resolve', 'paused')]);
    await expect(waiting.deadlines.pause(waiting.tx, 'g-1')).resolves.toBe(false);
    expect(waiting.sla.pause).not.toHaveBeenCalled();
  });

  it('run again when the reporter answers; an answer nobody waited for changes nothing', async () => {
    const waiting = setup([open('d-respond', 'respond', 'paused'), open('d-resolve', 'resolve', 'paused')]);
    await expect(waiting.deadlines.resume(waiting.tx, 'g-1')).resolves.toBe(2);
    const running = setup([open('d-resolve', 'resolve')]);
    await expect(running.deadlines.resume(running.tx, 'g-1')).resolves.toBe(0);
    expect(running.sla.resume).not.toHaveBeenCalled();
  });

  it('are all cancelled when the grievance closes, the grid’s ticket deadlines excepted', async () => {
    const { tx, sla, deadlines } = setup([open('d-respond', 'respond'), open('d-ticket', 'verify', 'running', 'ticket:1')]);
    await deadlines.cancelAll(tx, 'g-1');
    expect(idsOf(sla.cancel)).toEqual(['d-respond']);
  });
});

describe('the deadlines an inbox shows', () => {
  it('give each open deadline its time left, and a notice once it warned or broke, in the reader’s language', async () => {
    const started = new Date('2026-11-23T01:00:00Z');
    const row = (target: SlaDeadline['target'], over: Partial<SlaDeadline>) =>
      ({ target, status: 'running', startedAt: started, dueAt: new Date('2026-11-23T09:00:00Z'), warnedAt: null, breachedAt: null, ...over }) as SlaDeadline;
    const waiting = row('respond', { status: 'paused', dueAt: null });
    const warned = row('resolve', { warnedAt: new Date('2026-11-23T07:00:00Z') });
    const sla = strictMock<SlaEngine>({ openForMany: async () => new Map([['g-1', [waiting, warned]]]), remaining: async () => 20 * 60_000 }, 'sla');
    const views = await new GrievanceDeadlines(sla, fixedClock(new Date())).viewsOf(['g-1', 'g-2'], 'en');
    expect(views.get('g-1')).toEqual([
      { target: 'respond', status: 'paused', startedAt: started.toISOString(), dueAt: null, remainingMs: null, warned: false, breached: false, notice: null },
      {
        target: 'resolve',
        status: 'running',
        startedAt: started.toISOString(),
        dueAt: '2026-11-23T09:00:00.000Z',
        remainingMs: 20 * 60_000,
        warned: true,
        breached: false,
        notice: '20 min left to resolve: the deadline is near',
      },
    ]);
    expect(views.has('g-2')).toBe(false);
  });
});
