import { Holder } from '@grievance/contracts';
import type { TransactionalOutbox } from '@grievance/messaging';
import { recordingTransaction, strictMock } from '@grievance/testing/unit';
import type { DataSource } from 'typeorm';
import { isOpen, SlaDeadline } from '../deadline/deadline';
import { DeadlineRepository } from '../persistence/deadline-repository';
import { GrievanceFacts } from '../policy/policy';
import { StaticSlaSettings } from '../settings/settings';
import { SlaEngine, StartDeadline } from './sla-engine';

const H = 3600_000;
/** A Beijing wall-clock time as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`);
const MONDAY_9 = bj('2026-11-23T09:00:00');

const MEMBER: Holder = { type: 'member', id: 'mb-1', name: 'Liu', level: 'member' };
const BRANCH: Holder = { type: 'org_unit', id: 'br-1', name: 'Courier Branch', level: 'branch' };
const appealAt = (stage: string): GrievanceFacts => ({ kind: 'appeal', category: 'wage_arrears', urgency: 'normal', stage });
const URGENT_HAZARD: GrievanceFacts = { kind: 'hazard', category: 'manhole_cover_missing', urgency: 'urgent', stage: 'department' };

/**
 * The engine over the default policies, its rows kept in memory instead of Postgres (the SQL
 * is the integration tests' business); the clock stands still at `now` unless a call gives `at`.
 */
function setup(now = MONDAY_9) {
  const rows = new Map<string, SlaDeadline>();
  const open = () => [...rows.values()].filter(isOpen);
  jest.spyOn(DeadlineRepository.prototype, 'insert').mockImplementation(async (_m, deadlines) => void deadlines.forEach((d) => rows.set(d.id, d)));
  jest.spyOn(DeadlineRepository.prototype, 'update').mockImplementation(async (_m, d) => void rows.set(d.id, d));
  jest.spyOn(DeadlineRepository.prototype, 'lock').mockImplementation(async (_m, id) => rows.get(id));
  jest.spyOn(DeadlineRepository.prototype, 'findOpen').mockImplementation(async (_m, grievanceId) => open().filter((d) => d.grievanceId === grievanceId));
  jest
    .spyOn(DeadlineRepository.prototype, 'findOpenFor')
    .mockImplementation(async (_m, grievanceId, subject, target) => open().find((d) => d.grievanceId === grievanceId && d.subject === subject && d.target === target));
  const engine = new SlaEngine({
    dataSource: strictMock<DataSource>({ isInitialized: false }, 'dataSource'),
    outbox: strictMock<TransactionalOutbox>({}, 'outbox'),
    queueName: 'routing.sla',
    redisUrl: 'redis://127.0.0.1:1',
    settings: new StaticSlaSettings(),
    clock: { now: () => now.getTime() },
  });
  // Alarms are armed after commit; this transaction never commits, so no alarm is set.
  const tx = recordingTransaction({ queryRunner: { isTransactionActive: true, data: {}, dataSource: { subscribers: [] } } as never });
  return { engine, tx, rows };
}

const start = (over: Partial<StartDeadline> = {}): StartDeadline => ({
  grievanceId: '0196c0de-0000-7000-8000-0000000000aa',
  target: 'resolve',
  holder: MEMBER,
  grievance: appealAt('member'),
  correlationId: 'c-1',
  ...over,
});

afterEach(() => jest.restoreAllMocks());

