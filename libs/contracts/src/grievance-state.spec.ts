import { createEnvelope, EventEnvelope } from './envelope';
import {
  grievanceStateAfter,
  grievanceStateAfterEnvelope,
  grievanceStateOf,
  GrievanceState,
  holdersNamedBy,
  submittedGrievanceState,
  topicOfEnvelope,
} from './grievance-state';
import { CatalogueTopic, CATALOGUE_TOPICS, PayloadOf } from './topics';

const G = '0195a8c4-1b2c-7d3e-8f40-123456789abc';
const T0 = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
const OTHER_DEPT = { type: 'department' as const, id: 'urban_management', name: 'Urban management' };
const GRID = { type: 'org_unit' as const, id: 'grid-1', name: 'Grid 1' };
const MEMBER = { type: 'member' as const, id: 'mb-1', name: 'Member 1', level: 'member' as const };
const BRANCH = { type: 'org_unit' as const, id: 'br-1', name: 'Branch 1', level: 'branch' as const };
const TOP = { type: 'org_unit' as const, id: 'tnc', name: 'Two-New Committee', level: 'two_new_committee' as const };
const GRID_WORKER = { type: 'grid_worker' as const, id: 'gw-1' };

type Event = [CatalogueTopic, EventEnvelope];

function event<T extends CatalogueTopic>(topic: T, minutes: number, payload: PayloadOf<T>): Event {
  return [topic, createEnvelope<T>({ topic, grievanceId: G, actor: { id: 'x', role: 'system' }, correlationId: 'c', occurredAt: at(minutes), payload } as never)];
}

const initial = submittedGrievanceState(T0);
const replay = (events: Event[], from: GrievanceState = initial) =>
  events.reduce((state, [topic, e]) => grievanceStateAfter(state, topic, e as EventEnvelope<never>), from);

const deadline = (minutes: number, holder: typeof BRANCH | typeof TOP | typeof DEPT, level?: 'branch' | 'two_new_committee') => ({
  deadlineId: 'd',
  target: 'resolve' as const,
  holder,
  ...(level ? { level } : {}),
  startedAt: at(0).toISOString(),
  dueAt: at(minutes - 1).toISOString(),
  firedAt: at(minutes).toISOString(),
  budgetMs: 1,
});

/** A hazard's whole loop, with a reopening. */
const HAZARD = {
  submitted: event('grievance.submitted.v1', 0, {
    trackingNo: 'NC-1',
    kind: 'hazard',
    category: 'road_damage',
    title: 't',
    description: 'd',
    urgency: 'normal',
    attachmentIds: [],
    reporter: { id: 'w-1' },
    submittedAt: at(0).toISOString(),
  }),
  routed: event('grievance.routed.v1', 1, { kind: 'hazard', category: 'road_damage', holder: GRID, fallback: false, gridId: 'grid-1' }),
  dispatched: event('ticket.dispatched.v1', 2, { ticketId: G, gridId: 'grid-1', gridWorkerId: 'gw-1', attempt: 1 }),
  accepted: event('ticket.accepted.v1', 3, { ticketId: G, gridWorkerId: 'gw-1' }),
  verified: event('ticket.verified.v1', 4, { ticketId: G, gridWorkerId: 'gw-1', verdict: 'confirmed', note: '', position: { lat: 28.6, lng: 115.8 }, attachmentIds: [] }),
  assigned: event('grievance.assigned.v1', 5, { holder: DEPT, departmentCode: 'municipal_works', reason: 'verified_on_site' }),
  deptAccepted: event('grievance.accepted.v1', 6, { holder: DEPT }),
  resolved: event('grievance.resolved.v1', 7, { resolvedBy: DEPT, resolution: 'fixed', attachmentIds: [] }),
  rated: event('feedback.rated.v1', 8, { reporterId: 'w-1', rating: 'unsatisfied' }),
  reopened: event('grievance.reopened.v1', 9, { reason: 'still broken', reopenedTo: DEPT }),
  reassigned: event('grievance.assigned.v1', 10, { holder: DEPT, departmentCode: 'municipal_works', reason: 'reopened' }),
  resolvedAgain: event('grievance.resolved.v1', 11, { resolvedBy: DEPT, resolution: 'fixed properly', attachmentIds: [] }),
  closed: event('grievance.closed.v1', 12, { outcome: 'resolved', rating: 'satisfied', slaMet: true }),
};
const LOOP = Object.values(HAZARD);

