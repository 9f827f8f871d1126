import request from 'supertest';
import { Holder, uuidv7 } from '@grievance/contracts';
import { eventually } from '@grievance/testing';
import { FeedbackHarness, MUNICIPAL_WORKS, workerToken } from './feedback-harness';

jest.setTimeout(90_000);

const MEMBER: Holder = { type: 'member', id: 'm-li', name: 'Member Li', level: 'member' };
const BRANCH: Holder = { type: 'org_unit', id: 'b-riders', name: 'Riders branch', level: 'branch' };
const TWO_NEW: Holder = { type: 'org_unit', id: 'tnc-city', name: 'City 两新工委', level: 'two_new_committee' };

describe('the feedback service: appeals up the chain and the SLA verdict', () => {
  let h: FeedbackHarness;

  beforeAll(async () => {
    h = await FeedbackHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  const rate = async (id: string, workerId: string, body: object) =>
    request(h.url).post(`/v1/grievances/${id}/rating`).set('authorization', `Bearer ${await workerToken(workerId)}`).send(body);

  const messagesOf = async (workerId: string, grievanceId: string) => {
    const response = await request(h.url).get('/v1/notifications').set('authorization', `Bearer ${await workerToken(workerId)}`).set('accept-language', 'en').expect(200);
    return (response.body as { items: { grievanceId: string; eventType: string; message: string }[] }).items.filter((n) => n.grievanceId === grievanceId);
  };

  const outboxOf = (grievanceId: string, topic: string) =>
    h.query(`SELECT envelope FROM messaging_outbox WHERE message_key = $1 AND topic = $2`, [grievanceId, topic]);

  const breach = (grievanceId: string, deadlineId = uuidv7(), holder: Holder = MEMBER) =>
    h.publish('sla.breached.v1', grievanceId, {
      deadlineId,
      target: 'resolve',
      holder,
      level: holder.level,
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      dueAt: new Date(Date.now() - 1000).toISOString(),
      firedAt: new Date().toISOString(),
      budgetMs: 59_000,
    });

  it('leaves the reopening of an unsatisfied appeal to routing: feedback.rated.v1 only, no grievance.reopened.v1', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter, { kind: 'appeal' });
    await h.publish('grievance.resolved.v1', id, { resolvedBy: MEMBER, resolution: 'Talked to the station.', attachmentIds: [] });
    await h.untilStatus(id, ['resolved']);

    const response = await rate(id, reporter, { rating: 'unsatisfied', comment: 'Still not paid.' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ grievanceId: id, rating: 'unsatisfied', status: 'in_progress' });
    const [rated] = await h.eventsOn('feedback.rated.v1', id);
    expect(rated!.payload).toMatchObject({ rating: 'unsatisfied' });
    expect(await h.statusOf(id)).toBe('in_progress');
    // Written in the rating's transaction or never: the outbox is where it would be.
    expect(await outboxOf(id, 'grievance.reopened.v1')).toEqual([]);
    expect(await outboxOf(id, 'feedback.rated.v1')).toHaveLength(1);

    // Routing reopens it at the next rung up; the reporter is told once, even when it comes twice.
    const reopened = await h.publish('grievance.reopened.v1', id, { reason: 'Still not paid.', reopenedTo: BRANCH, level: 'branch' }, { actor: { id: 'routing', role: 'system' } });
    await h.redeliver('grievance.reopened.v1', reopened);
    const told = await eventually(
      () => messagesOf(reporter, id),
      (items) => items.some((n) => n.eventType === 'grievance.reopened'),
      { what: 'the reopening notification' },
    );
    expect(told.filter((n) => n.eventType === 'grievance.reopened').map((n) => n.message)).toEqual(['Reopened: Riders branch will look at it again.']);
    // Past the redelivery (a later event of the same grievance is in), still one.
    await h.publish('grievance.accepted.v1', id, { holder: BRANCH }, { actor: { id: 'branch', role: 'system' } });
    await eventually(() => messagesOf(reporter, id), (items) => items.some((n) => n.eventType === 'grievance.accepted'));
    expect((await messagesOf(reporter, id)).filter((n) => n.eventType === 'grievance.reopened')).toHaveLength(1);
    expect(await h.statusOf(id)).toBe('in_progress');
  });

  it('still reopens an unsatisfying hazard itself, to whoever resolved it', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter);
    await h.resolve(id);
    await h.untilStatus(id, ['resolved']);
    expect((await rate(id, reporter, { rating: 'unsatisfied' })).status).toBe(201);
    const [reopened] = await h.eventsOn('grievance.reopened.v1', id);
    expect(reopened!.payload.reopenedTo).toEqual(MUNICIPAL_WORKS);
  });

  it('closes with slaMet false once a deadline of the grievance broke, and true when none did', async () => {
    const reporter = `w-${uuidv7()}`;
    const late = await h.submit(reporter, { kind: 'appeal' });
    const deadlineId = uuidv7();
    const fired = await breach(late, deadlineId);
    await h.redeliver('sla.breached.v1', fired);
    await breach(late, deadlineId); // the same deadline reported again under a new event id
    await eventually(
      () => h.query(`SELECT deadline_id FROM feedback_sla_breaches WHERE grievance_id = $1`, [late]),
      (rows) => rows.length === 1,
      { what: 'the breach remembered' },
    );
    await h.publish('grievance.resolved.v1', late, { resolvedBy: BRANCH, resolution: 'Paid in full.', attachmentIds: [] });
    await h.untilStatus(late, ['resolved']);
    expect((await rate(late, reporter, { rating: 'satisfied' })).status).toBe(201);
    const [closedLate] = await h.eventsOn('grievance.closed.v1', late);
    expect(closedLate!.payload).toEqual({ outcome: 'resolved', rating: 'satisfied', slaMet: false });
    expect(await h.query(`SELECT count(*)::int AS n FROM feedback_sla_breaches WHERE grievance_id = $1`, [late])).toEqual([{ n: 1 }]);

    const onTime = await h.submit(reporter, { kind: 'appeal' });
    await h.publish('grievance.resolved.v1', onTime, { resolvedBy: MEMBER, resolution: 'Paid.', attachmentIds: [] });
    await h.untilStatus(onTime, ['resolved']);
    expect((await rate(onTime, reporter, { rating: 'satisfied' })).status).toBe(201);
    const [closedOnTime] = await h.eventsOn('grievance.closed.v1', onTime);
    expect(closedOnTime!.payload).toMatchObject({ slaMet: true });
  });

  it('closes a rejected grievance with slaMet false after a breach', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter);
    await breach(id, uuidv7(), { type: 'grid_worker', id: 'gw-1', name: 'Grid worker 1' });
    await eventually(() => h.query(`SELECT 1 FROM feedback_sla_breaches WHERE grievance_id = $1`, [id]), (rows) => rows.length === 1);
    await h.publish('grievance.rejected.v1', id, { rejectedBy: MUNICIPAL_WORKS, reason: 'Not a hazard.' });
    const [closed] = await h.eventsOn('grievance.closed.v1', id);
    expect(closed!.payload).toEqual({ outcome: 'rejected', slaMet: false });
  });

  it('tells the reporter when the appeal is passed up, handed back, and put under supervision (督办)', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter, { kind: 'appeal' });
    await h.publish('grievance.escalated.v1', id, {
      fromLevel: 'member',
      toLevel: 'branch',
      fromHolder: MEMBER,
      toHolder: BRANCH,
      reason: 'deadline missed',
      automatic: true,
      trigger: 'deadline_missed',
    });
    await h.publish('grievance.returned.v1', id, {
      fromLevel: 'branch',
      toLevel: 'member',
      fromHolder: BRANCH,
      toHolder: MEMBER,
      reason: 'Collect the pay slips first.',
      bounces: 1,
    });
    await h.publish('grievance.supervised.v1', id, { holder: TWO_NEW, level: 'two_new_committee', cause: 'deadline_missed', reason: 'The 两新工委 missed its deadline.' });
    const items = await eventually(
      () => messagesOf(reporter, id),
      (all) => ['grievance.escalated', 'grievance.returned', 'grievance.supervised'].every((type) => all.some((n) => n.eventType === type)),
      { what: 'the three notifications' },
    );
    const byType = new Map(items.map((n) => [n.eventType, n.message]));
    expect(byType.get('grievance.escalated')).toBe('Your appeal was passed up to Riders branch: Member Li did not act in time.');
    expect(byType.get('grievance.returned')).toBe('Your appeal was handed back to Member Li: Collect the pay slips first.');
    expect(byType.get('grievance.supervised')).toBe(
      'Your appeal is now under supervision (督办) at City 两新工委, because it was not dealt with in time; it will not be dropped.',
    );
  });
});
