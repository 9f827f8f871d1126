import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { uuidv7 } from '@grievance/contracts';
import { createTestDatabase, eventually, queryDatabase, TestDatabase, uniqueTopicPrefix } from '@grievance/testing';
import { AutoCloseLifecycle } from '../src/auto-close/auto-close.lifecycle';
import { FeedbackHarness, workerToken } from './feedback-harness';

jest.setTimeout(90_000);

/** A webhook receiver that answers 500 to anything about `failFor` recipients. */
async function startWebhook(failFor: Set<string>): Promise<{ server: Server; url: string; received: Record<string, unknown>[] }> {
  const received: Record<string, unknown>[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const notification = JSON.parse(body) as Record<string, unknown>;
      received.push(notification);
      res.statusCode = failFor.has(String(notification.recipientId)) ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('the feedback service (auto-close, webhook)', () => {
  let h: FeedbackHarness;
  let db: TestDatabase;
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  const failing = new Set<string>();
  let env: Record<string, string>;

  beforeAll(async () => {
    webhook = await startWebhook(failing);
    // Our own database and topic prefix, so the service can be restarted on the same state.
    db = await createTestDatabase('feedback-auto-close');
    env = {
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('feedback'),
      // 7 days × 0.0000025 ≈ 1.5 s
      SLA_TIME_SCALE: '0.0000025',
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_POLL_INTERVAL_MS: '100',
    };
    h = await FeedbackHarness.start(env);
  });

  afterAll(async () => {
    await h?.close();
    await db?.drop();
    await new Promise((resolve) => webhook?.server.close(resolve));
  });

  it('closes a resolved grievance nobody rated once the (scaled) week is over', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter);
    await h.resolve(id);
    await h.untilStatus(id, ['resolved']);
    const [closed] = await h.eventsOn('grievance.closed.v1', id, 1, 20_000);
    expect(closed!.payload).toEqual({ outcome: 'resolved', slaMet: true });
    expect(closed!.actor).toEqual({ id: 'system', role: 'system' });
    await h.untilStatus(id, ['closed']);
    const rate = await request(h.url)
      .post(`/v1/grievances/${id}/rating`)
      .set('authorization', `Bearer ${await workerToken(reporter)}`)
      .send({ rating: 'satisfied' });
    expect(rate.status).toBe(409);
  });

  it('does nothing when the timer fires after the reporter has rated', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter);
    await h.resolve(id);
    await h.untilStatus(id, ['resolved']);
    await request(h.url)
      .post(`/v1/grievances/${id}/rating`)
      .set('authorization', `Bearer ${await workerToken(reporter)}`)
      .send({ rating: 'satisfied' })
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const closes = await h.query(`SELECT envelope FROM messaging_outbox WHERE topic = 'grievance.closed.v1' AND message_key = $1`, [id]);
    expect(closes).toHaveLength(1);
    expect((closes[0]!.envelope as { payload: unknown }).payload).toEqual({ outcome: 'resolved', rating: 'satisfied', slaMet: true });
  });

  it('re-arms, on start, the timer of every resolved grievance still unrated in Postgres', async () => {
    const id = uuidv7();
    await h.query(
      `INSERT INTO feedback_grievances (grievance_id, tracking_no, title, reporter_id, status, resolved_by, resolution, resolved_at, resolution_no)
       VALUES ($1, 'NC-20261123-999999', 'Left over', 'w-left', 'resolved', $2, 'Done.', now() - interval '1 hour', 1)`,
      [id, JSON.stringify({ type: 'department', id: 'fire', name: 'Fire brigade' })],
    );
    expect(await h.service.app.get(AutoCloseLifecycle).rearm()).toBeGreaterThanOrEqual(1);
    const [closed] = await h.eventsOn('grievance.closed.v1', id);
    expect(closed!.payload).toEqual({ outcome: 'resolved', slaMet: true });
    await h.untilStatus(id, ['closed']);
  });

  it('re-arms, when the service starts again, a grievance resolved while no timer was armed', async () => {
    await h.close();
    // Resolved while the service was down: only Postgres knows, Redis holds no job for it.
    const id = uuidv7();
    await queryDatabase(
      db.url,
      `INSERT INTO feedback_grievances (grievance_id, tracking_no, title, reporter_id, status, resolved_by, resolution, resolved_at, resolution_no)
       VALUES ($1, 'NC-20261123-999998', 'Left over', 'w-left', 'resolved', $2, 'Done.', now(), 1)`,
      [id, JSON.stringify({ type: 'department', id: 'fire', name: 'Fire brigade' })],
    );
    h = await FeedbackHarness.start(env);
    const [closed] = await h.eventsOn('grievance.closed.v1', id);
    expect(closed!.payload).toEqual({ outcome: 'resolved', slaMet: true });
    await h.untilStatus(id, ['closed']);
  });

  it('posts each notification to the webhook after it is stored, and a failing webhook holds nothing up', async () => {
    const reporter = `w-${uuidv7()}`;
    const unlucky = `w-${uuidv7()}`;
    failing.add(unlucky);
    const id = await h.submit(reporter);
    const other = await h.submit(unlucky);
    await eventually(() => webhook.received.filter((n) => n.grievanceId === id), (list) => list.length === 1, { what: 'the webhook call' });
    // In Chinese: nothing said this reporter reads another language.
    expect(webhook.received.find((n) => n.grievanceId === id)).toMatchObject({
      recipientId: reporter,
      eventType: 'grievance.submitted',
      language: 'zh-CN',
      message: expect.stringContaining('我们已收到您的诉求'),
    });
    await eventually(
      () => h.query<{ grievance_id: string; delivery: string }>(`SELECT grievance_id, delivery FROM feedback_notifications WHERE grievance_id IN ($1, $2)`, [id, other]),
      (rows) => rows.length === 2 && rows.every((r) => r.delivery !== 'pending'),
      { what: 'both deliveries to be attempted' },
    );
    const rows = await h.query<{ grievance_id: string; delivery: string }>(`SELECT grievance_id, delivery FROM feedback_notifications WHERE grievance_id IN ($1, $2)`, [id, other]);
    expect(Object.fromEntries(rows.map((r) => [r.grievance_id, r.delivery]))).toEqual({ [id]: 'sent', [other]: 'failed' });
    // The consumer went on: a later event of the failed one is still applied.
    await h.resolve(other);
    await h.untilStatus(other, ['resolved']);
  });

  it('posts to the webhook in the language the reporter reads', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter, { language: 'en' });
    await eventually(() => webhook.received.filter((n) => n.grievanceId === id), (list) => list.length === 1, { what: 'the webhook call' });
    expect(webhook.received.find((n) => n.grievanceId === id)).toMatchObject({ recipientId: reporter, language: 'en', message: expect.stringContaining('We received your report') });
  });

  it('posts a staff notification to the same webhook, for the holder by its key, marked as the staff’s', async () => {
    const id = uuidv7();
    const worker = `gw-${uuidv7().slice(-8)}`;
    await h.publish('ticket.dispatched.v1', id, { ticketId: uuidv7(), gridId: 'g-1', gridWorkerId: worker, attempt: 1 });
    const [sent] = await eventually(() => webhook.received.filter((n) => n.grievanceId === id), (list) => list.length === 1, { what: 'the staff webhook call' });
    expect(sent).toMatchObject({
      audience: 'staff',
      recipientId: `grid_worker:${worker}`,
      eventType: 'ticket.dispatched',
      language: 'zh-CN',
      message: '有一张新的核查工单派给您，请尽快签收并到现场核查。',
    });
    await eventually(
      () => h.query<{ delivery: string }>(`SELECT delivery FROM feedback_staff_notifications WHERE grievance_id = $1`, [id]),
      (rows) => rows.length === 1 && rows[0]!.delivery === 'sent',
      { what: 'the staff notification marked sent' },
    );
    // The reporters' webhook calls say whose they are too.
    expect(webhook.received.filter((n) => n.audience === 'reporter').length).toBeGreaterThan(0);
  });
});
