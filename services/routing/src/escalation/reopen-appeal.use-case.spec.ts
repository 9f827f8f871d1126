import { createEnvelope, FeedbackRatedV1, Level } from '@grievance/contracts';
import { payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealMatter, hazardMatter, rungOf } from '../../test/unit-fixtures';
import type { MatterEntity } from '../matters/matter.entity';
import type { MatterRepository } from '../matters/matter.repository';
import { ChainMoves } from './chain-moves';
import { ReopenAppeal } from './reopen-appeal.use-case';

function rated(matter: MatterEntity, payload: Partial<FeedbackRatedV1> = {}) {
  return createEnvelope({
    topic: 'feedback.rated.v1',
    grievanceId: matter.grievanceId,
    actor: { id: 'worker-1', role: 'worker' },
    correlationId: 'c-rating',
    payload: { reporterId: 'worker-1', rating: 'unsatisfied', comment: 'nothing changed', ...payload },
  });
}

function setup(current: MatterEntity | null) {
  const tx = recordingTransaction();
  const matters = strictMock<MatterRepository>({ findForUpdate: async () => current }, 'matters');
  // The real moves publish; where the matter arrives and its supervision are recorded by the stubs.
  const moves = strictMock<ChainMoves>({
    arriveAt: async (_tx, _matter, level) => rungOf(level),
    publish: ChainMoves.prototype.publish,
    supervise: async () => true,
  });
  return { tx, moves, reopen: new ReopenAppeal(matters, moves) };
}

describe('an unsatisfied reporter appeals a resolved appeal', () => {
  it.each<[Level, Level]>([
    ['member', 'branch'],
    ['branch', 'industry_committee'],
    ['industry_committee', 'two_new_committee'],
  ])('resolved by the %s, it reopens at the %s, with the reporter’s words', async (resolvedAt, reopensAt) => {
    const matter = appealMatter(resolvedAt, { status: 'resolved' });
    const { tx, moves, reopen } = setup(matter);
    await expect(reopen.execute(rated(matter), tx)).resolves.toBe('applied');
    expect(moves.arriveAt).toHaveBeenCalledWith(tx, matter, reopensAt, expect.objectContaining({ correlationId: 'c-rating' }));
    expect(payloadsOn(tx, 'grievance.reopened.v1')).toEqual([{ reopenedTo: rungOf(reopensAt), level: reopensAt, reason: expect.stringContaining('nothing changed') }]);
    expect(moves.supervise).not.toHaveBeenCalled();
  });

  it('resolved by the 两新工委, it reopens there, under supervision (督办)', async () => {
    const matter = appealMatter('two_new_committee', { status: 'resolved' });
    const { tx, moves, reopen } = setup(matter);
    await reopen.execute(rated(matter), tx);
    expect(moves.arriveAt).toHaveBeenCalledWith(tx, matter, 'two_new_committee', expect.anything());
    expect(moves.supervise).toHaveBeenCalledWith(tx, matter, 'reporter_unsatisfied', expect.stringContaining('nothing changed'), expect.anything());
  });

  it('gives a reason of its own when the reporter wrote none', async () => {
    const matter = appealMatter('member', { status: 'resolved' });
    const { tx, reopen } = setup(matter);
    await reopen.execute(rated(matter, { comment: '   ' }), tx);
    expect(payloadsOn(tx, 'grievance.reopened.v1')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/不满意/) })]);
  });

  it.each<[string, MatterEntity | null, Partial<FeedbackRatedV1>]>([
    ['a satisfied rating', appealMatter('member', { status: 'resolved' }), { rating: 'satisfied' }],
    ['a hazard (it reopens at its department)', hazardMatter({ status: 'resolved' }), {}],
    ['an appeal reopened already', appealMatter('branch', { status: 'routed' }), {}],
    ['a matter routing does not hold', null, {}],
  ])('leaves alone %s', async (_case, current, payload) => {
    const { tx, moves, reopen } = setup(current);
    await expect(reopen.execute(rated(current ?? hazardMatter(), payload), tx)).resolves.toBe('skipped');
    expect(moves.arriveAt).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });
});
