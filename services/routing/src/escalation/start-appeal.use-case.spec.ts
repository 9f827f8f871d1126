import { GrievanceSubmittedV1 } from '@grievance/contracts';
import { manholeReport, payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealGrievance, FULL_PATH, reportersWith, rungOf } from '../../test/unit-fixtures';
import type { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { GrievanceEntity } from '../grievances/grievance.entity';
import type { GrievanceRepository, NewGrievance } from '../grievances/grievance.repository';
import type { ChainDirectory, ChainStart } from './chain-directory';
import { StartAppeal } from './start-appeal.use-case';

const appeal = (over: Partial<GrievanceSubmittedV1> = {}) =>
  manholeReport(undefined, { kind: 'appeal', category: 'wage_arrears', urgency: 'normal', location: undefined, reporter: { id: 'rider-7', occupation: 'rider' }, ...over });

const AT_MEMBER: ChainStart = { path: { ...FULL_PATH }, level: 'member', holder: rungOf('member'), fallback: false };

/** `registration`: the worker's row in routing's register, if any (what the chain starts from). */
function setup(start: ChainStart, existing: GrievanceEntity | null = null, registration: object | null = null) {
  const tx = recordingTransaction();
  const chain = strictMock<ChainDirectory>({ start: async () => start }, 'chain');
  const grievances = strictMock<GrievanceRepository>(
    { findForUpdate: async () => existing, insert: async (row: NewGrievance) => (existing ? undefined : Object.assign(new GrievanceEntity(), row)) },
    'grievances',
  );
  const deadlines = strictMock<GrievanceDeadlines>({ arrive: async () => undefined }, 'deadlines');
  return { tx, chain, grievances, deadlines, start: new StartAppeal(chain, grievances, deadlines, reportersWith(registration)) };
}

describe('a new appeal', () => {
  it('goes to the first rung of the worker’s chain, whose deadlines start now', async () => {
    const event = appeal();
    const { tx, grievances, deadlines, start } = setup(AT_MEMBER);
    await expect(start.execute(event, tx)).resolves.toBe('applied');
    const stored = grievances.insert.mock.calls[0]![0];
    expect(stored).toMatchObject({
      grievanceId: event.grievanceId,
      kind: 'appeal',
      level: 'member',
      owner: rungOf('member'),
      holder: rungOf('member'),
      chain: FULL_PATH,
      status: 'routed',
      bounces: 0,
      underSupervision: false,
      fallback: false,
      departmentCode: null,
    });
    expect(deadlines.arrive).toHaveBeenCalledWith(tx, expect.objectContaining({ grievanceId: event.grievanceId }), rungOf('member'), 'member', {
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
    expect(payloadsOn(tx, 'grievance.routed.v1')).toEqual([
      { kind: 'appeal', category: 'wage_arrears', level: 'member', holder: rungOf('member'), fallback: false, reporter: { occupation: 'rider' } },
    ]);
  });

  it('takes a suggestion the same way', async () => {
    const { tx, start } = setup(AT_MEMBER);
    await expect(start.execute(appeal({ kind: 'suggestion', category: 'golden_idea' }), tx)).resolves.toBe('applied');
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.routed.v1']);
  });

  it('says so when the fallback branch (兜底) took an unregistered worker’s appeal', async () => {
    const { tx, start } = setup({ path: { branch: 'br-fallback', two_new_committee: 'tnc' }, level: 'branch', holder: rungOf('branch'), fallback: true });
    await start.execute(appeal(), tx);
    expect(payloadsOn(tx, 'grievance.routed.v1')).toEqual([expect.objectContaining({ level: 'branch', fallback: true })]);
  });

  it('starts from the branch the worker is registered with', async () => {
    const { tx, chain, start } = setup(AT_MEMBER, null, { workerId: 'rider-7', branchId: 'br-1', occupation: 'courier', platform: null, language: null });
    await start.execute(appeal(), tx);
    expect(chain.start).toHaveBeenCalledWith({ branchId: 'br-1', profile: { occupation: 'courier' } });
  });

  it('leaves a hazard to the hazard loop', async () => {
    const { tx, grievances, start } = setup(AT_MEMBER);
    await expect(start.execute(manholeReport(), tx)).resolves.toBe('skipped');
    expect(grievances.findForUpdate).not.toHaveBeenCalled();
  });

  it('takes a redelivered appeal only once', async () => {
    const event = appeal();
    const { tx, grievances, deadlines, start } = setup(AT_MEMBER, appealGrievance('member', { grievanceId: event.grievanceId }));
    await expect(start.execute(event, tx)).resolves.toBe('skipped');
    expect(grievances.insert).not.toHaveBeenCalled();
    expect(deadlines.arrive).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });
});
