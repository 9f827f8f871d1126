import { createEnvelope, EventEnvelope, PayloadOf } from '@grievance/contracts';
import { render } from '@grievance/i18n';
import { applyEffect, effectOf, TrackedState, TrackedTopic } from './tracking-rules';

const G = '0195a8c4-1b2c-7d3e-8f40-123456789abc';
const T0 = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
const GRID = { type: 'org_unit' as const, id: 'grid-1', name: 'Grid 1' };

function event<T extends TrackedTopic>(topic: T, minutes: number, payload: PayloadOf<T>): [T, EventEnvelope<PayloadOf<T>>] {
  return [topic, createEnvelope({ topic, grievanceId: G, actor: { id: 'x', role: 'system' }, correlationId: 'c', occurredAt: at(minutes), payload } as never)];
}

const EVENTS = {
  routed: event('grievance.routed.v1', 1, { kind: 'hazard', category: 'road_damage', holder: GRID, fallback: false, gridId: 'grid-1' }),
  dispatched: event('ticket.dispatched.v1', 2, { ticketId: G, gridId: 'grid-1', gridWorkerId: 'gw-1', attempt: 1 }),
  accepted: event('ticket.accepted.v1', 3, { ticketId: G, gridWorkerId: 'gw-1' }),
  assigned: event('grievance.assigned.v1', 4, { holder: DEPT, departmentCode: 'municipal_works', reason: 'verified_on_site' }),
  deptAccepted: event('grievance.accepted.v1', 5, { holder: DEPT }),
  resolved: event('grievance.resolved.v1', 6, { resolvedBy: DEPT, resolution: 'fixed', attachmentIds: [] }),
  reopened: event('grievance.reopened.v1', 7, { reason: 'still broken', reopenedTo: DEPT }),
  resolvedAgain: event('grievance.resolved.v1', 8, { resolvedBy: DEPT, resolution: 'fixed properly', attachmentIds: [] }),
  closed: event('grievance.closed.v1', 9, { outcome: 'resolved', slaMet: true }),
};

const initial: TrackedState = {
  status: 'submitted',
  statusAt: T0,
  reopenedAt: null,
  level: null,
  levelAt: null,
  holder: null,
  holderAt: null,
  underSupervision: false,
  duplicateOf: null,
};

const replay = (events: Array<[TrackedTopic, EventEnvelope<never>]>, from = initial) =>
  events.reduce((state, [topic, e]) => applyEffect(state, effectOf(topic, e as never), new Date(e.occurredAt)), from);

type Ev = [TrackedTopic, EventEnvelope<never>];
const ev = (k: keyof typeof EVENTS) => EVENTS[k] as unknown as Ev;

