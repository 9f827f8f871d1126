import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { DUPLICATE_CHECK_HOLDER, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { EventConsumers } from '@grievance/platform';
import { eventually } from '@grievance/testing';
import { FEEDBACK_CONSUMER_GROUP } from '../src/grievances/feedback.consumer';
import { FeedbackHarness, GRID, MUNICIPAL_WORKS, workerToken } from './feedback-harness';

jest.setTimeout(90_000);

describe('the feedback service (notifications, points, rating)', () => {
  let h: FeedbackHarness;

  beforeAll(async () => {
    h = await FeedbackHarness.start();
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The worker's notifications, in English unless another Accept-Language is given (none: `null`). */
  const notificationsOf = async (workerId: string, language: string | null = 'en') => {
    const req = request(h.url).get('/v1/notifications').set('authorization', `Bearer ${await workerToken(workerId)}`);
    if (language) req.set('accept-language', language);
    return (await req.expect(200)).body as { items: { grievanceId: string; eventType: string; message: string; read: boolean }[] };
  };

  describe('notifications', () => {
    it('tells the reporter and the co-reporters what happened to the grievance, newest first, and nobody else', async () => {
      const reporter = `w-${uuidv7()}`;
      const follower = `w-${uuidv7()}`;
      const original = await h.submit(reporter);
      const duplicate = await h.submit(follower, { duplicateOf: original });
      await h.publish('grievance.linked.v1', duplicate, {
        duplicateOf: original,
        reporterId: follower,
        linkedBy: { ...DUPLICATE_CHECK_HOLDER },
      });
      await h.publish('grievance.routed.v1', original, { kind: 'hazard', category: 'manhole_cover_missing', gridId: GRID.id, holder: GRID, fallback: false });
      await h.untilStatus(original, ['routed']);
      await h.publish('ticket.dispatched.v1', original, { ticketId: uuidv7(), gridId: GRID.id, gridWorkerId: 'gw-qs-01-1', attempt: 1 });
      await h.untilStatus(original, ['dispatched']);

      const mine = await eventually(() => notificationsOf(reporter), (b) => b.items.length >= 3, { what: 'reporter notifications' });
      expect(mine.items.map((n) => n.eventType)).toEqual(['ticket.dispatched', 'grievance.routed', 'grievance.submitted']);
      expect(mine.items[0]).toMatchObject({ grievanceId: original, message: 'A grid worker is checking your report.', read: false });
      expect(mine.items[1]!.message).toBe('Your report went to Qingshan grid 1.');

      const theirs = await eventually(() => notificationsOf(follower), (b) => b.items.length >= 4, { what: 'co-reporter notifications' });
      expect(theirs.items.map((n) => [n.eventType, n.grievanceId])).toEqual([
        ['ticket.dispatched', original],
        ['grievance.routed', original],
        ['grievance.linked', duplicate],
        ['grievance.submitted', duplicate],
      ]);
      const coReporters = await h.query(`SELECT reporter_id FROM feedback_co_reporters WHERE grievance_id = $1`, [original]);
      expect(coReporters).toEqual([{ reporter_id: follower }]);

      expect((await notificationsOf(`w-${uuidv7()}`)).items).toEqual([]);
    });

    it('keeps events that came before their grievance and applies them, in order, when its submission arrives (none parked)', async () => {
      const reporter = `w-${uuidv7()}`;
      const follower = `w-${uuidv7()}`;
      const original = uuidv7();
      const duplicate = uuidv7();
      const parkedBefore = h.service.app.get(EventConsumers).get(FEEDBACK_CONSUMER_GROUP).stats.deadLettered;
      // The routing, the dispatch and a duplicate's link are read before the original's submission.
      await h.publish('grievance.routed.v1', original, { kind: 'hazard', category: 'manhole_cover_missing', gridId: GRID.id, holder: GRID, fallback: false });
      await h.publish('ticket.dispatched.v1', original, { ticketId: uuidv7(), gridId: GRID.id, gridWorkerId: 'gw-qs-01-1', attempt: 1 });
      await h.submit(follower, { grievanceId: duplicate, duplicateOf: original });
      await h.publish('grievance.linked.v1', duplicate, { duplicateOf: original, reporterId: follower, linkedBy: { ...DUPLICATE_CHECK_HOLDER } });
      const waiting = () => h.query<{ topic: string }>(`SELECT topic FROM feedback_waiting_events WHERE waiting_for = $1 ORDER BY seq`, [original]);
      const held = await eventually(waiting, (rows) => rows.length === 4, { what: 'four events waiting for the original' });
      expect(held.map((r) => r.topic).sort()).toEqual(['grievance.linked.v1', 'grievance.routed.v1', 'grievance.submitted.v1', 'ticket.dispatched.v1']);

      await h.submit(reporter, { grievanceId: original });
      await h.untilStatus(original, ['dispatched']);
      expect(await waiting()).toEqual([]);
      const mine = await eventually(() => notificationsOf(reporter), (b) => b.items.length >= 3, { what: 'reporter notifications' });
      expect(mine.items.map((n) => n.eventType).sort()).toEqual(['grievance.routed', 'grievance.submitted', 'ticket.dispatched']);
      const coReporters = await h.query(`SELECT reporter_id FROM feedback_co_reporters WHERE grievance_id = $1`, [original]);
      expect(coReporters).toEqual([{ reporter_id: follower }]);
      const theirs = await notificationsOf(follower);
      expect(theirs.items.map((n) => [n.eventType, n.grievanceId])).toEqual(expect.arrayContaining([['grievance.linked', duplicate]]));
      expect(h.service.app.get(EventConsumers).get(FEEDBACK_CONSUMER_GROUP).stats.deadLettered).toBe(parkedBefore);
    });

    it('says who resolved it and how', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.resolve(id, 'A new cover was fitted.');
      await h.untilStatus(id, ['resolved']);
      const { items } = await notificationsOf(reporter);
      expect(items[0]!.message).toBe('Municipal works resolved it: A new cover was fitted. Please rate the result.');
    });

    it('refuses a limit out of range, naming the field', async () => {
      const response = await request(h.url)
        .get('/v1/notifications?limit=0')
        .set('authorization', `Bearer ${await workerToken('w-1')}`)
        .expect(400);
      expect(JSON.stringify(response.body)).toContain('limit');
    });

    it('is for workers only and needs a token', async () => {
      await request(h.url).get('/v1/notifications').expect(401);
    });
  });

  describe('points', () => {
    it('awards the reporter and half to each co-reporter when the report is confirmed, once even when the event comes again', async () => {
      const reporter = `w-${uuidv7()}`;
      const follower = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.submit(follower, { duplicateOf: id });
      await eventually(
        () => h.query(`SELECT 1 FROM feedback_co_reporters WHERE grievance_id = $1`, [id]),
        (rows) => rows.length === 1,
      );

      const verified = await h.publish(
        'ticket.verified.v1',
        id,
        { ticketId: uuidv7(), gridWorkerId: 'gw-qs-01-1', verdict: 'confirmed', note: 'Cover missing, fenced off.', position: { lat: 28.68, lng: 115.89 }, attachmentIds: [uuidv7()] },
        { actor: { id: 'gw-qs-01-1', role: 'grid_worker' } },
      );
      const awarded = await h.eventsOn('points.awarded.v1', id, 2);
      expect(awarded.map((e) => [e.payload.workerId, e.payload.points, e.payload.reason]).sort()).toEqual(
        [
          [reporter, 10, 'verified_report'],
          [follower, 5, 'verified_co_report'],
        ].sort(),
      );
      for (const event of awarded) expect(event.causationId).toBe(verified.eventId);

      const consumer = h.service.app.get(EventConsumers).get(FEEDBACK_CONSUMER_GROUP);
      const duplicatesBefore = consumer.stats.duplicates;
      await h.redeliver('ticket.verified.v1', verified);
      await eventually(() => consumer.stats.duplicates, (n) => n > duplicatesBefore, { what: 'the redelivery to be seen' });

      const ledger = await h.query(`SELECT worker_id, points FROM feedback_points_ledger WHERE grievance_id = $1`, [id]);
      expect(ledger).toHaveLength(2);
      const outbox = await h.query(`SELECT 1 FROM messaging_outbox WHERE topic = 'points.awarded.v1' AND message_key = $1`, [id]);
      expect(outbox).toHaveLength(2);

      const me = await request(h.url)
        .get('/v1/points/me')
        .set('authorization', `Bearer ${await workerToken(reporter)}`)
        .expect(200);
      expect(me.body).toEqual({
        balance: 10,
        accountId: pointsAccountId(reporter),
        entries: [expect.objectContaining({ points: 10, reason: 'verified_report', grievanceId: id })],
        redemptions: [],
        benefits: [],
      });
      const theirs = await request(h.url)
        .get('/v1/points/me')
        .set('authorization', `Bearer ${await workerToken(follower)}`)
        .expect(200);
      expect(theirs.body.balance).toBe(5);
    });

    it('awards nothing for a report found invalid', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.publish('ticket.verified.v1', id, {
        ticketId: uuidv7(),
        gridWorkerId: 'gw-qs-01-1',
        verdict: 'invalid',
        note: 'Nothing there.',
        position: { lat: 28.68, lng: 115.89 },
        attachmentIds: [],
      });
      await eventually(() => notificationsOf(reporter), (b) => b.items.some((n) => n.eventType === 'ticket.verified'));
      expect(await h.query(`SELECT 1 FROM feedback_points_ledger WHERE grievance_id = $1`, [id])).toEqual([]);
      const me = await request(h.url).get('/v1/points/me').set('authorization', `Bearer ${await workerToken(reporter)}`).expect(200);
      expect(me.body).toEqual({ balance: 0, accountId: pointsAccountId(reporter), entries: [], redemptions: [], benefits: [] });
    });
  });

  describe('rating', () => {
    const rate = async (id: string, workerId: string, body: object) =>
      request(h.url)
        .post(`/v1/grievances/${id}/rating`)
        .set('authorization', `Bearer ${await workerToken(workerId)}`)
        .send(body);

    it('closes a satisfied grievance with its rating, and refuses a second rating', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.resolve(id);
      await h.untilStatus(id, ['resolved']);

      const first = await rate(id, reporter, { rating: 'satisfied', comment: 'Quick work.' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ grievanceId: id, rating: 'satisfied', status: 'closed' });

      const [rated] = await h.eventsOn('feedback.rated.v1', id);
      expect(rated!.payload).toEqual({ reporterId: reporter, rating: 'satisfied', comment: 'Quick work.' });
      expect(rated!.actor).toEqual({ id: reporter, role: 'worker' });
      const [closed] = await h.eventsOn('grievance.closed.v1', id);
      expect(closed!.payload).toEqual({ outcome: 'resolved', rating: 'satisfied', slaMet: true });
      expect(closed!.causationId).toBe(rated!.eventId);

      expect((await rate(id, reporter, { rating: 'satisfied' })).status).toBe(409);
      expect(await h.query(`SELECT rating FROM feedback_ratings WHERE grievance_id = $1`, [id])).toEqual([{ rating: 'satisfied' }]);
      await eventually(() => notificationsOf(reporter), (b) => b.items[0]?.eventType === 'grievance.closed');
    });

    it('takes a rating that comes before feedback has the resolution the reporter saw: it waits for it', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      // The reporter rates first (intake's view already shows the resolution); feedback reads the resolution 300 ms later.
      const rating = rate(id, reporter, { rating: 'satisfied' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await h.statusOf(id)).not.toBe('resolved');
      await h.resolve(id);
      const answer = await rating;
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ grievanceId: id, rating: 'satisfied', status: 'closed' });
      expect(await h.query(`SELECT rating FROM feedback_ratings WHERE grievance_id = $1`, [id])).toEqual([{ rating: 'satisfied' }]);
    });

    it('refuses a rating before the grievance is resolved (409) and hides it from anyone but its reporter (404)', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      expect((await rate(id, reporter, { rating: 'satisfied' })).status).toBe(409);
      await h.resolve(id);
      await h.untilStatus(id, ['resolved']);
      expect((await rate(id, `w-${uuidv7()}`, { rating: 'satisfied' })).status).toBe(404);
      expect((await rate(uuidv7(), reporter, { rating: 'satisfied' })).status).toBe(404);
      expect(await h.statusOf(id)).toBe('resolved');
      expect(await h.query(`SELECT 1 FROM feedback_ratings WHERE grievance_id = $1`, [id])).toEqual([]);
    });

    it('refuses a bad body with 400 naming the field, and changes nothing', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.resolve(id);
      await h.untilStatus(id, ['resolved']);
      for (const [body, field] of [
        [{ rating: 'great' }, 'rating'],
        [{}, 'rating'],
        [{ rating: 'satisfied', comment: 'x'.repeat(2001) }, 'comment'],
        [{ rating: 'satisfied', extra: 1 }, 'extra'],
      ] as const) {
        const response = await rate(id, reporter, body);
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body)).toContain(field);
      }
      expect((await rate('not-a-uuid', reporter, { rating: 'satisfied' })).status).toBe(400);
      const department = await request(h.url)
        .post(`/v1/grievances/${id}/rating`)
        .set('authorization', `Bearer ${await signDevToken({ sub: 'd-1', role: 'department', departmentCode: 'municipal_works' })}`)
        .send({ rating: 'satisfied' });
      expect(department.status).toBe(403);
      expect(await h.statusOf(id)).toBe('resolved');
      expect(await h.query(`SELECT 1 FROM feedback_ratings WHERE grievance_id = $1`, [id])).toEqual([]);
      expect(await h.query(`SELECT 1 FROM messaging_outbox WHERE message_key = $1`, [id])).toEqual([]);
    });

    it('reopens an unsatisfying result to whoever resolved it, and takes a new rating after the next resolution', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.resolve(id, 'Cover fitted.');
      await h.untilStatus(id, ['resolved']);

      const response = await rate(id, reporter, { rating: 'unsatisfied', comment: 'The cover is the wrong size and rattles.' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ grievanceId: id, rating: 'unsatisfied', status: 'in_progress' });
      const [reopened] = await h.eventsOn('grievance.reopened.v1', id);
      expect(reopened!.payload).toEqual({ reason: 'The cover is the wrong size and rattles.', reopenedTo: MUNICIPAL_WORKS });
      expect(await h.statusOf(id)).toBe('in_progress');
      expect((await rate(id, reporter, { rating: 'satisfied' })).status).toBe(409);

      await h.resolve(id, 'Right-size cover fitted.');
      await eventually(
        () => h.query<{ resolution_no: number; status: string }>(`SELECT resolution_no, status FROM feedback_grievances WHERE grievance_id = $1`, [id]),
        (rows) => rows[0]?.resolution_no === 2 && rows[0]?.status === 'resolved',
        { what: 'the second resolution' },
      );
      expect((await rate(id, reporter, { rating: 'basically_satisfied' })).status).toBe(201);
      const [closed] = await h.eventsOn('grievance.closed.v1', id);
      expect(closed!.payload).toEqual({ outcome: 'resolved', rating: 'basically_satisfied', slaMet: true });
      expect(await h.query(`SELECT resolution_no, rating FROM feedback_ratings WHERE grievance_id = $1 ORDER BY resolution_no`, [id])).toEqual([
        { resolution_no: 1, rating: 'unsatisfied' },
        { resolution_no: 2, rating: 'basically_satisfied' },
      ]);
    });

    it('writes notifications in Chinese unless the reader asks for English or reads English', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.publish('grievance.routed.v1', id, { kind: 'hazard', category: 'manhole_cover_missing', gridId: GRID.id, holder: { ...GRID, name: '青山路街道网格1' }, fallback: false });
      await h.untilStatus(id, ['routed']);
      const chinese = await eventually(() => notificationsOf(reporter, null), (b) => b.items.length >= 2, { what: 'two notifications' });
      expect(chinese.items.map((n) => n.message)).toEqual([
        '您的诉求已转交青山路街道网格1。',
        expect.stringMatching(/^我们已收到您的诉求（编号 NC-\d{8}-\d{6}）：“Manhole cover missing on Bayi Avenue”。$/),
      ]);
      expect((await notificationsOf(reporter, 'fr-FR, zh;q=0.5')).items[0]!.message).toBe('您的诉求已转交青山路街道网格1。');
      expect((await notificationsOf(reporter, 'en-US,en;q=0.9')).items[0]!.message).toBe('Your report went to 青山路街道网格1.');

      // A reporter whose registration says English (routing carries it) reads English without asking.
      const english = `w-${uuidv7()}`;
      const theirs = await h.submit(english);
      await h.publish('grievance.routed.v1', theirs, { kind: 'hazard', category: 'manhole_cover_missing', gridId: GRID.id, holder: GRID, fallback: false, reporter: { occupation: 'rider', language: 'en' } });
      await h.untilStatus(theirs, ['routed']);
      const read = await eventually(() => notificationsOf(english, null), (b) => b.items.length >= 2, { what: 'two notifications' });
      expect(read.items[0]!.message).toBe('Your report went to Qingshan grid 1.');
      expect((await notificationsOf(english, 'zh-CN')).items[0]!.message).toBe('您的诉求已转交Qingshan grid 1。');
    });

    it('closes a rejected grievance as rejected at once', async () => {
      const reporter = `w-${uuidv7()}`;
      const id = await h.submit(reporter);
      await h.publish('grievance.rejected.v1', id, { rejectedBy: GRID, reason: 'Nothing there on site.' });
      const [closed] = await h.eventsOn('grievance.closed.v1', id);
      expect(closed!.payload).toEqual({ outcome: 'rejected', slaMet: true });
      await h.untilStatus(id, ['closed']);
      expect((await rate(id, reporter, { rating: 'satisfied' })).status).toBe(409);
      const { items } = await notificationsOf(reporter);
      expect(items.map((n) => n.message)).toEqual(
        expect.arrayContaining(['Your report was not taken up: Nothing there on site.', 'Your report is closed without action.']),
      );
    });
  });
});