describe('a new deadline', () => {
  it('gives an urgent grievance 2 hours, day and night, warning at 80% of them', async () => {
    const { engine, tx } = setup();
    const saturdayNight = bj('2026-11-28T23:00:00');
    const d = await engine.start(tx, start({ grievance: URGENT_HAZARD, holder: { type: 'department', id: 'municipal_works', name: 'Works' }, at: saturdayNight }));
    expect(d).toMatchObject({ policyId: 'urgent', status: 'running', level: null, budgetMs: 2 * H });
    expect(d.dueAt).toEqual(new Date(saturdayNight.getTime() + 2 * H));
    expect(d.warnAt).toEqual(new Date(saturdayNight.getTime() + 1.6 * H));
    expect(d.nextAlarm).toEqual({ kind: 'warn', at: d.warnAt });
  });

  it('gives a liaison member one working day: from Friday 17:00 it is due Monday 17:00', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start({ at: bj('2026-11-27T17:00:00') }));
    expect(d).toMatchObject({ policyId: 'appeal.member', calendarId: 'cn-working', level: 'member' });
    expect(d.dueAt).toEqual(bj('2026-11-30T17:00:00'));
  });

  it('starts with the clock stopped when the grievance is already waiting for the reporter', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start({ paused: true }));
    expect(d).toMatchObject({ status: 'paused', dueAt: null, nextAlarm: null });
  });

  it('is refused while the same holder’s deadline for that target is still open', async () => {
    const { engine, tx } = setup();
    await engine.start(tx, start());
    await expect(engine.start(tx, start({ holder: BRANCH }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already has an open resolve deadline for grievance'),
    });
    // Another target, or another subject of the same grievance, is its own deadline.
    await expect(engine.start(tx, start({ target: 'respond' }))).resolves.toMatchObject({ target: 'respond' });
    await expect(engine.start(tx, start({ subject: 'ticket:1' }))).resolves.toMatchObject({ subject: 'ticket:1' });
  });

  it('is refused for a grievance no policy gives a budget, naming the grievance', async () => {
    const { engine, tx } = setup();
    await expect(engine.start(tx, start({ target: 'verify', grievance: appealAt('member') }))).resolves.toMatchObject({ policyId: 'general' });
    const none = new SlaEngine({
      dataSource: strictMock<DataSource>({ isInitialized: false }),
      outbox: strictMock<TransactionalOutbox>({}),
      queueName: 'q',
      redisUrl: 'redis://127.0.0.1:1',
      settings: new StaticSlaSettings([{ id: 'only-resolve', match: {}, targets: { resolve: 'PT1H' }, calendar: 'calendar' }]),
    });
    await expect(none.start(tx, start({ target: 'respond' }))).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('no SLA policy gives a respond budget for normal appeal "wage_arrears" at member') });
  });
});

describe('waiting for the reporter', () => {
  it('moves the due moment by the time waited, and neither a second pause nor a second resume changes anything', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start({ grievance: URGENT_HAZARD }));
    const paused = await engine.pause(tx, d.id, new Date(MONDAY_9.getTime() + 0.5 * H));
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, nextAlarm: null });
    await expect(engine.pause(tx, d.id, new Date(MONDAY_9.getTime() + H))).resolves.toEqual(paused);
    const resumed = await engine.resume(tx, d.id, new Date(MONDAY_9.getTime() + 3.5 * H));
    expect(resumed.dueAt).toEqual(new Date(MONDAY_9.getTime() + 5 * H));
    expect(resumed.pausedMs).toBe(3 * H);
    await expect(engine.resume(tx, d.id, new Date(MONDAY_9.getTime() + 4 * H))).resolves.toEqual(resumed);
  });
});