describe('the tracking rules', () => {
  it('follow the loop in order', () => {
    const steps: Array<[keyof typeof EVENTS, string]> = [
      ['routed', 'routed'],
      ['dispatched', 'dispatched'],
      ['accepted', 'accepted'],
      ['assigned', 'verified'],
      ['deptAccepted', 'in_progress'],
      ['resolved', 'resolved'],
      ['reopened', 'in_progress'],
      ['resolvedAgain', 'resolved'],
      ['closed', 'closed'],
    ];
    let state = initial;
    for (const [name, status] of steps) {
      state = replay([ev(name)], state);
      expect(state.status).toBe(status);
    }
    expect(state.holder).toBeNull();
  });

  it('never move a status backwards: a late ticket.dispatched after grievance.resolved changes nothing', () => {
    const state = replay([ev('routed'), ev('resolved'), ev('dispatched')]);
    expect(state.status).toBe('resolved');
    expect(state.holder).toEqual(DEPT);
  });

  it('reach the same state whatever order the events arrive in', () => {
    const all = Object.keys(EVENTS).map((k) => ev(k as keyof typeof EVENTS));
    const expected = replay(all);
    for (let i = 0; i < 20; i += 1) {
      const shuffled = [...all].sort(() => Math.random() - 0.5);
      expect(replay(shuffled)).toEqual(expected);
    }
    const beforeClose = all.slice(0, -1);
    const open = replay(beforeClose);
    expect(open.status).toBe('resolved');
    expect(replay([...beforeClose].reverse())).toEqual(open);
  });

  it('let a reopening bring a resolved matter back, but not a stale resolution after it', () => {
    const state = replay([ev('resolved'), ev('reopened')]);
    expect(state.status).toBe('in_progress');
    expect(replay([ev('reopened'), ev('resolved')]).status).toBe('in_progress');
  });

  it('are idempotent: the same event twice is the same as once', () => {
    const once = replay([ev('routed'), ev('reopened')]);
    expect(replay([ev('routed'), ev('reopened'), ev('reopened'), ev('routed')])).toEqual(once);
  });

  it('keep the closed status final', () => {
    expect(replay([ev('closed'), ev('reopened')]).status).toBe('closed');
  });

  it('put a matter under supervision once the top rung misses its deadline', () => {
    const breach = (level: 'branch' | 'two_new_committee') =>
      event('sla.breached.v1', 3, {
        deadlineId: 'd',
        target: 'resolve',
        holder: { type: 'org_unit', id: level, name: level, level },
        level,
        startedAt: at(0).toISOString(),
        dueAt: at(2).toISOString(),
        firedAt: at(3).toISOString(),
        budgetMs: 1,
      }) as unknown as Ev;
    expect(replay([breach('branch')]).underSupervision).toBe(false);
    expect(replay([breach('two_new_committee')]).underSupervision).toBe(true);
  });

  it('follow an appeal down the chain when a rung returns it, and under supervision when told so', () => {
    const branch = { type: 'org_unit' as const, id: 'br-1', name: 'Branch 1', level: 'branch' as const };
    const member = { type: 'member' as const, id: 'mb-1', name: 'Member 1', level: 'member' as const };
    const top = { type: 'org_unit' as const, id: 'tnc', name: 'Two-New Committee', level: 'two_new_committee' as const };
    const returned = event('grievance.returned.v1', 2, { fromLevel: 'branch', toLevel: 'member', fromHolder: branch, toHolder: member, reason: 'ask the rider for the order number', bounces: 1 });
    const supervised = event('grievance.supervised.v1', 3, { holder: top, level: 'two_new_committee', cause: 'deadline_missed', reason: 'the 两新工委 missed its resolve deadline' });
    const state = replay([returned, supervised] as unknown as Ev[], { ...initial, holder: branch, holderAt: at(1), level: 'branch', levelAt: at(1) });
    expect(state).toMatchObject({ holder: member, level: 'member', underSupervision: true });
    const summary = effectOf(returned[0], returned[1] as never).summary;
    expect(render('en', summary)).toBe('returned from branch to member (Member 1 (member)): ask the rider for the order number');
    expect(render('zh-CN', summary)).toBe('由党支部退回党员联络员（Member 1，党员）：ask the rider for the order number');
  });

  it('write each history line as a message the reader gets in their language', () => {
    const lines = (Object.values(EVENTS) as [TrackedTopic, EventEnvelope][]).map(([topic, e]) => effectOf(topic, e as never).summary);
    expect(lines.map((m) => render('zh-CN', m))).toEqual([
      '已转交Grid 1（单位）',
      '已派单给网格员 gw-1',
      '网格员 gw-1 已签收',
      '已交由Municipal works（职能部门）办理（现场核查属实）',
      'Municipal works（职能部门）正在办理',
      'Municipal works（职能部门）已办结：fixed',
      ...lines.slice(6).map((m) => render('zh-CN', m)),
    ]);
    expect(render('en', lines[3]!)).toBe('assigned to Municipal works (department) (verified on site)');
    // No line is left to a key no catalogue knows.
    for (const m of lines) expect(render('en', m, 'MISSING')).not.toBe('MISSING');
  });

  it('keep a referred appeal in progress while the department acts for the rung', () => {
    const referred = event('grievance.assigned.v1', 2, { holder: DEPT, departmentCode: 'municipal_works', reason: 'assigned_by_rung', note: 'please check the meal prices' });
    expect(replay([referred] as unknown as Ev[], { ...initial, status: 'routed' })).toMatchObject({ status: 'in_progress', holder: DEPT });
  });

  it('record a link to the original and its new co-reporter', () => {
    const [topic, e] = event('grievance.linked.v1', 1, { duplicateOf: G, reporterId: 'w-2', linkedBy: GRID });
    const effect = effectOf(topic, e);
    expect(effect.coReporter).toEqual({ grievanceId: G, reporterId: 'w-2' });
    expect(applyEffect(initial, effect, at(1)).duplicateOf).toBe(G);
  });
});
