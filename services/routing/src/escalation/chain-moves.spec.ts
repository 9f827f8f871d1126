import { Level } from '@grievance/contracts';
import { payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealGrievance, FULL_PATH, rungOf } from '../../test/unit-fixtures';
import type { RoutingConfig } from '../config';
import type { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import type { GrievanceEntity } from '../grievances/grievance.entity';
import type { GrievanceRepository } from '../grievances/grievance.repository';
import type { ChainDirectory } from './chain-directory';
import type { SlaDeadline, SlaEngine } from '@grievance/sla';
import { SupervisionMoves } from '../supervision/supervision-moves';
import { ChainMoves, MoveCause } from './chain-moves';

const FOLLOW_UP_DUE = new Date('2026-11-27T10:00:00Z');
const BY_HAND: MoveCause = { actor: { id: 'branch-user', role: 'branch' }, correlationId: 'c-1', causationId: null };

function setup(maxReturns = 2) {
  const tx = recordingTransaction();
  const grievances = strictMock<GrievanceRepository>({ save: async () => undefined }, 'grievances');
  const directory = strictMock<ChainDirectory>({ holderAt: async (_path, level) => rungOf(level) }, 'chainDirectory');
  const deadlines = strictMock<GrievanceDeadlines>({ arrive: async () => undefined }, 'deadlines');
  const config = strictMock<RoutingConfig>({ CHAIN_MAX_RETURNS: maxReturns, SUPERVISION_MAX_ROUNDS: 2 }, 'config');
  // The follow-up deadline a supervision started stays open until the test says it closed.
  const open: SlaDeadline[] = [];
  const sla = strictMock<SlaEngine>(
    {
      start: async (_tx, input) => {
        const d = { ...input, id: 'd-follow-up', dueAt: FOLLOW_UP_DUE } as unknown as SlaDeadline;
        open.push(d);
        return d;
      },
      openFor: async () => [...open],
    },
    'sla',
  );
  const supervision = new SupervisionMoves(grievances, sla);
  return { tx, grievances, deadlines, sla, closeFollowUp: () => open.splice(0), moves: new ChainMoves(grievances, directory, deadlines, config, supervision) };
}

/** What the grievance looks like to its new rung. */
const standing = (m: GrievanceEntity) => ({ level: m.level, owner: m.owner?.id, holder: m.holder.id, status: m.status, bounces: m.bounces });

describe('escalating an appeal', () => {
  it.each<[Level, Level]>([
    ['member', 'branch'],
    ['branch', 'industry_committee'],
    ['industry_committee', 'two_new_committee'],
  ])('passes it from the %s to the %s, which must acknowledge it anew with its own deadlines', async (from, to) => {
    const { tx, moves, deadlines } = setup();
    const grievance = appealGrievance(from);
    await expect(moves.escalate(tx, grievance, 'by_hand', 'needs the committee', BY_HAND)).resolves.toEqual(rungOf(to));
    expect(standing(grievance)).toEqual({ level: to, owner: FULL_PATH[to], holder: FULL_PATH[to], status: 'routed', bounces: 0 });
    expect(deadlines.arrive).toHaveBeenCalledWith(tx, grievance, rungOf(to), to, BY_HAND);
    expect(payloadsOn(tx, 'grievance.escalated.v1')).toEqual([
      { fromLevel: from, toLevel: to, fromHolder: rungOf(from), toHolder: rungOf(to), reason: 'needs the committee', automatic: false, trigger: 'by_hand' },
    ]);
  });

  it('skips a rung that has no one on this grievance', async () => {
    const { tx, moves } = setup();
    const grievance = appealGrievance('branch', { chain: { member: 'mb-1', branch: 'br-1', two_new_committee: 'tnc' } });
    await moves.escalate(tx, grievance, 'by_hand', 'no committee for this trade', BY_HAND);
    expect(grievance.level).toBe('two_new_committee');
  });

  it('marks an escalation by a missed deadline as automatic', async () => {
    const { tx, moves } = setup();
    await moves.escalate(tx, appealGrievance('member'), 'deadline_missed', 'Liu missed its deadline', BY_HAND);
    expect(payloadsOn(tx, 'grievance.escalated.v1')).toEqual([expect.objectContaining({ automatic: true, trigger: 'deadline_missed' })]);
  });

  it('refuses to escalate from the 两新工委, the top of the chain, and changes nothing', async () => {
    const { tx, moves, grievances } = setup();
    const grievance = appealGrievance('two_new_committee');
    await expect(moves.escalate(tx, grievance, 'by_hand', 'up', BY_HAND)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('the 两新工委 is the top of the chain'),
    });
    expect(grievance.level).toBe('two_new_committee');
    expect(grievances.save).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it('refuses to move a grievance that is not on the chain (a hazard)', async () => {
    const { tx, moves } = setup();
    await expect(moves.escalate(tx, appealGrievance('member', { level: null }), 'by_hand', 'up', BY_HAND)).rejects.toThrow(/is not on the escalation chain/);
  });
});

describe('returning an appeal down the chain (退单)', () => {
  it('hands it to the nearest rung below, counting the bounce and carrying the evidence', async () => {
    const { tx, moves } = setup();
    const grievance = appealGrievance('branch');
    await moves.returnDown(tx, grievance, 'talk to the rider first', ['0196c0de-0000-7000-8000-000000000001'], BY_HAND);
    expect(standing(grievance)).toEqual({ level: 'member', owner: 'mb-1', holder: 'mb-1', status: 'routed', bounces: 1 });
    expect(payloadsOn(tx, 'grievance.returned.v1')).toEqual([
      {
        fromLevel: 'branch',
        toLevel: 'member',
        fromHolder: rungOf('branch'),
        toHolder: rungOf('member'),
        reason: 'talk to the rider first',
        bounces: 1,
        attachmentIds: ['0196c0de-0000-7000-8000-000000000001'],
      },
    ]);
  });

  it('leaves attachmentIds out of the event when there is no evidence', async () => {
    const { tx, moves } = setup();
    await moves.returnDown(tx, appealGrievance('industry_committee'), 'the branch can settle it', [], BY_HAND);
    expect(payloadsOn(tx, 'grievance.returned.v1')[0]).not.toHaveProperty('attachmentIds');
  });

  it('refuses to return from a liaison member: there is no one below', async () => {
    const { tx, moves } = setup();
    const grievance = appealGrievance('member');
    await expect(moves.returnDown(tx, grievance, 'not mine', [], BY_HAND)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('first rung') });
    expect(tx.events).toEqual([]);
  });

  it.each([
    [0, 'grievance.returned.v1', 'member'],
    [1, 'grievance.returned.v1', 'member'],
    [2, 'grievance.escalated.v1', 'two_new_committee'],
  ])('after %i earlier bounces (limit 2) publishes %s and the grievance goes to the %s', async (earlier, topic, level) => {
    const { tx, moves } = setup(2);
    const grievance = appealGrievance('branch', { bounces: earlier });
    await moves.returnDown(tx, grievance, 'not ours', [], BY_HAND);
    expect(tx.events.map((e) => e.topic)).toEqual([topic]);
    expect(grievance).toMatchObject({ level, bounces: earlier + 1 });
  });

  it('sends a grievance bounced once too often to the 两新工委 to arbitrate, saying why', async () => {
    const { tx, moves } = setup(2);
    await moves.returnDown(tx, appealGrievance('branch', { bounces: 2 }), 'still not ours', [], BY_HAND);
    expect(payloadsOn(tx, 'grievance.escalated.v1')).toEqual([
      expect.objectContaining({ fromLevel: 'branch', toLevel: 'two_new_committee', trigger: 'arbitration', automatic: true, reason: expect.stringContaining('still not ours') }),
    ]);
  });

  it('lets the 两新工委 return a grievance however often it bounced: its return is its arbitration', async () => {
    const { tx, moves } = setup(2);
    const grievance = appealGrievance('two_new_committee', { bounces: 7 });
    await moves.returnDown(tx, grievance, 'the committee must act', [], BY_HAND);
    expect(grievance.level).toBe('industry_committee');
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.returned.v1']);
  });
});

describe('supervision (督办)', () => {
  it('puts the grievance under supervision once, with its holder and rung, owned by the 两新工委 with a follow-up deadline', async () => {
    const { tx, moves, grievances, sla } = setup();
    const grievance = appealGrievance('two_new_committee');
    await expect(moves.supervise(tx, grievance, 'deadline_missed', 'missed', BY_HAND)).resolves.toBe(true);
    expect(grievance).toMatchObject({ underSupervision: true, supervisionRound: 1, supervisor: rungOf('two_new_committee') });
    expect(grievances.save).toHaveBeenCalledWith(grievance);
    expect(sla.start).toHaveBeenCalledWith(tx, expect.objectContaining({ subject: 'supervision', target: 'resolve', holder: rungOf('two_new_committee'), grievance: expect.objectContaining({ stage: 'supervision' }) }));
    expect(payloadsOn(tx, 'grievance.supervised.v1')).toEqual([
      {
        holder: rungOf('two_new_committee'),
        level: 'two_new_committee',
        cause: 'deadline_missed',
        reason: 'missed',
        supervisor: rungOf('two_new_committee'),
        round: 1,
        followUpDueAt: FOLLOW_UP_DUE.toISOString(),
      },
    ]);
    await expect(moves.supervise(tx, grievance, 'reporter_unsatisfied', 'again', BY_HAND)).resolves.toBe(false);
    expect(tx.events).toHaveLength(1);
  });

  it('opens the next round when the grievance came back after the 两新工委 resolved it (its follow-up closed), up to SUPERVISION_MAX_ROUNDS', async () => {
    const { tx, moves, closeFollowUp } = setup();
    const grievance = appealGrievance('two_new_committee');
    await moves.supervise(tx, grievance, 'deadline_missed', 'missed', BY_HAND);
    closeFollowUp();
    await expect(moves.supervise(tx, grievance, 'reporter_unsatisfied', 'still unpaid', BY_HAND)).resolves.toBe(true);
    expect(payloadsOn(tx, 'grievance.supervised.v1').map((p) => [p.cause, p.round])).toEqual([
      ['deadline_missed', 1],
      ['reporter_unsatisfied', 2],
    ]);
    closeFollowUp();
    await expect(moves.supervise(tx, grievance, 'reporter_unsatisfied', 'again', BY_HAND)).resolves.toBe(false);
    expect(grievance.supervisionRound).toBe(2);
  });
});
