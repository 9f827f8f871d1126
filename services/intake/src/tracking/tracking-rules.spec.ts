import { createEnvelope, DUPLICATE_CHECK_HOLDER, EventEnvelope, PayloadOf } from '@grievance/contracts';
import { render } from '@grievance/i18n';
import { correctedCategoryOf, historyLine, linkOf, resolutionOf, TrackedState, trackedStateAfter, TrackedTopic } from './tracking-rules';

// The state itself (status, holder, level, supervision, any order) is the contracts' reducer's,
// and is specified in libs/contracts/src/grievance-state.spec.ts; here: what the view adds.

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
  supervisionRound: 0,
  duplicateOf: null,
};

type Ev = [TrackedTopic, EventEnvelope<never>];
const replay = (events: Ev[], from = initial) => events.reduce((state, [topic, e]) => trackedStateAfter(state, topic, e), from);
const ev = (k: keyof typeof EVENTS) => EVENTS[k] as unknown as Ev;
const line = ([topic, e]: Ev) => historyLine(topic, e);

describe('the tracking view', () => {
  it('follows the loop by the grievance state, to closed and nobody holding it', () => {
    const state = replay(Object.keys(EVENTS).map((k) => ev(k as keyof typeof EVENTS)));
    expect(state).toMatchObject({ status: 'closed', holder: null, statusAt: at(9), reopenedAt: at(7) });
  });

  it('names every holder: a grid worker known only by id is named by it', () => {
    expect(replay([ev('routed'), ev('dispatched')]).holder).toEqual({ type: 'grid_worker', id: 'gw-1', name: 'gw-1' });
    expect(replay([ev('routed'), ev('dispatched'), ev('accepted'), ev('assigned')]).holder).toEqual(DEPT);
  });

  it('keeps the submission time as the status time until a status moves', () => {
    expect(replay([event('ticket.verified.v1', 3, { ticketId: G, gridWorkerId: 'gw-1', verdict: 'confirmed', note: '', position: { lat: 1, lng: 1 }, attachmentIds: [] }) as unknown as Ev]).statusAt).toEqual(T0);
  });

  it('writes an appeal’s return down the chain in the reader’s language', () => {
    const branch = { type: 'org_unit' as const, id: 'br-1', name: 'Branch 1', level: 'branch' as const };
    const member = { type: 'member' as const, id: 'mb-1', name: 'Member 1', level: 'member' as const };
    const returned = event('grievance.returned.v1', 2, { fromLevel: 'branch', toLevel: 'member', fromHolder: branch, toHolder: member, reason: 'ask the rider for the order number', bounces: 1 });
    expect(replay([returned as unknown as Ev])).toMatchObject({ holder: member, level: 'member' });
    const summary = line(returned as unknown as Ev);
    expect(render('en', summary)).toBe('returned from branch to member (Member 1 (member)): ask the rider for the order number');
    expect(render('zh-CN', summary)).toBe('由党支部退回党员联络员（Member 1，党员）：ask the rider for the order number');
  });

  it('writes each history line as a message the reader gets in their language', () => {
    const lines = (Object.keys(EVENTS) as (keyof typeof EVENTS)[]).map((k) => line(ev(k)));
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

  it('takes the category a confirmed on-site check corrected, and writes it in the history', () => {
    const check = { ticketId: G, gridWorkerId: 'gw-1', note: '', position: { lat: 1, lng: 1 }, attachmentIds: [] };
    const corrected = event('ticket.verified.v1', 3, { ...check, verdict: 'confirmed', correctedCategory: 'fire_hazard' }) as unknown as Ev;
    expect(correctedCategoryOf(...corrected)).toBe('fire_hazard');
    expect(render('zh-CN', line(corrected))).toBe('网格员 gw-1 现场核查：属实；类别更正为 fire_hazard');
    expect(correctedCategoryOf(...(event('ticket.verified.v1', 3, { ...check, verdict: 'confirmed' }) as unknown as Ev))).toBeUndefined();
    expect(correctedCategoryOf(...ev('assigned'))).toBeUndefined();
  });

  it('writes a breach at the top rung as a supervision', () => {
    const top = { type: 'org_unit' as const, id: 'tnc', name: 'Two-New Committee', level: 'two_new_committee' as const };
    const breach = event('sla.breached.v1', 3, { deadlineId: 'd', target: 'resolve', holder: top, startedAt: at(0).toISOString(), dueAt: at(2).toISOString(), firedAt: at(3).toISOString(), budgetMs: 1 });
    expect(replay([breach as unknown as Ev]).underSupervision).toBe(true);
    expect(line(breach as unknown as Ev).key).toBe('history.breached.supervised');
  });

  it('records a link to the original once, and the co-reporter it gains', () => {
    const linked = event('grievance.linked.v1', 1, { duplicateOf: G, reporterId: 'w-2', linkedBy: GRID });
    expect(linkOf(...linked)).toEqual({ duplicateOf: G, reporterId: 'w-2' });
    expect(linkOf(...EVENTS.routed)).toBeUndefined();
    expect(replay([linked as unknown as Ev]).duplicateOf).toBe(G);
    expect(replay([linked as unknown as Ev], { ...initial, duplicateOf: 'first' }).duplicateOf).toBe('first');
  });

  it('says whether the duplicate check found the link at submission or a grid worker on site', () => {
    const found = event('grievance.linked.v1', 1, { duplicateOf: G, reporterId: 'w-2', linkedBy: { ...DUPLICATE_CHECK_HOLDER } });
    expect(line(found as unknown as Ev)).toEqual({ key: 'history.linkedNearby', params: { duplicateOf: G } });
    const onSite = event('grievance.linked.v1', 1, { duplicateOf: G, reporterId: 'w-2', linkedBy: GRID });
    expect(line(onSite as unknown as Ev)).toEqual({ key: 'history.linked', params: { duplicateOf: G } });
  });

  it('keeps what a resolution says and its fix photos, once each, and nothing of other events', () => {
    const photo = '0195a8c4-1b2c-7d3e-8f40-123456789abd';
    const resolved = event('grievance.resolved.v1', 6, { resolvedBy: { type: 'department', id: 'fire', name: 'Fire' }, resolution: 'cleared', attachmentIds: [photo, photo] });
    expect(resolutionOf(...resolved)).toEqual({ resolvedAt: at(6), resolvedBy: { type: 'department', id: 'fire', name: 'Fire' }, resolution: 'cleared', attachmentIds: [photo] });
    expect(resolutionOf(...EVENTS.closed)).toBeUndefined();
  });
});

describe('supervision rounds (督办) in the tracking view', () => {
  it('says who supervises, which round and when the follow-up is due', () => {
    const supervised = {
      eventId: 'e-sup-2',
      type: 'grievance.supervised',
      occurredAt: '2026-12-01T02:00:00.000Z',
      payload: {
        holder: { type: 'department', id: 'municipal_works', name: '市政局' },
        cause: 'follow_up_missed',
        reason: '未按期跟进',
        supervisor: { type: 'department', id: 'xiangyun_supervision', name: '祥云区督查督办室' },
        round: 2,
        followUpDueAt: '2026-12-02T02:00:00.000Z',
      },
    };
    expect(render('zh-CN', historyLine('grievance.supervised.v1', supervised as never))).toBe('第 2 轮督办：由祥云区督查督办室督办市政局（职能部门），跟进期限 2026-12-02 10:00：未按期跟进');
  });
});
