import type { Principal } from '@grievance/auth';
import { fixedClock, payloadsOn, recordingOutbox, strictMock } from '@grievance/testing/unit';
import { appealGrievance, departmentUser, rungOf, rungUser } from '../../test/unit-fixtures';
import type { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import type { DepartmentTopics } from '../directory/department-topics';
import type { DepartmentEntity } from '../directory/directory.entities';
import type { DirectoryRepository } from '../directory/directory.repository';
import type { GrievanceEntity, GrievanceStatus } from '../grievances/grievance.entity';
import type { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves } from './chain-moves';
import { AcknowledgeGrievance } from './acknowledge-grievance.use-case';
import { AskDepartment } from './ask-department.use-case';
import { AskReporter } from './ask-reporter.use-case';
import { EscalateGrievance } from './escalate-grievance.use-case';
import { ResumeGrievance } from './resume-grievance.use-case';
import { rungInbox, rungOf as rungOfCaller } from './rung-rules';
import { ResolveGrievance } from '../grievances/resolve-grievance.use-case';
import { ReturnGrievance } from '../grievances/return-grievance.use-case';
import type { RoutingConfig } from '../config';
import type { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import type { DepartmentBounce } from '../grievances/department-bounce';

const LABOUR = { code: 'labour_bureau', name: 'Labour Bureau' } as DepartmentEntity;

/** `clocks`: what pausing and resuming the grievance's deadlines answer (how many stopped or ran again; false: already waiting). */
function setup(current: GrievanceEntity | null, clocks: { paused?: number | false; resumed?: number } = {}) {
  const { outbox, tx } = recordingOutbox();
  const grievances = strictMock<GrievanceRepository>(
    { findForUpdate: async () => current, save: async () => undefined, rungInbox: async () => (current ? [current] : []) },
    'grievances',
  );
  const moves = strictMock<ChainMoves>({ publish: ChainMoves.prototype.publish, escalate: async () => rungOf('branch'), returnDown: async () => rungOf('member') }, 'moves');
  const deadlines = strictMock<GrievanceDeadlines>(
    {
      responded: async () => undefined,
      resolved: async () => undefined,
      pause: async () => clocks.paused ?? 2,
      resume: async () => clocks.resumed ?? 2,
    },
    'deadlines',
  );
  const directory = strictMock<DirectoryRepository>({ department: async (code) => (code === LABOUR.code ? LABOUR : null) }, 'directory');
  const topics = strictMock<DepartmentTopics>({ ensure: async () => undefined }, 'topics');
  const unused = { routing: strictMock<RoutingDirectoryCache>({}, 'routing'), bounce: strictMock<DepartmentBounce>({}, 'bounce'), config: strictMock<RoutingConfig>({}, 'config') };
  const rung = {
    inbox: (principal: Principal, limit: number) => rungInbox(grievances, principal, limit),
    acknowledge: (principal: Principal, id: string) => new AcknowledgeGrievance(outbox, grievances, moves, deadlines).execute(principal, id),
    resolve: (principal: Principal, id: string, resolution: string, attachmentIds: string[]) => new ResolveGrievance(outbox, grievances, deadlines, moves).execute(principal, id, resolution, attachmentIds),
    escalate: (principal: Principal, id: string, reason: string) => new EscalateGrievance(outbox, grievances, moves).execute(principal, id, reason),
    returnDown: (principal: Principal, id: string, reason: string, attachmentIds: string[] = []) =>
      new ReturnGrievance(outbox, grievances, moves, unused.routing, unused.bounce, unused.config).execute(principal, id, reason, attachmentIds),
    assignDepartment: (principal: Principal, id: string, code: string, note: string) => new AskDepartment(outbox, grievances, moves, deadlines, directory, topics, fixedClock(new Date())).execute(principal, id, code, note),
    askReporter: (principal: Principal, id: string, question: string) => new AskReporter(outbox, grievances, moves, deadlines).execute(principal, id, question),
    resumeWithAnswer: (principal: Principal, id: string, answer: string) => new ResumeGrievance(outbox, grievances, moves, deadlines).execute(principal, id, answer),
  };
  return { tx, grievances, moves, deadlines, topics, rung };
}

describe('who may work an appeal', () => {
  it.each<[string, Principal]>([
    ['a department', departmentUser('labour_bureau')],
    ['a worker', { sub: 'rider-7', role: 'worker' }],
    ['a rung without its unit', { sub: 'x', role: 'branch' }],
  ])('refuses %s the chain’s inbox and actions', async (_who, principal) => {
    expect(() => rungOfCaller(principal)).toThrow(expect.objectContaining({ code: 'forbidden', message: 'only a rung of the escalation chain has this inbox' }));
    const { rung } = setup(appealGrievance('branch'));
    await expect(rung.inbox(principal, 10)).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => rung.escalate(principal, 'g-1', 'up')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('gives a rung the inbox of its own unit', async () => {
    const { rung, grievances } = setup(appealGrievance('branch'));
    await expect(rung.inbox(rungUser('branch'), 10)).resolves.toHaveLength(1);
    expect(grievances.rungInbox).toHaveBeenCalledWith('br-1', 10);
  });

  it.each<[string, GrievanceEntity | null, Principal]>([
    ['does not exist', null, rungUser('branch')],
    ['another branch owns', appealGrievance('branch'), rungUser('branch', 'br-2')],
    ['its unit owns at another rung', appealGrievance('branch', { level: 'member' }), rungUser('branch')],
  ])('answers "not found" for a grievance that %s, and changes nothing', async (_case, current, principal) => {
    const { rung, tx, grievances } = setup(current);
    await expect(rung.acknowledge(principal, 'g-1')).rejects.toMatchObject({ code: 'not_found', message: 'grievance g-1 not found' });
    expect(grievances.save).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it.each<GrievanceStatus>(['resolved', 'closed', 'rejected', 'linked'])('refuses any action on a %s grievance', async (status) => {
    const { rung, tx } = setup(appealGrievance('branch', { status }));
    await expect(rung.escalate(rungUser('branch'), 'g-1', 'up')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`the grievance is ${status}`) });
    expect(tx.events).toEqual([]);
  });
});

describe('what a rung does with the appeal it owns', () => {
  it('acknowledges a new one: it is in progress and the worker hears so', async () => {
    const grievance = appealGrievance('branch', { status: 'routed' });
    const { rung, tx, deadlines } = setup(grievance);
    await expect(rung.acknowledge(rungUser('branch'), grievance.grievanceId)).resolves.toMatchObject({ status: 'in_progress' });
    expect(deadlines.responded).toHaveBeenCalledWith(tx, grievance.grievanceId);
    expect(payloadsOn(tx, 'grievance.accepted.v1')).toEqual([{ holder: rungOf('branch') }]);
  });

  it('refuses to acknowledge one twice', async () => {
    const { rung, tx } = setup(appealGrievance('branch', { status: 'in_progress' }));
    await expect(rung.acknowledge(rungUser('branch'), 'g-1')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('only a grievance waiting for its rung') });
    expect(tx.events).toEqual([]);
  });

  it('resolves it, taking it back from a department it asked to act', async () => {
    const grievance = appealGrievance('branch', { status: 'assigned', departmentCode: 'labour_bureau', holder: { type: 'department', id: 'labour_bureau', name: 'Labour Bureau' } });
    const { rung, tx, deadlines } = setup(grievance);
    await rung.resolve(rungUser('branch'), grievance.grievanceId, 'wages paid', []);
    expect(grievance).toMatchObject({ status: 'resolved', resolution: 'wages paid', holder: rungOf('branch') });
    expect(deadlines.resolved).toHaveBeenCalledWith(tx, grievance.grievanceId);
    expect(payloadsOn(tx, 'grievance.resolved.v1')).toEqual([{ resolvedBy: rungOf('branch'), resolution: 'wages paid', attachmentIds: [] }]);
  });

  it('escalates it by hand and returns it down, with the caller as the actor', async () => {
    const grievance = appealGrievance('branch');
    const { rung, moves, tx } = setup(grievance);
    await rung.escalate(rungUser('branch'), grievance.grievanceId, 'needs the committee');
    expect(moves.escalate).toHaveBeenCalledWith(tx, grievance, 'by_hand', 'needs the committee', expect.objectContaining({ actor: { id: 'branch-user', role: 'branch' } }));
    await rung.returnDown(rungUser('branch'), grievance.grievanceId, 'ask the rider', ['a-1']);
    expect(moves.returnDown).toHaveBeenCalledWith(tx, grievance, 'ask the rider', ['a-1'], expect.anything());
  });

  it('asks a department to act: the department holds it, the rung stays the owner', async () => {
    const grievance = appealGrievance('branch');
    const { rung, tx, topics, deadlines } = setup(grievance);
    await rung.assignDepartment(rungUser('branch'), grievance.grievanceId, 'labour_bureau', 'unpaid wages since May');
    const held = { type: 'department', id: 'labour_bureau', name: 'Labour Bureau' };
    expect(grievance).toMatchObject({ status: 'assigned', departmentCode: 'labour_bureau', holder: held, owner: rungOf('branch'), level: 'branch' });
    expect(topics.ensure).toHaveBeenCalledWith(['labour_bureau']);
    expect(deadlines.responded).toHaveBeenCalledWith(tx, grievance.grievanceId);
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.assigned.v1', 'department.labour_bureau.issues.v1']);
    expect(payloadsOn(tx, 'grievance.assigned.v1')).toEqual([{ holder: held, departmentCode: 'labour_bureau', reason: 'assigned_by_rung', note: 'unpaid wages since May' }]);
    expect(payloadsOn(tx, 'department.labour_bureau.issues.v1')).toEqual([expect.objectContaining({ trackingNo: grievance.trackingNo, departmentCode: 'labour_bureau' })]);
  });

  it('refuses a department the directory does not have, naming the field', async () => {
    const grievance = appealGrievance('branch');
    const { rung, tx, grievances } = setup(grievance);
    await expect(rung.assignDepartment(rungUser('branch'), grievance.grievanceId, 'ghost_office', '')).rejects.toMatchObject({
      code: 'invalid',
      message: 'departmentCode ghost_office is not a department of the directory',
      details: { field: 'departmentCode' },
    });
    expect(grievances.save).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it('asks the reporter something, stopping its clocks, but not twice', async () => {
    const grievance = appealGrievance('branch');
    const asking = setup(grievance, { paused: 2 });
    await asking.rung.askReporter(rungUser('branch'), grievance.grievanceId, 'Which month?');
    expect(payloadsOn(asking.tx, 'grievance.paused.v1')).toEqual([{ holder: rungOf('branch'), question: 'Which month?' }]);
    const again = setup(grievance, { paused: false });
    await expect(again.rung.askReporter(rungUser('branch'), grievance.grievanceId, 'And the year?')).rejects.toMatchObject({
      code: 'conflict',
      message: 'the grievance is already waiting for the reporter',
    });
    expect(again.tx.events).toEqual([]);
  });

  it('resumes with an answer taken by phone, only while waiting for one', async () => {
    const grievance = appealGrievance('branch');
    const waiting = setup(grievance, { resumed: 2 });
    await waiting.rung.resumeWithAnswer(rungUser('branch'), grievance.grievanceId, 'May and June');
    expect(payloadsOn(waiting.tx, 'grievance.replied.v1')).toEqual([{ reporterId: 'worker-1', message: 'May and June', resumedBy: rungOf('branch') }]);
    const notWaiting = setup(grievance, { resumed: 0 });
    await expect(notWaiting.rung.resumeWithAnswer(rungUser('branch'), grievance.grievanceId, 'May')).rejects.toMatchObject({
      code: 'conflict',
      message: 'the grievance is not waiting for the reporter',
    });
  });
});
