import { createEnvelope, FeedbackRatedV1, Level } from '@grievance/contracts';
import { payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealGrievance, hazardGrievance, rungOf } from '../../test/unit-fixtures';
import type { GrievanceEntity } from '../grievances/grievance.entity';
import type { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves } from './chain-moves';
import { ReopenAppeal } from './reopen-appeal.use-case';

function rated(grievance: GrievanceEntity, payload: Partial<FeedbackRatedV1> = {}) {
  return createEnvelope({
    topic: 'feedback.rated.v1',
    grievanceId: grievance.grievanceId,
    actor: { id: 'worker-1', role: 'worker' },
    correlationId: 'c-rating',
    payload: { reporterId: 'worker-1', rating: 'unsatisfied', comment: 'nothing changed', ...payload },
  });
}

function setup(current: GrievanceEntity | null) {
  const tx = recordingTransaction();
  const grievances = strictMock<GrievanceRepository>({ findForUpdate: async () => current }, 'grievances');
  // The real moves publish; where the grievance arrives and its supervision are recorded by the stubs.
  const moves = strictMock<ChainMoves>({
    arriveAt: async (_tx, _grievance, level) => rungOf(level),
    publish: ChainMoves.prototype.publish,
    supervise: async () => true,
  });
  return { tx, moves, reopen: new ReopenAppeal(grievances, moves) };
}

describe('an unsatisfied reporter appeals a resolved appeal', () => {
  it.each<[Level, Level]>([
    ['member', 'branch'],
    ['branch', 'industry_committee'],
    ['industry_committee', 'two_new_committee'],
  ])('resolved by the %s, it reopens at the %s, with the reporter’s words', async (resolvedAt, reopensAt) => {
    const grievance = appealGrievance(resolvedAt, { status: 'resolved' });
    const { tx, moves, reopen } = setup(grievance);
    await expect(reopen.execute(rated(grievance), tx)).resolves.toBe('applied');
    expect(moves.arriveAt).toHaveBeenCalledWith(tx, grievance, reopensAt, expect.objectContaining({ correlationId: 'c-rating' }));
    expect(payloadsOn(tx, 'grievance.reopened.v1')).toEqual([{ reopenedTo: rungOf(reopensAt), level: reopensAt, reason: expect.stringContaining('nothing changed') }]);
    expect(moves.supervise).not.toHaveBeenCalled();
  });

  it('resolved by the 两新工委, it reopens there, under supervision (督办)', async () => {
    const grievance = appealGrievance('two_new_committee', { status: 'resolved' });
    const { tx, moves, reopen } = setup(grievance);
    await reopen.execute(rated(grievance), tx);
    expect(moves.arriveAt).toHaveBeenCalledWith(tx, grievance, 'two_new_committee', expect.anything());
    expect(moves.supervise).toHaveBeenCalledWith(tx, grievance, 'reporter_unsatisfied', expect.stringContaining('nothing changed'), expect.anything());
  });

  it('gives a reason of its own when the reporter wrote none', async () => {
    const grievance = appealGrievance('member', { status: 'resolved' });
    const { tx, reopen } = setup(grievance);
    await reopen.execute(rated(grievance, { comment: '   ' }), tx);
    expect(payloadsOn(tx, 'grievance.reopened.v1')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/不满意/) })]);
  });

  it.each<[string, GrievanceEntity | null, Partial<FeedbackRatedV1>]>([
    ['a satisfied rating', appealGrievance('member', { status: 'resolved' }), { rating: 'satisfied' }],
    ['a hazard (it reopens at its department)', hazardGrievance({ status: 'resolved' }), {}],
    ['an appeal reopened already', appealGrievance('branch', { status: 'routed' }), {}],
    ['a grievance routing does not hold', null, {}],
  ])('leaves alone %s', async (_case, current, payload) => {
    const { tx, moves, reopen } = setup(current);
    await expect(reopen.execute(rated(current ?? hazardGrievance(), payload), tx)).resolves.toBe('skipped');
    expect(moves.arriveAt).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });
});
