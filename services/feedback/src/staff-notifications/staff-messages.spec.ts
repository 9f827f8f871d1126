import { createEnvelope, EventEnvelope, NewEvent, PayloadOf, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { render } from '@grievance/i18n';
import { staffNotice, STAFF_NOTIFIED_TOPICS, StaffNotifiedTopic } from './staff-messages';

const event = <T extends StaffNotifiedTopic>(topic: T, payload: PayloadOf<T>) =>
  createEnvelope({ topic, grievanceId: uuidv7(), actor: SYSTEM_ACTOR, correlationId: 'c-1', payload } as NewEvent<T>) as EventEnvelope<PayloadOf<T>>;

/** Whom it is for and what they read, in Chinese and in English. */
const told = <T extends StaffNotifiedTopic>(topic: T, payload: PayloadOf<T>) => {
  const notice = staffNotice(topic, event(topic, payload));
  return notice && { to: notice.recipientKey, zh: render('zh-CN', notice.message), en: render('en', notice.message) };
};

const works = { type: 'department' as const, id: 'municipal_works', name: '红谷滩区市政公用局' };
const member = { type: 'member' as const, id: 'm-1', name: '党员联络员李明', level: 'member' as const };
const branch = { type: 'org_unit' as const, id: 'b-1', name: '象湖外卖骑手党支部', level: 'branch' as const };
const top = { type: 'org_unit' as const, id: 'tnc', name: '市两新工委', level: 'two_new_committee' as const };
const deadline = { deadlineId: 'd-1', startedAt: '2026-12-07T00:00:00.000Z', dueAt: '2026-12-07T02:00:00.000Z', firedAt: '2026-12-07T01:36:00.000Z', budgetMs: 7_200_000 };

describe('staff notifications: who is told of what', () => {
  it('tells the grid worker a ticket was dispatched to them, and says so when it was passed on', () => {
    expect(told('ticket.dispatched.v1', { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: 'gw-1', attempt: 1 })).toEqual({
      to: 'grid_worker:gw-1',
      zh: '有一张新的核查工单派给您，请尽快签收并到现场核查。',
      en: 'A new on-site check was dispatched to you: accept it and go and look.',
    });
    expect(told('ticket.dispatched.v1', { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: 'gw-2', attempt: 2 })?.zh).toMatch(/改派给您/);
  });

  it('tells the warned holder when the deadline falls due, in Beijing time, and the breached one that it passed', () => {
    expect(told('sla.warned.v1', { ...deadline, target: 'resolve', holder: works })).toEqual({
      to: 'department:municipal_works',
      zh: '一条诉求的办结时限将于 2026-12-07 10:00 到期，请尽快处理。',
      en: 'The resolve deadline of a grievance is due at 2026-12-07 10:00: please act soon.',
    });
    expect(told('sla.warned.v1', { ...deadline, target: 'accept', holder: { type: 'grid_worker', id: 'gw-1', name: 'Wang' } })?.to).toBe('grid_worker:gw-1');
    expect(told('sla.breached.v1', { ...deadline, target: 'respond', holder: branch, level: 'branch' })).toMatchObject({
      to: 'branch:b-1',
      zh: '一条诉求的响应时限已于 2026-12-07 10:00 到期，未按时处理。',
    });
  });

  it('tells nobody that a deadline started: the move that started it (dispatch, routing, assignment, escalation) already told the holder', () => {
    expect(STAFF_NOTIFIED_TOPICS).not.toContain('sla.started.v1');
  });

  it('tells an appeal’s first rung, but not the department a hazard is routed to before its on-site check', () => {
    const routed = { kind: 'appeal' as const, category: 'wage_arrears', departmentCode: 'hrss', fallback: false };
    expect(told('grievance.routed.v1', { ...routed, holder: member, level: 'member' })).toEqual({
      to: 'member:m-1',
      zh: '一条新的急难愁盼诉求交由您办理。',
      en: 'A new appeal is yours to handle.',
    });
    expect(told('grievance.routed.v1', { kind: 'hazard', category: 'manhole_cover_missing', gridId: 'g-1', departmentCode: 'municipal_works', holder: works, fallback: false })).toBeUndefined();
  });

  it('tells the department it was assigned, unless a return or transfer (told with its reason) caused it', () => {
    expect(told('grievance.assigned.v1', { holder: works, departmentCode: 'municipal_works', reason: 'verified_on_site' })).toMatchObject({
      to: 'department:municipal_works',
      zh: '网格员已到现场核实问题属实，交由本部门办理。',
    });
    expect(told('grievance.assigned.v1', { holder: works, departmentCode: 'municipal_works', reason: 'transferred' })).toBeUndefined();
    const moved = { fromHolder: { type: 'department' as const, id: 'hrss', name: '人社局' }, toHolder: works, departmentCode: 'municipal_works', reason: '属于市政设施', bounces: 1, arbitration: false };
    expect(told('grievance.transferred.v1', moved)).toMatchObject({ to: 'department:municipal_works', zh: '人社局将一条诉求转办给本部门：属于市政设施' });
    expect(told('grievance.department-returned.v1', { ...moved, attachmentIds: [] })?.zh).toBe('人社局退单，一条诉求改由本部门办理：属于市政设施');
  });

  it('tells the rung a grievance was passed up or handed back to, at its own level', () => {
    expect(told('grievance.escalated.v1', { fromLevel: 'member', toLevel: 'branch', fromHolder: member, toHolder: branch, reason: 'sla', automatic: true, trigger: 'deadline_missed' })).toEqual({
      to: 'branch:b-1',
      zh: '党员联络员李明未在时限内处理，一条诉求已上交给您办理。',
      en: '党员联络员李明 did not act in time; a grievance was passed up to you.',
    });
    expect(told('grievance.returned.v1', { fromLevel: 'branch', toLevel: 'member', fromHolder: branch, toHolder: member, reason: '请先与站点核实', bounces: 1 })).toMatchObject({
      to: 'member:m-1',
      zh: '象湖外卖骑手党支部将一条诉求退回给您：请先与站点核实',
    });
    // The same unit id at another rung is another recipient.
    expect(told('grievance.escalated.v1', { fromLevel: 'branch', toLevel: 'industry_committee', fromHolder: branch, toHolder: { ...branch, level: 'industry_committee' }, reason: 'x', automatic: false })?.to).toBe(
      'industry_committee:b-1',
    );
  });

  it('tells the unit that now supervises (督办)', () => {
    expect(told('grievance.supervised.v1', { holder: top, level: 'two_new_committee', cause: 'deadline_missed', reason: 'overdue' })).toEqual({
      to: 'two_new_committee:tnc',
      zh: '一条诉求未在时限内办理，现由您督办。',
      en: 'A grievance was not dealt with in time; it is now under your supervision (督办).',
    });
  });

  it('tells the district\'s supervising office, not the department that missed, and says which round a follow-up is', () => {
    const office = { type: 'department' as const, id: 'xiangyun_supervision', name: '象湖区督查督办室' };
    expect(told('grievance.supervised.v1', { holder: works, supervisor: office, cause: 'department_deadline_missed', reason: 'resolve deadline missed', round: 1, districtId: 'xiangyun' })).toEqual({
      to: 'department:xiangyun_supervision',
      zh: '红谷滩区市政公用局未在时限内办理一条隐患，现由您督办。',
      en: '红谷滩区市政公用局 missed its deadline on a hazard; you supervise it now.',
    });
    expect(told('grievance.supervised.v1', { holder: works, supervisor: office, cause: 'follow_up_missed', reason: 'follow-up missed', round: 2, districtId: 'xiangyun' })).toMatchObject({
      to: 'department:xiangyun_supervision',
      zh: '一条督办事项未在跟进期限内办结，进入第 2 轮督办，请继续跟进。',
    });
  });

  it('tells a rung its appeal was reopened, but leaves a hazard’s reopening to the assignment it causes', () => {
    expect(told('grievance.reopened.v1', { reason: '报告人不满意', reopenedTo: branch, level: 'branch' })).toMatchObject({ to: 'branch:b-1', zh: '一条诉求已重新打开，请再次办理：报告人不满意' });
    expect(told('grievance.reopened.v1', { reason: 'still broken', reopenedTo: works })).toBeUndefined();
  });
});
