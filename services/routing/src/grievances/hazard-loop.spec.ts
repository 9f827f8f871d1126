import { createEnvelope, EventEnvelope, TicketVerifiedV1, uuidv7 } from '@grievance/contracts';
import { OutboxTransaction, PermanentEventError } from '@grievance/messaging';
import { Clock } from '@grievance/platform';
import type { EntityManager } from 'typeorm';
import type { DepartmentTopics } from '../directory/department-topics';
import type { DirectoryRepository } from '../directory/directory.repository';
import type { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { ApplyVerification } from './apply-verification.use-case';
import { AssignToDepartment } from './assign-to-department.use-case';
import { ReopenGrievance } from './reopen-grievance.use-case';
import { GrievanceEntity, GrievanceStatus } from './grievance.entity';
import type { GrievanceRepository } from './grievance.repository';
import type { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ROUTING_DIRECTORY } from '../../test/unit-fixtures';

const GRIEVANCE = uuidv7();

function grievance(status: GrievanceStatus): GrievanceEntity {
  return Object.assign(new GrievanceEntity(), {
    grievanceId: GRIEVANCE,
    trackingNo: 'NC-20261123-000001',
    kind: 'hazard',
    category: 'manhole_cover_missing',
    title: 'Missing cover',
    description: '',
    urgency: 'normal',
    location: { lat: 28.66, lng: 115.82 },
    attachmentIds: [],
    reporterId: 'worker-1',
    districtId: 'xiangyun',
    gridId: 'xiangyun-yuhua-g1',
    departmentCode: 'municipal_works',
    holder: { type: 'org_unit', id: 'xiangyun-yuhua-g1', name: 'Grid 1' },
    status,
    fallback: false,
    resolution: null,
    submittedAt: new Date(),
  });
}

function setup(current: GrievanceEntity | null) {
  const saved: GrievanceEntity[] = [];
  const grievances = {
    findForUpdate: jest.fn().mockResolvedValue(current),
    save: jest.fn(async (m: GrievanceEntity) => {
      saved.push({ ...m });
    }),
  } as unknown as GrievanceRepository;
  const directory = {
    department: jest.fn(async (code: string) => ({ code, name: code === 'fire' ? 'Fire Brigade' : 'Municipal Works Bureau' })),
  } as unknown as DirectoryRepository;
  const topics = { ensure: jest.fn().mockResolvedValue(undefined) } as unknown as DepartmentTopics;
  const published: { topic: string; envelope: EventEnvelope }[] = [];
  const tx = {
    manager: {} as EntityManager,
    publish: jest.fn(async (topic: string, envelope: EventEnvelope) => {
      published.push({ topic, envelope });
    }),
  } as unknown as OutboxTransaction;
  const deadlines = { arrive: jest.fn().mockResolvedValue(undefined) } as unknown as GrievanceDeadlines;
  const routing = { get: async () => ROUTING_DIRECTORY } as unknown as RoutingDirectoryCache;
  const assign = new AssignToDepartment(directory, topics, grievances, deadlines, new Clock());
  return { saved, published, tx, topics, deadlines, verify: new ApplyVerification(grievances, assign, routing), reopen: new ReopenGrievance(grievances, assign, directory) };
}

const verified = (payload: Partial<TicketVerifiedV1>) =>
  createEnvelope({
    topic: 'ticket.verified.v1',
    grievanceId: GRIEVANCE,
    actor: { id: 'gw-1', role: 'grid_worker' },
    correlationId: 'c-1',
    payload: {
      ticketId: uuidv7(),
      gridWorkerId: 'gw-1',
      verdict: 'confirmed',
      note: '',
      position: { lat: 28.66, lng: 115.82 },
      attachmentIds: [],
      ...payload,
    },
  });

describe('ApplyVerification', () => {
  it('hands a confirmed grievance to its department: assigned, then the issue on its topic', async () => {
    const { verify, tx, published, saved, topics, deadlines } = setup(grievance('routed'));
    await expect(verify.execute(verified({ verdict: 'confirmed' }), tx)).resolves.toBe('applied');
    expect(topics.ensure).toHaveBeenCalledWith(['municipal_works']);
    expect(published.map((p) => p.topic)).toEqual(['grievance.assigned.v1', 'department.municipal_works.issues.v1']);
    expect(published[0]!.envelope.payload).toEqual({
      holder: { type: 'department', id: 'municipal_works', name: 'Municipal Works Bureau' },
      departmentCode: 'municipal_works',
      reason: 'verified_on_site',
    });
    expect(saved[0]).toMatchObject({ status: 'assigned', holder: { type: 'department' } });
    expect(deadlines.arrive).toHaveBeenCalledWith(tx, expect.objectContaining({ grievanceId: GRIEVANCE }), expect.objectContaining({ id: 'municipal_works' }), 'department', expect.anything());
  });

  it('hands a grievance whose category the check corrected to the department owning the corrected category, which keeps it', async () => {
    const { verify, tx, published, saved, topics, deadlines } = setup(grievance('routed'));
    await expect(verify.execute(verified({ verdict: 'confirmed', correctedCategory: 'fire_hazard' }), tx)).resolves.toBe('applied');
    expect(topics.ensure).toHaveBeenCalledWith(['fire']);
    expect(published.map((p) => p.topic)).toEqual(['grievance.assigned.v1', 'department.fire.issues.v1']);
    expect(published[0]!.envelope.payload).toMatchObject({ holder: { type: 'department', id: 'fire' }, departmentCode: 'fire', reason: 'verified_on_site' });
    expect(published[1]!.envelope.payload).toMatchObject({ category: 'fire_hazard' });
    expect(saved[0]).toMatchObject({ status: 'assigned', category: 'fire_hazard', departmentCode: 'fire' });
    expect(deadlines.arrive).toHaveBeenCalledWith(tx, expect.anything(), expect.objectContaining({ id: 'fire' }), 'department', expect.anything());
  });

  it('hands a grievance to the department the check named, whatever its category', async () => {
    const { verify, tx, published, saved } = setup(grievance('routed'));
    await verify.execute(verified({ verdict: 'confirmed', correctedDepartment: 'fire' }), tx);
    expect(published[0]!.envelope.payload).toMatchObject({ departmentCode: 'fire' });
    expect(saved[0]).toMatchObject({ category: 'manhole_cover_missing', departmentCode: 'fire' });
  });

  it('rejects an invalid one with a reason even when the note is blank', async () => {
    const { verify, tx, published } = setup(grievance('routed'));
    await verify.execute(verified({ verdict: 'invalid', note: '  ' }), tx);
    expect(published).toHaveLength(1);
    expect(published[0]!.topic).toBe('grievance.rejected.v1');
    expect(published[0]!.envelope.payload).toMatchObject({ reason: '网格员现场核查，问题不属实' });
  });

  it('dead-letters a duplicate verdict without duplicateOf', async () => {
    const { verify, tx, published } = setup(grievance('routed'));
    await expect(verify.execute(verified({ verdict: 'duplicate' }), tx)).rejects.toThrow(PermanentEventError);
    expect(published).toHaveLength(0);
  });

  it('dead-letters a verdict on a grievance routing never routed', async () => {
    const { verify, tx } = setup(null);
    await expect(verify.execute(verified({}), tx)).rejects.toThrow(PermanentEventError);
  });

  it('changes nothing when the grievance is no longer waiting for a verdict', async () => {
    const { verify, tx, published, saved } = setup(grievance('assigned'));
    await expect(verify.execute(verified({}), tx)).resolves.toBe('skipped');
    expect(published).toHaveLength(0);
    expect(saved).toHaveLength(0);
  });
});

describe('ReopenGrievance', () => {
  const reopened = createEnvelope({
    topic: 'grievance.reopened.v1',
    grievanceId: GRIEVANCE,
    actor: { id: 'worker-1', role: 'worker' },
    correlationId: 'c-2',
    payload: { reason: 'still broken', reopenedTo: { type: 'department', id: 'municipal_works', name: 'Works' } },
  });

  it('puts a resolved grievance back in the department inbox', async () => {
    const { reopen, tx, published, saved } = setup(grievance('resolved'));
    await expect(reopen.execute(reopened, tx)).resolves.toBe('applied');
    expect(saved[0]).toMatchObject({ status: 'assigned', resolution: null });
    expect(published[0]!.envelope.payload).toMatchObject({ reason: 'reopened', note: 'still broken' });
  });

  it('ignores a grievance that is not resolved, or not routing’s', async () => {
    for (const current of [grievance('in_progress'), null]) {
      const { reopen, tx, published } = setup(current);
      await expect(reopen.execute(reopened, tx)).resolves.toBe('skipped');
      expect(published).toHaveLength(0);
    }
  });
});
