import type { Principal } from '@grievance/auth';
import { payloadsOn, recordingOutbox, strictMock } from '@grievance/testing/unit';
import { appealMatter, departmentUser, hazardMatter, rungUser } from '../../test/unit-fixtures';
import type { DeadlineView, MatterDeadlines } from '../deadlines/matter-deadlines';
import { DepartmentActions } from './department-actions.use-cases';
import type { MatterEntity, MatterStatus } from './matter.entity';
import type { MatterRepository } from './matter.repository';

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

function setup(current: MatterEntity | null) {
  const { outbox, tx } = recordingOutbox();
  const matters = strictMock<MatterRepository>(
    { findForUpdate: async () => current, save: async () => undefined, departmentInbox: async () => (current ? [current] : []) },
    'matters',
  );
  const deadlines = strictMock<MatterDeadlines>(
    {
      responded: async () => undefined,
      resolved: async () => undefined,
      viewsOf: async (ids) => new Map(ids.map((id) => [id, [DUE_SOON]])),
    },
    'deadlines',
  );
  return { tx, matters, deadlines, department: new DepartmentActions(matters, outbox, deadlines) };
}

describe('a department’s inbox', () => {
  it('lists what it holds, assigned or accepted, with the time left on each deadline', async () => {
    const matter = hazardMatter();
    const { department, matters, deadlines } = setup(matter);
    await expect(department.inbox(WORKS, 'en')).resolves.toEqual([expect.objectContaining({ grievanceId: matter.grievanceId, deadlines: [DUE_SOON] })]);
    expect(matters.departmentInbox).toHaveBeenCalledWith('municipal_works', ['assigned', 'in_progress'], 500);
    expect(deadlines.viewsOf).toHaveBeenCalledWith([matter.grievanceId], 'en');
  });

  it.each<[string, Principal]>([
    ['a rung', rungUser('branch')],
    ['a department user without a department', { sub: 'd', role: 'department' }],
  ])('is refused to %s', async (_who, principal) => {
    await expect(setup(null).department.inbox(principal, 'zh-CN')).rejects.toMatchObject({ code: 'forbidden', message: 'only a department has this inbox' });
  });
});

describe('accepting (接单) and resolving (办结)', () => {
  it('accepts an assigned matter: in progress, its answer deadline met, the worker told', async () => {
    const matter = hazardMatter({ status: 'assigned' });
    const { department, tx, deadlines } = setup(matter);
    await expect(department.accept(WORKS, matter.grievanceId)).resolves.toMatchObject({ status: 'in_progress' });
    expect(deadlines.responded).toHaveBeenCalledWith(tx, matter.grievanceId);
    expect(payloadsOn(tx, 'grievance.accepted.v1')).toEqual([{ holder: matter.holder }]);
    expect(tx.events[0]!.envelope.actor).toEqual({ id: 'municipal_works-user', role: 'department' });
  });

  it.each<MatterStatus>(['in_progress', 'resolved', 'closed'])('refuses to accept a matter that is %s', async (status) => {
    const { department, tx, matters } = setup(hazardMatter({ status }));
    await expect(department.accept(WORKS, 'g-1')).rejects.toMatchObject({ code: 'conflict', message: `the matter is ${status}; only an assigned matter can be accepted` });
    expect(matters.save).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it.each<MatterStatus>(['assigned', 'in_progress'])('resolves a matter that is %s, with what was done', async (status) => {
    const matter = hazardMatter({ status });
    const { department, tx, deadlines } = setup(matter);
    await expect(department.resolve(WORKS, matter.grievanceId, 'cover replaced', ['0196c0de-0000-7000-8000-000000000009'])).resolves.toMatchObject({
      status: 'resolved',
      resolution: 'cover replaced',
    });
    expect(deadlines.resolved).toHaveBeenCalledWith(tx, matter.grievanceId);
    expect(payloadsOn(tx, 'grievance.resolved.v1')).toEqual([
      { resolvedBy: matter.holder, resolution: 'cover replaced', attachmentIds: ['0196c0de-0000-7000-8000-000000000009'] },
    ]);
  });

  it.each<MatterStatus>(['routed', 'resolved', 'rejected'])('refuses to resolve a matter that is %s', async (status) => {
    const { department, tx } = setup(hazardMatter({ status }));
    await expect(department.resolve(WORKS, 'g-1', 'done', [])).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('only an assigned or accepted matter') });
    expect(tx.events).toEqual([]);
  });
});

describe('what a department may touch', () => {
  const askedByBranch = appealMatter('branch', { status: 'assigned', departmentCode: 'municipal_works', holder: { type: 'department', id: 'municipal_works', name: 'Works' } });

  it.each<[string, MatterEntity | null]>([
    ['does not exist', null],
    ['another department holds', hazardMatter({ departmentCode: 'urban_management' })],
    ['a rung took back after asking it to act', { ...askedByBranch, holder: askedByBranch.owner! } as MatterEntity],
  ])('answers "not found" for a matter that %s', async (_case, current) => {
    const { department, tx } = setup(current);
    await expect(department.accept(WORKS, 'g-1')).rejects.toMatchObject({ code: 'not_found', message: 'matter g-1 not found' });
    expect(tx.events).toEqual([]);
  });

  it('works an appeal while a rung has asked it to act', async () => {
    const { department } = setup(askedByBranch);
    await expect(department.accept(WORKS, askedByBranch.grievanceId)).resolves.toMatchObject({ status: 'in_progress', level: 'branch' });
  });
});
