import type { ModuleRef } from '@nestjs/core';
import { Holder, Level } from '@grievance/contracts';
import type { FiredDeadline, SlaDeadline } from '@grievance/sla';
import { recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealGrievance, hazardGrievance, rungOf } from '../../test/unit-fixtures';
import { RoutingConfig } from '../config';
import type { DepartmentEntity } from '../directory/directory.entities';
import { DirectoryRepository } from '../directory/directory.repository';
import { SupervisionMoves } from '../supervision/supervision-moves';
import { GrievanceEntity, GrievanceStatus } from '../grievances/grievance.entity';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves } from './chain-moves';
import { EscalateOnBreach } from './escalate-on-breach';

const DUE = new Date('2026-11-24T10:00:00Z');

function breachOf(grievance: GrievanceEntity, over: { level?: Level | null; holder?: Holder; subject?: string } = {}): FiredDeadline {
  const deadline = {
    grievanceId: grievance.grievanceId,
    subject: over.subject ?? 'grievance',
    target: 'resolve',
    level: over.level === undefined ? grievance.level : over.level,
    holder: over.holder ?? grievance.owner!,
    correlationId: 'c-submitted',
    dueAt: DUE,
  } as SlaDeadline;
  return { kind: 'breach', deadline, firedAt: DUE, event: { eventId: 'e-breach' } } as FiredDeadline;
}

function setup(current: GrievanceEntity | null) {
  const tx = recordingTransaction();
  const grievances = strictMock<GrievanceRepository>({ findForUpdate: async () => current }, 'grievances');
  const moves = strictMock<ChainMoves>({ escalate: async () => rungOf('branch'), supervise: async () => true }, 'moves');
  const moduleRef = strictMock<ModuleRef>({ get: ((type: unknown) => (type === GrievanceRepository ? grievances : type === ChainMoves ? moves : undefined)) as ModuleRef['get'] });
  return { tx, moves, handler: new EscalateOnBreach(moduleRef) };
}

describe('a rung that misses its deadline', () => {
  it.each<Level>(['member', 'branch', 'industry_committee'])('loses the grievance to the rung above when it is the %s', async (level) => {
    const grievance = appealGrievance(level);
    const { tx, moves, handler } = setup(grievance);
    await handler.onBreached(breachOf(grievance), tx);
    expect(moves.escalate).toHaveBeenCalledWith(tx, grievance, 'deadline_missed', expect.stringContaining(rungOf(level).name), {
      actor: { id: 'routing', role: 'system' },
      correlationId: 'c-submitted',
      causationId: 'e-breach',
    });
  });

  it('puts the grievance under supervision (督办) when it is the 两新工委', async () => {
    const grievance = appealGrievance('two_new_committee');
    const { tx, moves, handler } = setup(grievance);
    await handler.onBreached(breachOf(grievance), tx);
    expect(moves.supervise).toHaveBeenCalledWith(tx, grievance, 'deadline_missed', expect.any(String), expect.anything());
    expect(moves.escalate).not.toHaveBeenCalled();
  });
});

describe('a breach that no longer speaks for the grievance changes nothing', () => {
  const member = appealGrievance('member');
  it.each<[string, GrievanceEntity | null, FiredDeadline]>([
    ["a department's deadline (no rung)", member, breachOf(member, { level: null })],
    ["a ticket's deadline", member, breachOf(member, { subject: 'ticket:0196c0de' })],
    ['a grievance routing does not hold', null, breachOf(member)],
    ['the rung passed it on already', appealGrievance('branch'), breachOf(member, { level: 'member', holder: rungOf('member') })],
    ['another member of the same rung holds it now', appealGrievance('member', { owner: { ...rungOf('member'), id: 'mb-2' } }), breachOf(member)],
  ])('%s', async (_case, current, fired) => {
    const { tx, moves, handler } = setup(current);
    await handler.onBreached(fired, tx);
    expect(moves.escalate).not.toHaveBeenCalled();
    expect(moves.supervise).not.toHaveBeenCalled();
  });

  it.each<GrievanceStatus>(['resolved', 'closed', 'rejected', 'linked'])('the grievance is %s', async (status) => {
    const grievance = appealGrievance('member', { status });
    const { tx, moves, handler } = setup(grievance);
    await handler.onBreached(breachOf(grievance), tx);
    expect(moves.escalate).not.toHaveBeenCalled();
  });
});

describe('supervision (督办) on a breach', () => {
  const OFFICE = { code: 'xiangyun_supervision', name: 'Xiangyun Supervising Office' };
  const DEPT: Holder = { type: 'department', id: 'municipal_works', name: 'Municipal Works Bureau' };

  function setupSupervision(current: GrievanceEntity, office: typeof OFFICE | null = OFFICE) {
    const tx = recordingTransaction();
    const grievances = strictMock<GrievanceRepository>({ findForUpdate: async () => current }, 'grievances');
    const supervision = strictMock<SupervisionMoves>({ begin: async () => ({}) as SlaDeadline, followUp: async () => ({}) as SlaDeadline, followUpOpen: async () => false }, 'supervision');
    const directory = strictMock<DirectoryRepository>({ supervisingOffice: async () => office as DepartmentEntity | null }, 'directory');
    const config = strictMock<RoutingConfig>({ SUPERVISION_MAX_ROUNDS: 2 }, 'config');
    const byType = new Map<unknown, unknown>([
      [GrievanceRepository, grievances],
      [SupervisionMoves, supervision],
      [DirectoryRepository, directory],
      [RoutingConfig, config],
    ]);
    const moduleRef = strictMock<ModuleRef>({ get: ((type: unknown) => byType.get(type)) as ModuleRef['get'] });
    return { tx, supervision, handler: new EscalateOnBreach(moduleRef) };
  }

  it('a department that misses its deadline on a hazard is supervised by its district’s supervising office', async () => {
    const grievance = hazardGrievance({ status: 'in_progress' });
    const { tx, supervision, handler } = setupSupervision(grievance);
    await handler.onBreached(breachOf(grievance, { level: null, holder: DEPT }), tx);
    expect(supervision.begin).toHaveBeenCalledWith(
      tx,
      grievance,
      {
        holder: DEPT,
        supervisor: { type: 'department', id: OFFICE.code, name: OFFICE.name },
        cause: 'department_deadline_missed',
        reason: expect.stringContaining(DEPT.name),
        districtId: 'xiangyun',
        round: 1,
      },
      { actor: { id: 'routing', role: 'system' }, correlationId: 'c-submitted', causationId: 'e-breach' },
    );
  });

  it('with no supervising office, the breach is only recorded', async () => {
    const grievance = hazardGrievance({ status: 'in_progress' });
    const { tx, supervision, handler } = setupSupervision(grievance, null);
    await handler.onBreached(breachOf(grievance, { level: null, holder: DEPT }), tx);
    expect(supervision.begin).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it('a missed follow-up supervises the grievance again, until the last round', async () => {
    const office: Holder = { type: 'department', id: OFFICE.code, name: OFFICE.name };
    const grievance = hazardGrievance({ status: 'in_progress', underSupervision: true, supervisionRound: 1, supervisor: office });
    const { tx, supervision, handler } = setupSupervision(grievance);
    const missed = breachOf(grievance, { level: null, holder: office, subject: 'supervision' });
    await handler.onBreached(missed, tx);
    expect(supervision.followUp).toHaveBeenCalledWith(tx, grievance, missed.deadline, 2, expect.stringContaining(OFFICE.name), expect.anything());
    grievance.supervisionRound = 2;
    await handler.onBreached(missed, tx);
    expect(supervision.followUp).toHaveBeenCalledTimes(1);
  });
});
