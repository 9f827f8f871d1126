import { createEnvelope, Holder, TicketVerifiedV1, uuidv7 } from '@grievance/contracts';
import { PermanentEventError } from '@grievance/messaging';
import { fixedClock, payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { appealGrievance, hazardGrievance, ROUTING_DIRECTORY } from '../../test/unit-fixtures';
import type { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import type { DepartmentTopics } from '../directory/department-topics';
import type { DepartmentEntity } from '../directory/directory.entities';
import type { DirectoryRepository } from '../directory/directory.repository';
import type { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { ApplyVerification } from './apply-verification.use-case';
import { AssignToDepartment } from './assign-to-department.use-case';
import { CloseGrievance } from './close-grievance.use-case';
import { ReopenContested } from './reopen-contested.use-case';
import { ReopenGrievance } from './reopen-grievance.use-case';
import type { GrievanceEntity, GrievanceStatus } from './grievance.entity';
import type { GrievanceRepository } from './grievance.repository';

const GRID = { type: 'org_unit', id: 'xiangyun-yuhua-g1', name: 'Grid 1' } as const;

function setup(current: GrievanceEntity | null, departmentName: string | null = 'Municipal Works Bureau') {
  const tx = recordingTransaction();
  const grievances = strictMock<GrievanceRepository>({ findForUpdate: async () => current, save: async () => undefined }, 'grievances');
  const directory = strictMock<DirectoryRepository>(
    {
      department: async (code) => (departmentName ? ({ code, name: departmentName } as DepartmentEntity) : null),
      supervisingOffice: async (districtId) => (districtId === 'xiangyun' ? ({ code: 'xiangyun_supervision', name: 'Xiangyun Supervision Office' } as DepartmentEntity) : null),
    },
    'directory',
  );
  const topics = strictMock<DepartmentTopics>({ ensure: async () => undefined }, 'topics');
  const deadlines = strictMock<GrievanceDeadlines>({ arrive: async () => undefined, cancelAll: async () => undefined }, 'deadlines');
  const routing = strictMock<RoutingDirectoryCache>({ get: async () => ROUTING_DIRECTORY }, 'routing');
  const assign = new AssignToDepartment(directory, topics, grievances, deadlines, fixedClock(new Date()));
  return {
    tx,
    grievances,
    deadlines,
    verify: new ApplyVerification(grievances, assign, routing),
    reopen: new ReopenGrievance(grievances, assign, directory),
    close: new CloseGrievance(grievances, deadlines),
    reopenContested: new ReopenContested(grievances),
  };
}

const verdict = (payload: Partial<TicketVerifiedV1>) =>
  createEnvelope({
    topic: 'ticket.verified.v1',
    grievanceId: uuidv7(),
    actor: { id: 'gw-1', role: 'grid_worker' },
    correlationId: 'c-1',
    payload: { ticketId: uuidv7(), gridWorkerId: 'gw-1', verdict: 'confirmed', note: '', position: { lat: 28.66, lng: 115.82 }, attachmentIds: [], ...payload },
  });

const reopened = (reopenedTo: Holder) =>
  createEnvelope({ topic: 'grievance.reopened.v1', grievanceId: uuidv7(), actor: { id: 'worker-1', role: 'worker' }, correlationId: 'c-2', payload: { reason: 'still broken', reopenedTo } });

describe('the grid worker’s verdict on site', () => {
  it('links a duplicate to the grievance it repeats, naming the grid worker', async () => {
    const grievance = hazardGrievance({ status: 'routed', holder: GRID });
    const { verify, tx } = setup(grievance);
    const original = uuidv7();
    await expect(verify.execute(verdict({ verdict: 'duplicate', duplicateOf: original }), tx)).resolves.toBe('applied');
    expect(grievance.status).toBe('linked');
    expect(payloadsOn(tx, 'grievance.linked.v1')).toEqual([{ duplicateOf: original, reporterId: 'worker-1', linkedBy: { type: 'grid_worker', id: 'gw-1', name: 'gw-1' } }]);
  });

  it('rejects an invalid report with the grid worker’s note', async () => {
    const grievance = hazardGrievance({ status: 'routed', holder: GRID });
    const { verify, tx } = setup(grievance);
    await verify.execute(verdict({ verdict: 'invalid', note: ' no hole here, cover in place ' }), tx);
    expect(grievance.status).toBe('rejected');
    expect(payloadsOn(tx, 'grievance.rejected.v1')).toEqual([expect.objectContaining({ reason: 'no hole here, cover in place' })]);
  });

  it('passes the grid worker’s note on to the department with a confirmed report', async () => {
    const grievance = hazardGrievance({ status: 'routed', holder: GRID });
    const { verify, tx, deadlines } = setup(grievance);
    await verify.execute(verdict({ verdict: 'confirmed', note: 'deep, fence it off' }), tx);
    expect(payloadsOn(tx, 'grievance.assigned.v1')).toEqual([
      { holder: { type: 'department', id: 'municipal_works', name: 'Municipal Works Bureau' }, departmentCode: 'municipal_works', reason: 'verified_on_site', note: 'deep, fence it off' },
    ]);
    expect(deadlines.arrive).toHaveBeenCalledWith(tx, grievance, expect.objectContaining({ id: 'municipal_works' }), 'department', expect.objectContaining({ correlationId: 'c-1' }));
  });

  it('names the department by its code when the directory has no name for it', async () => {
    const grievance = hazardGrievance({ status: 'routed', holder: GRID });
    const { verify, tx } = setup(grievance, null);
    await verify.execute(verdict({}), tx);
    expect(grievance.holder).toEqual({ type: 'department', id: 'municipal_works', name: 'municipal_works' });
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.assigned.v1', 'department.municipal_works.issues.v1']);
  });

  it('dead-letters a confirmed report on a grievance without a department', async () => {
    const { verify, tx } = setup(hazardGrievance({ status: 'routed', departmentCode: null }));
    await expect(verify.execute(verdict({}), tx)).rejects.toThrow(PermanentEventError);
    expect(tx.events).toEqual([]);
  });
});

describe('a hazard reopened by its reporter', () => {
  it('goes back to the department the reopening names', async () => {
    const grievance = hazardGrievance({ status: 'closed', resolution: 'filled in' });
    const { reopen, tx } = setup(grievance, 'Highways Office');
    await expect(reopen.execute(reopened({ type: 'department', id: 'highways', name: 'Highways Office' }), tx)).resolves.toBe('applied');
    expect(grievance).toMatchObject({ status: 'assigned', departmentCode: 'highways', resolution: null });
    expect(payloadsOn(tx, 'grievance.assigned.v1')).toEqual([expect.objectContaining({ departmentCode: 'highways', reason: 'reopened', note: 'still broken' })]);
  });

  it('goes back to its own department when the reopening names no department', async () => {
    const grievance = hazardGrievance({ status: 'resolved' });
    const { reopen, tx } = setup(grievance);
    await reopen.execute(reopened(GRID), tx);
    expect(grievance.departmentCode).toBe('municipal_works');
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.assigned.v1', 'department.municipal_works.issues.v1']);
  });

  it.each<[string, GrievanceEntity]>([
    ['an appeal (it reopens on the chain)', appealGrievance('branch', { status: 'resolved' })],
    ['a grievance that never had a department', hazardGrievance({ status: 'resolved', departmentCode: null })],
  ])('leaves alone %s', async (_case, grievance) => {
    const { reopen, tx } = setup(grievance);
    await expect(reopen.execute(reopened(GRID), tx)).resolves.toBe('skipped');
    expect(tx.events).toEqual([]);
  });
});

describe('a hazard its reporter sends back a second time', () => {
  const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal Works Bureau' };

  it('goes up to the district’s supervising office, under supervision, saying who failed the reporter twice', async () => {
    const grievance = hazardGrievance({ status: 'resolved', reopenings: 1 });
    const { reopen, tx } = setup(grievance, 'Xiangyun Supervision Office');
    await expect(reopen.execute(reopened(DEPT), tx)).resolves.toBe('applied');
    expect(grievance).toMatchObject({ status: 'assigned', departmentCode: 'xiangyun_supervision', reopenings: 2, underSupervision: true });
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.referred-to-supervision.v1', 'grievance.assigned.v1', 'department.xiangyun_supervision.issues.v1']);
    expect(payloadsOn(tx, 'grievance.referred-to-supervision.v1')).toEqual([
      {
        fromHolder: DEPT,
        toHolder: { type: 'department', id: 'xiangyun_supervision', name: 'Xiangyun Supervision Office' },
        districtId: 'xiangyun',
        unsatisfiedRatings: 2,
        reason: 'still broken',
      },
    ]);
  });

  it('goes back to the same department when its district has no supervising office', async () => {
    const grievance = hazardGrievance({ status: 'resolved', reopenings: 1, districtId: 'binjiang' });
    const { reopen, tx } = setup(grievance);
    await reopen.execute(reopened(DEPT), tx);
    expect(grievance).toMatchObject({ departmentCode: 'municipal_works', reopenings: 2, underSupervision: false });
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.assigned.v1', 'department.municipal_works.issues.v1']);
  });
});

describe('a hazard whose invalid verdict the reporter contested', () => {
  const contested = (grievanceId: string) =>
    createEnvelope({
      topic: 'grievance.contested.v1',
      grievanceId,
      actor: { id: 'worker-1', role: 'worker' },
      correlationId: 'c-4',
      payload: { reporterId: 'worker-1', reason: 'the hole is still there', verdictBy: { type: 'grid_worker', id: 'gw-1', name: 'gw-1' } },
    });

  it.each<GrievanceStatus>(['rejected', 'closed'])('waits again for a grid worker’s verdict, from %s, and applies the next one', async (status) => {
    const grievance = hazardGrievance({ status, holder: GRID });
    const { reopenContested, verify, tx } = setup(grievance);
    await expect(reopenContested.execute(contested(grievance.grievanceId))).resolves.toBe('applied');
    expect(grievance.status).toBe('routed');
    await expect(verify.execute(verdict({ gridWorkerId: 'gw-2' }), tx)).resolves.toBe('applied');
    expect(payloadsOn(tx, 'grievance.assigned.v1')).toEqual([expect.objectContaining({ departmentCode: 'municipal_works', reason: 'verified_on_site' })]);
  });

  it.each<GrievanceStatus>(['routed', 'assigned', 'resolved'])('leaves a grievance that is %s alone', async (status) => {
    const grievance = hazardGrievance({ status });
    const { reopenContested } = setup(grievance);
    await expect(reopenContested.execute(contested(grievance.grievanceId))).resolves.toBe('skipped');
    expect(grievance.status).toBe(status);
  });
});

const closed = (grievanceId: string) =>
  createEnvelope({ topic: 'grievance.closed.v1', grievanceId, actor: { id: 'feedback', role: 'system' }, correlationId: 'c-3', payload: { outcome: 'resolved', rating: 'satisfied', slaMet: true } });

describe('a closed hazard', () => {
  it.each<GrievanceStatus>(['resolved', 'assigned', 'rejected'])('leaves every inbox and owes nothing more, from %s', async (status) => {
    const grievance = hazardGrievance({ status });
    const { close, tx, deadlines, grievances } = setup(grievance);
    await expect(close.execute(closed(grievance.grievanceId), tx)).resolves.toBe('applied');
    expect(grievance.status).toBe('closed');
    expect(grievances.save).toHaveBeenCalledWith(grievance);
    expect(deadlines.cancelAll).toHaveBeenCalledWith(tx, grievance.grievanceId);
  });

  it('is closed once, whatever the redeliveries', async () => {
    for (const current of [hazardGrievance({ status: 'closed' }), null]) {
      const { close, tx, deadlines } = setup(current);
      await expect(close.execute(closed(uuidv7()), tx)).resolves.toBe('skipped');
      expect(deadlines.cancelAll).not.toHaveBeenCalled();
    }
  });
});
