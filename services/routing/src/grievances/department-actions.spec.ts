import type { Principal } from '@grievance/auth';
import { payloadsOn, recordingOutbox, strictMock } from '@grievance/testing/unit';
import { appealGrievance, departmentUser, hazardGrievance, rungUser } from '../../test/unit-fixtures';
import type { DeadlineView, GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import type { ChainMoves } from '../escalation/chain-moves';
import { AcceptGrievance } from './accept-grievance.use-case';
import { departmentInbox } from './department-rules';
import { ResolveGrievance } from './resolve-grievance.use-case';
import type { GrievanceEntity, GrievanceStatus } from './grievance.entity';
import type { GrievanceRepository } from './grievance.repository';

const WORKS = departmentUser('municipal_works');
const DUE_SOON: DeadlineView = {
  target: 'resolve',
  status: 'running',
  startedAt: '2026-11-23T01:00:00.000Z',
  dueAt: '2026-11-24T01:00:00.000Z',
  remainingMs: 3_600_000,
  warned: true,
  breached: false,
  notice: '1 hour left',
};

function setup(current: GrievanceEntity | null) {
  const { outbox, tx } = recordingOutbox();
  const grievances = strictMock<GrievanceRepository>(
    { findForUpdate: async () => current, save: async () => undefined, departmentInbox: async () => (current ? [current] : []) },
    'grievances',
  );
  const deadlines = strictMock<GrievanceDeadlines>(
    {
      responded: async () => undefined,
      resolved: async () => undefined,
      viewsOf: async (ids) => new Map(ids.map((id) => [id, [DUE_SOON]])),
    },
    'deadlines',
  );
  const moves = strictMock<ChainMoves>({}, 'moves');
  const department = {
    inbox: (principal: Principal, language: 'en' | 'zh-CN') => departmentInbox(grievances, deadlines, principal, language),
    accept: (principal: Principal, id: string) => new AcceptGrievance(grievances, outbox, deadlines).execute(principal, id),
    resolve: (principal: Principal, id: string, resolution: string, attachmentIds: string[]) => new ResolveGrievance(outbox, grievances, deadlines, moves).execute(principal, id, resolution, attachmentIds),
  };
  return { tx, grievances, deadlines, department };
}

describe('a department’s inbox', () => {
  it('lists what it holds, assigned or accepted, with the time left on each deadline', async () => {
    const grievance = hazardGrievance();
    const { department, grievances, deadlines } = setup(grievance);
    await expect(department.inbox(WORKS, 'en')).resolves.toEqual([expect.objectContaining({ grievanceId: grievance.grievanceId, deadlines: [DUE_SOON] })]);
    expect(grievances.departmentInbox).toHaveBeenCalledWith('municipal_works', ['assigned', 'in_progress'], 500);
    expect(deadlines.viewsOf).toHaveBeenCalledWith([grievance.grievanceId], 'en');
  });

  it.each<[string, Principal]>([
    ['a rung', rungUser('branch')],
    ['a department user without a department', { sub: 'd', role: 'department' }],
  ])('is refused to %s', async (_who, principal) => {
    await expect(setup(null).department.inbox(principal, 'zh-CN')).rejects.toMatchObject({ code: 'forbidden', message: 'only a department has this inbox' });
  });
});

describe('accepting (接单) and resolving (办结)', () => {
  it('accepts an assigned grievance: in progress, its answer deadline met, the worker told', async () => {
    const grievance = hazardGrievance({ status: 'assigned' });
    const { department, tx, deadlines } = setup(grievance);
    await expect(department.accept(WORKS, grievance.grievanceId)).resolves.toMatchObject({ status: 'in_progress' });
    expect(deadlines.responded).toHaveBeenCalledWith(tx, grievance.grievanceId);
    expect(payloadsOn(tx, 'grievance.accepted.v1')).toEqual([{ holder: grievance.holder }]);
    expect(tx.events[0]!.envelope.actor).toEqual({ id: 'municipal_works-user', role: 'department' });
  });

  it.each<GrievanceStatus>(['in_progress', 'resolved', 'closed'])('refuses to accept a grievance that is %s', async (status) => {
    const { department, tx, grievances } = setup(hazardGrievance({ status }));
    await expect(department.accept(WORKS, 'g-1')).rejects.toMatchObject({ code: 'conflict', message: `the grievance is ${status}; only an assigned grievance can be accepted` });
    expect(grievances.save).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it.each<GrievanceStatus>(['assigned', 'in_progress'])('resolves a grievance that is %s, with what was done', async (status) => {
    const grievance = hazardGrievance({ status });
    const { department, tx, deadlines } = setup(grievance);
    await expect(department.resolve(WORKS, grievance.grievanceId, 'cover replaced', ['0196c0de-0000-7000-8000-000000000009'])).resolves.toMatchObject({
      status: 'resolved',
      resolution: 'cover replaced',
    });
    expect(deadlines.resolved).toHaveBeenCalledWith(tx, grievance.grievanceId);
    expect(payloadsOn(tx, 'grievance.resolved.v1')).toEqual([
      { resolvedBy: grievance.holder, resolution: 'cover replaced', attachmentIds: ['0196c0de-0000-7000-8000-000000000009'] },
    ]);
  });

  it.each<GrievanceStatus>(['routed', 'resolved', 'rejected'])('refuses to resolve a grievance that is %s', async (status) => {
    const { department, tx } = setup(hazardGrievance({ status }));
    await expect(department.resolve(WORKS, 'g-1', 'done', [])).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('only an assigned or accepted grievance') });
    expect(tx.events).toEqual([]);
  });
});

describe('what a department may touch', () => {
  const askedByBranch = appealGrievance('branch', { status: 'assigned', departmentCode: 'municipal_works', holder: { type: 'department', id: 'municipal_works', name: 'Works' } });

  it.each<[string, GrievanceEntity | null]>([
    ['does not exist', null],
    ['another department holds', hazardGrievance({ departmentCode: 'urban_management' })],
    ['a rung took back after asking it to act', { ...askedByBranch, holder: askedByBranch.owner! } as GrievanceEntity],
  ])('answers "not found" for a grievance that %s', async (_case, current) => {
    const { department, tx } = setup(current);
    await expect(department.accept(WORKS, 'g-1')).rejects.toMatchObject({ code: 'not_found', message: 'grievance g-1 not found' });
    expect(tx.events).toEqual([]);
  });

  it('works an appeal while a rung has asked it to act', async () => {
    const { department } = setup(askedByBranch);
    await expect(department.accept(WORKS, askedByBranch.grievanceId)).resolves.toMatchObject({ status: 'in_progress', level: 'branch' });
  });
});