describe('finishing a deadline', () => {
  it.each([
    [1.5 * H, 'met'],
    [2 * H, 'met'],
    [2 * H + 1, 'late'],
  ])('%i ms after an urgent grievance arrived is %s', async (after, verdict) => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start({ grievance: URGENT_HAZARD }));
    const done = await engine.complete(tx, d.id, new Date(MONDAY_9.getTime() + after));
    expect(done.verdict).toBe(verdict);
    expect(done.deadline).toMatchObject({ status: verdict, nextAlarm: null, closedAt: new Date(MONDAY_9.getTime() + after) });
  });

  it('keeps its first verdict when completed again', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start({ grievance: URGENT_HAZARD }));
    await engine.complete(tx, d.id, new Date(MONDAY_9.getTime() + 3 * H));
    await expect(engine.complete(tx, d.id, new Date(MONDAY_9.getTime() + H))).resolves.toMatchObject({ verdict: 'late' });
  });

  it('refuses to complete a cancelled deadline, or to pause one, and cancels once', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start());
    const cancelled = await engine.cancel(tx, d.id);
    expect(cancelled.status).toBe('cancelled');
    await expect(engine.cancel(tx, d.id)).resolves.toEqual(cancelled);
    await expect(engine.complete(tx, d.id)).rejects.toMatchObject({ code: 'conflict', message: `SLA deadline ${d.id} is cancelled; it cannot be completed` });
    await expect(engine.pause(tx, d.id)).rejects.toMatchObject({ code: 'conflict', message: `SLA deadline ${d.id} is cancelled; cannot pause it` });
  });

  it('refuses to cancel a completed deadline', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start());
    await engine.complete(tx, d.id);
    await expect(engine.cancel(tx, d.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('is met; it cannot be cancelled') });
  });

  it('says which deadline it does not know', async () => {
    const { engine, tx } = setup();
    await expect(engine.complete(tx, 'no-such-deadline')).rejects.toMatchObject({ code: 'not_found', message: 'SLA deadline no-such-deadline not found' });
  });
});

describe('a deadline passing to a new holder', () => {
  it('gives the next rung a fresh budget of its own policy, from the moment it arrives', async () => {
    const { engine, tx, rows } = setup();
    const member = await engine.start(tx, start());
    const arrives = bj('2026-11-23T15:00:00');
    const branch = await engine.carryOver(tx, member.id, { holder: BRANCH, budget: 'fresh', stage: 'branch', at: arrives });
    expect(branch).toMatchObject({ policyId: 'appeal.branch', level: 'branch', consumedMs: 0, previousId: member.id, chainId: member.id, startedAt: arrives, status: 'running' });
    // Two working days from Monday 15:00: 3 h Monday, 7.5 h Tuesday, 4.5 h Wednesday: Wednesday 15:00.
    expect(branch.dueAt).toEqual(bj('2026-11-25T15:00:00'));
    expect(rows.get(member.id)).toMatchObject({ status: 'handed_over', closedAt: arrives });
  });

  it('keeps the same budget running for a reassignment: the due moment does not move', async () => {
    const { engine, tx, rows } = setup();
    const first = await engine.start(tx, start({ grievance: URGENT_HAZARD }));
    const second = await engine.carryOver(tx, first.id, { holder: BRANCH, at: new Date(MONDAY_9.getTime() + H) });
    expect(second).toMatchObject({ consumedMs: H, policyId: 'urgent', dueAt: first.dueAt });
    expect([...rows.values()].filter(isOpen).map((d) => d.id)).toEqual([second.id]);
  });

  it('keeps a pause going to the new holder', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start());
    await engine.pause(tx, d.id, new Date(MONDAY_9.getTime() + H));
    const next = await engine.carryOver(tx, d.id, { holder: BRANCH, budget: 'fresh', stage: 'branch', at: new Date(MONDAY_9.getTime() + 2 * H) });
    expect(next).toMatchObject({ status: 'paused', dueAt: null, pausedSince: new Date(MONDAY_9.getTime() + H) });
  });

  it('is refused once the deadline is closed', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start());
    await engine.complete(tx, d.id);
    await expect(engine.carryOver(tx, d.id, { holder: BRANCH })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('cannot hand over it') });
  });
});

describe('the time left', () => {
  it('counts down in the deadline’s own calendar, and below zero once overdue', async () => {
    const { engine, tx } = setup();
    const d = await engine.start(tx, start());
    // Monday 09:00 + one working day; by 12:45 three working hours are gone (lunch does not count).
    await expect(engine.remaining(d, bj('2026-11-23T12:45:00'))).resolves.toBe(4.5 * H);
    await expect(engine.remaining(d, bj('2026-11-24T10:00:00'))).resolves.toBe(-H);
  });
});
