import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DUPLICATE_CHECK_HOLDER, uuidv7 } from '@grievance/contracts';
import { createTestDatabase, eventually, TestDatabase, uniqueTopicPrefix } from '@grievance/testing';
import { FeedbackHarness, MUNICIPAL_WORKS, workerToken } from './feedback-harness';

jest.setTimeout(90_000);

interface Sent {
  recipientId: string;
  grievanceId: string;
  eventType: string;
  language: string;
  message: string;
}

/** A webhook receiver that keeps what it is sent. */
async function startWebhook(): Promise<{ server: Server; url: string; received: Sent[] }> {
  const received: Sent[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as Sent);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('the feedback service (co-reporters)', () => {
  let h: FeedbackHarness;
  let db: TestDatabase;
  let webhook: Awaited<ReturnType<typeof startWebhook>>;

  beforeAll(async () => {
    webhook = await startWebhook();
    db = await createTestDatabase('feedback-co-reporters');
    h = await FeedbackHarness.start({
      DATABASE_URL: db.url,
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('feedback-co'),
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_POLL_INTERVAL_MS: '100',
    });
  });

  afterAll(async () => {
    await h?.close();
    await db?.drop();
    await new Promise((resolve) => webhook?.server.close(resolve));
  });

  const inApp = async (workerId: string, language = 'en') =>
    (await request(h.url).get('/v1/notifications').set('authorization', `Bearer ${await workerToken(workerId)}`).set('accept-language', language).expect(200)).body as {
      items: { grievanceId: string; eventType: string; message: string }[];
    };
  const rate = async (id: string, workerId: string, rating: string) =>
    request(h.url).post(`/v1/grievances/${id}/rating`).set('authorization', `Bearer ${await workerToken(workerId)}`).send({ rating });

  it('tells a co-reporter, in their language, that the grievance they joined was resolved and closed; only its reporter rates it', async () => {
    const reporter = `w-${uuidv7()}`;
    const follower = `w-${uuidv7()}`;
    const original = await h.submit(reporter, { language: 'en' });
    const trackingNo = (await h.query<{ tracking_no: string }>(`SELECT tracking_no FROM feedback_grievances WHERE grievance_id = $1`, [original]))[0]!.tracking_no;
    const duplicate = await h.submit(follower, { duplicateOf: original, language: 'zh-CN' });
    await h.publish('grievance.linked.v1', duplicate, { duplicateOf: original, reporterId: follower, linkedBy: { ...DUPLICATE_CHECK_HOLDER } });
    await eventually(() => h.query(`SELECT 1 FROM feedback_co_reporters WHERE grievance_id = $1 AND reporter_id = $2`, [original, follower]), (rows) => rows.length === 1, {
      what: 'the follower a co-reporter of the original',
    });

    await h.publish('grievance.resolved.v1', original, { resolvedBy: MUNICIPAL_WORKS, resolution: 'New cover fitted.', attachmentIds: [uuidv7()] });
    await h.untilStatus(original, ['resolved']);
    const resolved = await eventually(() => inApp(follower), (b) => b.items.some((n) => n.eventType === 'grievance.resolved'), { what: 'the co-reporter told of the resolution' });
    expect(resolved.items.find((n) => n.eventType === 'grievance.resolved')).toEqual(
      expect.objectContaining({
        grievanceId: original,
        message: `Municipal works resolved the report you joined (${trackingNo}); the fix photos are in your report. What was done: New cover fitted.`,
      }),
    );
    expect((await inApp(reporter)).items[0]!.message).toBe('Municipal works resolved it: New cover fitted. Please rate the result.');

    // The co-reporter's rating reads as for a grievance not theirs; the reporter's closes the loop.
    expect((await rate(original, follower, 'unsatisfied')).status).toBe(404);
    expect(await h.query(`SELECT 1 FROM feedback_ratings WHERE grievance_id = $1`, [original])).toEqual([]);
    expect((await rate(original, reporter, 'satisfied')).status).toBe(201);
    await h.untilStatus(original, ['closed']);
    const closed = await eventually(() => inApp(follower), (b) => b.items.some((n) => n.eventType === 'grievance.closed'), { what: 'the co-reporter told of the close' });
    expect(closed.items[0]).toMatchObject({ grievanceId: original, eventType: 'grievance.closed', message: `The report you joined (${trackingNo}) is closed.` });
    expect((await inApp(reporter)).items[0]!.message).toBe('Closed. Thank you for your rating.');

    // The webhook carries the same, each in the language its reader asked for.
    const sent = await eventually(
      async () => webhook.received.filter((n) => n.grievanceId === original && ['grievance.resolved', 'grievance.closed'].includes(n.eventType)),
      (list) => list.length === 4,
      { what: 'the resolution and the close sent to both' },
    );
    expect(sent.filter((n) => n.recipientId === follower).map((n) => [n.eventType, n.language, n.message])).toEqual([
      ['grievance.resolved', 'zh-CN', `您参与反映的诉求（编号 ${trackingNo}）已由Municipal works办结，整改照片可在诉求详情中查看。办理结果：New cover fitted.`],
      ['grievance.closed', 'zh-CN', `您参与反映的诉求（编号 ${trackingNo}）已结案。`],
    ]);
    expect(sent.filter((n) => n.recipientId === reporter).map((n) => [n.eventType, n.language])).toEqual([
      ['grievance.resolved', 'en'],
      ['grievance.closed', 'en'],
    ]);
  });

  it('does not put the holder’s question to the reporter to a co-reporter', async () => {
    const reporter = `w-${uuidv7()}`;
    const follower = `w-${uuidv7()}`;
    const original = await h.submit(reporter);
    await h.submit(follower, { duplicateOf: original });
    await h.publish('grievance.paused.v1', original, { holder: MUNICIPAL_WORKS, question: 'Which side of the road?' });
    await eventually(() => inApp(reporter), (b) => b.items.some((n) => n.eventType === 'grievance.paused'), { what: 'the reporter asked' });
    expect((await inApp(follower)).items.map((n) => n.eventType)).not.toContain('grievance.paused');
  });
});
