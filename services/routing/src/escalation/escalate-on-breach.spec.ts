import type { ModuleRef } from '@nestjs/core';
import { Holder, Level } from '@grievance/contracts';
import type { FiredDeadline, SlaDeadline } from '@grievance/sla';
import { recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealMatter, rungOf } from '../../test/unit-fixtures';
import { MatterEntity, MatterStatus } from '../matters/matter.entity';
import { MatterRepository } from '../matters/matter.repository';
import { ChainMoves } from './chain-moves';
import { EscalateOnBreach } from './escalate-on-breach';

const DUE = new Date('2026-11-24T10:00:00Z');

function breachOf(matter: MatterEntity, over: { level?: Level | null; holder?: Holder; subject?: string } = {}): FiredDeadline {
  const deadline = {
    grievanceId: matter.grievanceId,
    subject: over.subject ?? 'grievance',
    target: 'resolve',
    level: over.level === undefined ? matter.level : over.level,
    holder: over.holder ?? matter.owner!,
    correlationId: 'c-submitted',
    dueAt: DUE,
  } as SlaDeadline;
  return { kind: 'breach', deadline, firedAt: DUE, event: { eventId: 'e-breach' } } as FiredDeadline;
}

function setup(current: MatterEntity | null) {
  const tx = recordingTransaction();
  const matters = strictMock<MatterRepository>({ findForUpdate: async () => current }, 'matters');
  const moves = strictMock<ChainMoves>({ escalate: async () => rungOf('branch'), supervise: async () => true }, 'moves');
  const moduleRef = strictMock<ModuleRef>({ get: ((type: unknown) => (type === MatterRepository ? matters : type === ChainMoves ? moves : undefined)) as ModuleRef['get'] });
  return { tx, moves, handler: new EscalateOnBreach(moduleRef) };
}

describe('a rung that misses its deadline', () => {
  it.each<Level>(['member', 'branch', 'industry_committee'])('loses the matter to the rung above when it is the %s', async (level) => {
    const matter = appealMatter(level);
    const { tx, moves, handler } = setup(matter);
    await handler.onBreached(breachOf(matter), tx);
    expect(moves.escalate).toHaveBeenCalledWith(tx, matter, 'deadline_missed', expect.stringContaining(rungOf(level).name), {
      actor: { id: 'routing', role: 'system' },
      correlationId: 'c-submitted',
      causationId: 'e-breach',
    });
  });

  it('puts the matter under supervision (督办) when it is the 两新工委', async () => {
    const matter = appealMatter('two_new_committee');
    const { tx, moves, handler } = setup(matter);
    await handler.onBreached(breachOf(matter), tx);
    expect(moves.supervise).toHaveBeenCalledWith(tx, matter, 'deadline_missed', expect.any(String), expect.anything());
    expect(moves.escalate).not.toHaveBeenCalled();
  });
});

describe('a breach that no longer speaks for the matter changes nothing', () => {
  const member = appealMatter('member');
  it.each<[string, MatterEntity | null, FiredDeadline]>([
    ["a department's deadline (no rung)", member, breachOf(member, { level: null })],
    ["a ticket's deadline", member, breachOf(member, { subject: 'ticket:0196c0de' })],
    ['a matter routing does not hold', null, breachOf(member)],
    ['the rung passed it on already', appealMatter('branch'), breachOf(member, { level: 'member', holder: rungOf('member') })],
    ['another member of the same rung holds it now', appealMatter('member', { owner: { ...rungOf('member'), id: 'mb-2' } }), breachOf(member)],
  ])('%s', async (_case, current, fired) => {
    const { tx, moves, handler } = setup(current);
    await handler.onBreached(fired, tx);
    expect(moves.escalate).not.toHaveBeenCalled();
    expect(moves.supervise).not.toHaveBeenCalled();
  });

  it.each<MatterStatus>(['resolved', 'closed', 'rejected', 'linked'])('the matter is %s', async (status) => {
    const matter = appealMatter('member', { status });
    const { tx, moves, handler } = setup(matter);
    await handler.onBreached(breachOf(matter), tx);
    expect(moves.escalate).not.toHaveBeenCalled();
  });
});