describe('the grievance state', () => {
  it('follows a hazard through its loop, event by event', () => {
    const steps: Array<[keyof typeof HAZARD, Partial<GrievanceState>]> = [
      ['submitted', { status: 'submitted', holder: null }],
      ['routed', { status: 'routed', holder: GRID, level: null }],
      ['dispatched', { status: 'dispatched', holder: GRID_WORKER }],
      ['accepted', { status: 'accepted', holder: GRID_WORKER }],
      ['verified', { status: 'accepted', holder: GRID_WORKER }],
      ['assigned', { status: 'verified', holder: DEPT }],
      ['deptAccepted', { status: 'in_progress', holder: DEPT }],
      ['resolved', { status: 'resolved', holder: DEPT }],
      ['rated', { status: 'resolved', holder: DEPT }],
      ['reopened', { status: 'in_progress', holder: DEPT, reopenedAt: at(9) }],
      ['reassigned', { status: 'in_progress', holder: DEPT }],
      ['resolvedAgain', { status: 'resolved', holder: DEPT }],
      ['closed', { status: 'closed', holder: null, level: null, underSupervision: false }],
    ];
    let state = initial;
    for (const [name, expected] of steps) {
      state = replay([HAZARD[name]], state);
      expect({ step: name, ...state }).toMatchObject({ step: name, ...expected });
    }
  });

  it('names the holder one way whatever the payload called it: holder, toHolder, reopenedTo, resolvedBy, a grid worker id', () => {
    expect(replay([HAZARD.routed]).holder).toEqual(GRID);
    expect(replay([HAZARD.dispatched]).holder).toEqual({ type: 'grid_worker', id: 'gw-1' });
    expect(replay([HAZARD.reopened]).holder).toEqual(DEPT);
    expect(replay([HAZARD.resolved]).holder).toEqual(DEPT);
    const returned = event('grievance.department-returned.v1', 1, {
      fromHolder: DEPT,
      toHolder: OTHER_DEPT,
      departmentCode: OTHER_DEPT.id,
      reason: 'not ours',
      bounces: 1,
      arbitration: false,
      attachmentIds: [],
    });
    const transferred = event('grievance.transferred.v1', 2, { fromHolder: OTHER_DEPT, toHolder: DEPT, departmentCode: DEPT.id, reason: 'theirs', bounces: 2, arbitration: false });
    expect(replay([returned]).holder).toEqual(OTHER_DEPT);
    expect(replay([returned, transferred])).toMatchObject({ holder: DEPT, status: 'submitted' });
    // Only the fields of a holder: a class instance or extra keys do not leak into the state.
    const routed = event('grievance.routed.v1', 1, { kind: 'hazard', category: 'c', holder: { ...GRID, extra: 1 } as typeof GRID, fallback: false });
    expect(replay([routed]).holder).toEqual(GRID);
  });

  it('ends the holding when the grievance is rejected or closed', () => {
    const rejected = event('grievance.rejected.v1', 4, { rejectedBy: { ...GRID_WORKER, name: 'gw-1' }, reason: 'nothing there' });
    expect(replay([HAZARD.routed, HAZARD.dispatched, rejected])).toMatchObject({ status: 'rejected', holder: null });
    expect(replay([HAZARD.routed, rejected, event('grievance.closed.v1', 5, { outcome: 'rejected', slaMet: true })])).toMatchObject({ status: 'closed', holder: null });
  });

  it('says a fallback owner holds a routed grievance, and a department acting for a rung or sent on by another works on it', () => {
    const fallback = event('grievance.assigned.v1', 1, { holder: DEPT, departmentCode: DEPT.id, reason: 'fallback' });
    expect(replay([fallback])).toMatchObject({ status: 'routed', holder: DEPT });
    for (const reason of ['assigned_by_rung', 'returned', 'transferred'] as const) {
      const assigned = event('grievance.assigned.v1', 2, { holder: DEPT, departmentCode: DEPT.id, reason });
      expect(replay([assigned], { ...initial, status: 'routed' })).toMatchObject({ status: 'in_progress', holder: DEPT });
    }
  });

  it('keeps a department acting for a rung at that rung', () => {
    const routed = event('grievance.routed.v1', 1, { kind: 'appeal', category: 'wage_dispute', holder: BRANCH, level: 'branch', fallback: false });
    const referred = event('grievance.assigned.v1', 2, { holder: DEPT, departmentCode: DEPT.id, reason: 'assigned_by_rung', note: 'check the meal prices' });
    expect(replay([routed, referred])).toMatchObject({ status: 'in_progress', holder: DEPT, level: 'branch' });
  });

  it('follows an appeal up and down the chain, and under supervision when told so', () => {
    const routed = event('grievance.routed.v1', 1, { kind: 'appeal', category: 'wage_dispute', holder: MEMBER, level: 'member', fallback: false });
    const escalated = event('grievance.escalated.v1', 2, { fromLevel: 'member', toLevel: 'branch', fromHolder: MEMBER, toHolder: BRANCH, reason: 'late', automatic: true });
    const returned = event('grievance.returned.v1', 3, { fromLevel: 'branch', toLevel: 'member', fromHolder: BRANCH, toHolder: MEMBER, reason: 'ask the rider', bounces: 1 });
    const supervised = event('grievance.supervised.v1', 4, { holder: TOP, level: 'two_new_committee', cause: 'deadline_missed', reason: 'late' });
    expect(replay([routed])).toMatchObject({ status: 'routed', holder: MEMBER, level: 'member', underSupervision: false });
    expect(replay([routed, escalated])).toMatchObject({ status: 'routed', holder: BRANCH, level: 'branch' });
    expect(replay([routed, escalated, returned])).toMatchObject({ holder: MEMBER, level: 'member', underSupervision: false });
    expect(replay([routed, escalated, returned, supervised])).toMatchObject({ holder: MEMBER, level: 'member', underSupervision: true });
  });

  it('counts the rounds of supervision (督办): the highest round seen, in any order; an event without a round is round 1', () => {
    const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal Works' };
    const OFFICE = { type: 'department' as const, id: 'xiangyun_supervision', name: 'Xiangyun supervising office' };
    const round = (n: number, t: number) =>
      event('grievance.supervised.v1', t, {
        holder: DEPT,
        cause: n === 1 ? 'department_deadline_missed' : 'follow_up_missed',
        reason: 'late',
        supervisor: OFFICE,
        round: n,
        followUpDueAt: at(t + 1).toISOString(),
        districtId: 'xiangyun',
      });
    expect(replay([]).supervisionRound).toBe(0);
    expect(replay([event('grievance.supervised.v1', 4, { holder: TOP, level: 'two_new_committee', cause: 'deadline_missed', reason: 'late' })])).toMatchObject({ underSupervision: true, supervisionRound: 1 });
    expect(replay([round(1, 4), round(2, 6)])).toMatchObject({ underSupervision: true, supervisionRound: 2 });
    expect(replay([round(3, 8), round(1, 4), round(2, 6), round(2, 6)]).supervisionRound).toBe(3);
    // The supervising unit does not take the grievance: the department still holds it.
    expect(holdersNamedBy(round(2, 6)[1])).toEqual({ holder: DEPT });
  });

  it('takes the rung of a reopening from the event, else from the holder it names', () => {
    const resolved = { ...initial, status: 'resolved' as const, statusAt: at(5) };
    expect(replay([event('grievance.reopened.v1', 6, { reason: 'r', reopenedTo: MEMBER, level: 'member' })], resolved)).toMatchObject({ status: 'in_progress', level: 'member' });
    expect(replay([event('grievance.reopened.v1', 6, { reason: 'r', reopenedTo: BRANCH })], resolved)).toMatchObject({ holder: BRANCH, level: 'branch' });
  });

  it('puts a grievance under supervision once the top rung misses its deadline, and keeps it there', () => {
    expect(replay([event('sla.breached.v1', 3, deadline(3, BRANCH, 'branch'))]).underSupervision).toBe(false);
    expect(replay([event('sla.breached.v1', 3, deadline(3, TOP, 'two_new_committee'))]).underSupervision).toBe(true);
    expect(replay([event('sla.breached.v1', 3, deadline(3, TOP))]).underSupervision).toBe(true);
    expect(replay([event('sla.warned.v1', 3, deadline(3, TOP, 'two_new_committee'))]).underSupervision).toBe(false);
    expect(replay([event('sla.breached.v1', 3, deadline(3, TOP)), ...LOOP]).underSupervision).toBe(true);
  });

  it('changes nothing for the topics that say nothing about the state', () => {
    const routed = replay([HAZARD.routed]);
    const quiet: Event[] = [
      event('grievance.paused.v1', 2, { holder: GRID, question: 'where exactly?' }),
      event('grievance.replied.v1', 3, { reporterId: 'w-1', message: 'at the corner', resumedBy: DEPT }),
      event('grievance.linked.v1', 4, { duplicateOf: G, reporterId: 'w-2', linkedBy: GRID }),
      event('feedback.rated.v1', 5, { reporterId: 'w-1', rating: 'satisfied' }),
      event('sla.warned.v1', 6, deadline(6, DEPT)),
      // A deadline starting (even a top rung's, or another holder's) moves nothing: the move that caused it does.
      event('sla.started.v1', 6, { deadlineId: 'd-top', target: 'resolve', subject: 'grievance', holder: TOP, level: 'two_new_committee', policyId: 'p', policyVersion: 1, startedAt: at(6).toISOString(), budgetMs: 1000 }),
      event('sla.policy-changed.v1', 7, { kind: 'policy', id: 'p', action: 'put', version: 1 }),
      event('points.awarded.v1', 8, { entryId: G, workerId: 'w-1', points: 10, reason: 'verified' }),
      event('directory.entry-changed.v1', 9, { kind: 'grid', id: 'grid-1', version: 1, retired: false, changedAt: at(9).toISOString() }),
      event('ticket.verified.v1', 10, { ticketId: G, gridWorkerId: 'gw-1', verdict: 'duplicate', note: '', position: { lat: 1, lng: 1 }, attachmentIds: [], duplicateOf: G }),
    ];
    expect(replay(quiet, routed)).toEqual(routed);
  });

  it('knows every topic of the catalogue by its envelope’s type and version', () => {
    const seen = new Set<CatalogueTopic>();
    for (const topic of CATALOGUE_TOPICS) {
      expect(topicOfEnvelope({ type: topic.replace(/\.v1$/, ''), version: 1 })).toBe(topic);
      seen.add(topic);
    }
    expect(seen.size).toBe(CATALOGUE_TOPICS.length);
  });

  it('leaves the state as it was for a topic it does not know', () => {
    const routed = replay([HAZARD.routed]);
    const issue = createEnvelope({
      topic: 'department.municipal_works.issues.v1',
      grievanceId: G,
      actor: { id: 'x', role: 'system' },
      correlationId: 'c',
      occurredAt: at(5),
      payload: { trackingNo: 'NC-1', kind: 'hazard', category: 'c', title: 't', description: 'd', urgency: 'normal', attachmentIds: [], departmentCode: 'municipal_works', routedAt: at(5).toISOString() },
    });
    expect(grievanceStateAfter(routed, 'department.municipal_works.issues.v1' as CatalogueTopic, issue as never)).toEqual(routed);
    expect(grievanceStateAfterEnvelope(routed, { ...issue, type: 'grievance.invented', version: 1 })).toEqual(routed);
    expect(grievanceStateAfterEnvelope(routed, { ...HAZARD.closed[1], version: 2 })).toEqual(routed);
    expect(topicOfEnvelope({ type: 'grievance.closed', version: 9 })).toBeUndefined();
  });

  describe('whatever order the events arrive in', () => {
    it('never moves a status backwards: a late ticket.dispatched after grievance.resolved changes nothing, nor moves the holder', () => {
      expect(replay([HAZARD.routed, HAZARD.resolved, HAZARD.dispatched])).toMatchObject({ status: 'resolved', holder: DEPT });
    });

    it('reaches the same state in any order', () => {
      const expected = replay(LOOP);
      for (let i = 0; i < 30; i += 1) {
        const shuffled = [...LOOP].sort(() => Math.random() - 0.5);
        expect(replay(shuffled)).toEqual(expected);
      }
      const open = LOOP.slice(0, -1);
      expect(replay(open).status).toBe('resolved');
      expect(replay([...open].reverse())).toEqual(replay(open));
    });

    it('lets a reopening bring a resolved grievance back, but not a stale resolution after it', () => {
      expect(replay([HAZARD.resolved, HAZARD.reopened]).status).toBe('in_progress');
      expect(replay([HAZARD.reopened, HAZARD.resolved])).toMatchObject({ status: 'in_progress', reopenedAt: at(9) });
      expect(replay([HAZARD.reopened, HAZARD.resolvedAgain]).status).toBe('resolved');
    });

    it('keeps the closed status final, and a rejection is not reopened', () => {
      expect(replay([HAZARD.closed, HAZARD.reopened]).status).toBe('closed');
      const rejected = event('grievance.rejected.v1', 8, { rejectedBy: DEPT, reason: 'not a hazard' });
      expect(replay([rejected, HAZARD.reopened]).status).toBe('rejected');
    });

    it('lets the rung follow the latest event that names one, even one whose status came too late', () => {
      const routed = event('grievance.routed.v1', 1, { kind: 'appeal', category: 'wage_dispute', holder: MEMBER, level: 'member', fallback: false });
      const accepted = event('grievance.accepted.v1', 2, { holder: MEMBER });
      expect(replay([accepted, routed])).toMatchObject({ status: 'in_progress', holder: MEMBER, level: 'member' });
      const escalated = event('grievance.escalated.v1', 3, { fromLevel: 'member', toLevel: 'branch', fromHolder: MEMBER, toHolder: BRANCH, reason: 'late', automatic: true });
      expect(replay([escalated, routed])).toMatchObject({ holder: BRANCH, level: 'branch' });
    });
  });

  describe('a contested invalid verdict (申请复核)', () => {
    const OFFICE = { type: 'department' as const, id: 'xiangyun_supervision', name: 'Xiangyun supervising office' };
    const invalid = event('ticket.verified.v1', 4, { ticketId: G, gridWorkerId: 'gw-1', verdict: 'invalid', note: 'nothing there', position: { lat: 1, lng: 1 }, attachmentIds: [] });
    const rejected = event('grievance.rejected.v1', 5, { rejectedBy: GRID_WORKER as never, reason: 'nothing there' });
    const closedRejected = event('grievance.closed.v1', 6, { outcome: 'rejected', slaMet: true });
    const contested = event('grievance.contested.v1', 20, { reporterId: 'w-1', reason: 'it is still open', verdictBy: { ...GRID_WORKER, name: 'gw-1' } });
    const redispatched = event('ticket.dispatched.v1', 21, { ticketId: G, gridId: 'grid-1', gridWorkerId: 'gw-2', attempt: 2 });
    const reaccepted = event('ticket.accepted.v1', 22, { ticketId: G, gridWorkerId: 'gw-2' });
    const confirmed = event('grievance.assigned.v1', 24, { holder: DEPT, departmentCode: 'municipal_works', reason: 'verified_on_site' });
    const rejectedAgain = event('grievance.rejected.v1', 24, { rejectedBy: { type: 'grid_worker', id: 'gw-2', name: 'gw-2' }, reason: 'still nothing' });
    const closedAgain = event('grievance.closed.v1', 25, { outcome: 'rejected', slaMet: true });
    const closedOnVerdict = [HAZARD.routed, HAZARD.dispatched, HAZARD.accepted, invalid, rejected, closedRejected];

    it('reopens a grievance closed on the verdict: routed, held by nobody until another grid worker is dispatched', () => {
      expect(replay(closedOnVerdict)).toMatchObject({ status: 'closed', holder: null });
      expect(replay([...closedOnVerdict, contested])).toMatchObject({ status: 'routed', holder: null, reopenedAt: at(20) });
      expect(replay([...closedOnVerdict, contested, redispatched, reaccepted])).toMatchObject({ status: 'accepted', holder: { type: 'grid_worker', id: 'gw-2' } });
    });

    it('lets the new verdict stand: confirmed goes to the department, invalid again closes it for good', () => {
      const confirmedLoop = [...closedOnVerdict, contested, redispatched, reaccepted, confirmed];
      expect(replay(confirmedLoop)).toMatchObject({ status: 'verified', holder: DEPT });
      const rejectedLoop = [...closedOnVerdict, contested, redispatched, reaccepted, rejectedAgain, closedAgain];
      expect(replay(rejectedLoop)).toMatchObject({ status: 'closed', holder: null });
    });

    it('does not let the rejection and close it answers close it again, in whatever order they arrive', () => {
      const loop = [...closedOnVerdict, contested, redispatched, reaccepted, confirmed];
      const expected = replay(loop);
      expect(replay([contested, ...closedOnVerdict, redispatched, reaccepted, confirmed])).toEqual(expected);
      expect(replay([HAZARD.routed, rejected, contested, closedRejected, confirmed, redispatched, reaccepted])).toMatchObject({ status: 'verified', holder: DEPT });
      expect(replay([...loop, ...loop])).toEqual(expected);
    });

    it('does not revive a grievance a plain reopening could not: a rejection stays rejected after grievance.reopened', () => {
      expect(replay([rejected, HAZARD.reopened]).status).toBe('rejected');
    });

    it('sends a hazard rated unsatisfied twice to the supervising office, under supervision', () => {
      const referred = event('grievance.referred-to-supervision.v1', 13, { fromHolder: DEPT, toHolder: OFFICE, districtId: 'xiangyun', unsatisfiedRatings: 2, reason: 'still broken' });
      const reopenedAgain = event('grievance.reopened.v1', 12, { reason: 'still broken', reopenedTo: DEPT });
      const toOffice = event('grievance.assigned.v1', 14, { holder: OFFICE, departmentCode: OFFICE.id, reason: 'reopened' });
      const open = LOOP.slice(0, -1);
      const expected = { status: 'in_progress', holder: OFFICE, underSupervision: true };
      expect(replay([...open, reopenedAgain, referred, toOffice])).toMatchObject(expected);
      expect(replay([toOffice, referred, ...open, reopenedAgain])).toMatchObject(expected);
      expect(holdersNamedBy(referred[1])).toEqual({ holder: OFFICE, from: DEPT });
      expect(holdersNamedBy(contested[1])).toEqual({});
    });
  });

  it('is idempotent: the same event twice is the same as once', () => {
    const once = replay([HAZARD.routed, HAZARD.reopened]);
    expect(replay([HAZARD.routed, HAZARD.reopened, HAZARD.reopened, HAZARD.routed])).toEqual(once);
    expect(replay([...LOOP, ...LOOP])).toEqual(replay(LOOP));
  });

  it('works for a reader that keeps no times: arrival order breaks the ties', () => {
    const timeless: GrievanceState = { ...submittedGrievanceState(), status: 'resolved' };
    expect(grievanceStateAfter(timeless, ...(HAZARD.reopened as [CatalogueTopic, EventEnvelope<never>])).status).toBe('in_progress');
    expect(grievanceStateAfter({ ...timeless, status: 'in_progress' }, ...(HAZARD.resolvedAgain as [CatalogueTopic, EventEnvelope<never>])).status).toBe('resolved');
    expect(grievanceStateAfter(timeless, ...(HAZARD.dispatched as [CatalogueTopic, EventEnvelope<never>])).status).toBe('resolved');
  });

  it('folds a kept dossier by each envelope’s type and version', () => {
    expect(grievanceStateOf(LOOP.map(([, e]) => e), initial)).toEqual(replay(LOOP));
    expect(grievanceStateOf([])).toEqual(submittedGrievanceState());
  });

  describe('the holders one event names', () => {
    const names = ([, e]: Event) => holdersNamedBy(e);
    it('reads the holder however the payload calls it, with its rung', () => {
      expect(names(HAZARD.routed)).toEqual({ holder: GRID });
      expect(names(HAZARD.dispatched)).toEqual({ holder: GRID_WORKER });
      expect(names(HAZARD.verified)).toEqual({ holder: GRID_WORKER });
      expect(names(HAZARD.assigned)).toEqual({ holder: DEPT });
      expect(names(HAZARD.resolved)).toEqual({ holder: DEPT });
      expect(names(HAZARD.reopened)).toEqual({ holder: DEPT });
      expect(names(event('grievance.reopened.v1', 1, { reason: 'r', reopenedTo: MEMBER, level: 'branch' }))).toEqual({ holder: MEMBER, level: 'branch' });
      expect(names(event('grievance.rejected.v1', 1, { rejectedBy: DEPT, reason: 'r' }))).toEqual({ holder: DEPT });
      expect(names(event('grievance.paused.v1', 1, { holder: BRANCH, question: 'q' }))).toEqual({ holder: BRANCH, level: 'branch' });
      expect(names(event('sla.breached.v1', 3, deadline(3, TOP, 'two_new_committee')))).toEqual({ holder: TOP, level: 'two_new_committee' });
      expect(names(event('grievance.supervised.v1', 1, { holder: TOP, level: 'two_new_committee', cause: 'deadline_missed', reason: 'r' }))).toEqual({ holder: TOP, level: 'two_new_committee' });
    });

    it('names both ends of a move, each at its rung', () => {
      const escalated = event('grievance.escalated.v1', 2, { fromLevel: 'member', toLevel: 'branch', fromHolder: { ...MEMBER, level: undefined } as never, toHolder: BRANCH, reason: 'r', automatic: false });
      expect(names(escalated)).toEqual({ holder: BRANCH, level: 'branch', from: MEMBER });
      const transferred = event('grievance.transferred.v1', 2, { fromHolder: DEPT, toHolder: OTHER_DEPT, departmentCode: OTHER_DEPT.id, reason: 'r', bounces: 1, arbitration: false });
      expect(names(transferred)).toEqual({ holder: OTHER_DEPT, from: DEPT });
    });

    it('names nobody for a submission, a link, a reporter’s answer or rating, a close, or a topic it does not know', () => {
      for (const e of [HAZARD.submitted, HAZARD.rated, HAZARD.closed, event('grievance.linked.v1', 1, { duplicateOf: G, reporterId: 'w', linkedBy: GRID })]) expect(names(e)).toEqual({});
      expect(names(event('grievance.replied.v1', 1, { reporterId: 'w', message: 'm', resumedBy: DEPT }))).toEqual({});
      expect(holdersNamedBy({ ...HAZARD.routed[1], type: 'grievance.invented' })).toEqual({});
    });
  });
});
