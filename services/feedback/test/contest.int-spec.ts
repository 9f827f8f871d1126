import request from 'supertest';
import { uuidv7 } from '@grievance/contracts';
import { eventually } from '@grievance/testing';
import { FeedbackHarness, GRID, workerToken } from './feedback-harness';

jest.setTimeout(90_000);

const GRID_WORKER = { type: 'grid_worker' as const, id: 'gw-qs-01-1', name: 'gw-qs-01-1' };
const DAY = 24 * 60 * 60 * 1000;

describe('contesting a grid worker’s invalid verdict (feedback, real Postgres and Kafka)', () => {
  let h: FeedbackHarness;

  beforeAll(async () => {
    h = await FeedbackHarness.start({ CONTEST_WINDOW_MS: String(7 * DAY) });
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A hazard the grid worker found invalid on site, closed on that verdict. */
  async function closedOnInvalidVerdict(reporter: string): Promise<string> {
    const id = await h.submit(reporter);
    await h.publish('grievance.routed.v1', id, { kind: 'hazard', category: 'manhole_cover_missing', gridId: GRID.id, holder: GRID, fallback: false });
    await h.publish('grievance.rejected.v1', id, { rejectedBy: GRID_WORKER, reason: 'Nothing there on site.' }, { actor: { id: 'routing', role: 'system' } });
    await h.untilStatus(id, ['closed']);
    return id;
  }

  const contest = async (id: string, reporter: string, body: object) =>
    request(h.url).post(`/v1/grievances/${id}/contest`).set('authorization', `Bearer ${await workerToken(reporter)}`).send(body);

  it('reopens the grievance, tells the other services whose verdict is contested and why, and refuses a second contest', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await closedOnInvalidVerdict(reporter);

    const first = await contest(id, reporter, { reason: '  The cover is still missing, by the school gate.  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ grievanceId: id, status: 'routed' });
    const [grievance] = await h.query<{ status: string; close_outcome: string | null; contest_reason: string }>(
      `SELECT status, close_outcome, contest_reason FROM feedback_grievances WHERE grievance_id = $1`,
      [id],
    );
    expect(grievance).toEqual({ status: 'routed', close_outcome: null, contest_reason: 'The cover is still missing, by the school gate.' });

    const [contested] = await h.eventsOn('grievance.contested.v1', id);
    expect(contested!.payload).toEqual({ reporterId: reporter, reason: 'The cover is still missing, by the school gate.', verdictBy: GRID_WORKER });
    expect(contested!.actor).toEqual({ id: reporter, role: 'worker' });

    // Its own event comes back to it and changes nothing: the grievance stays open, with a notification.
    const inbox = await eventually(
      async () => (await request(h.url).get('/v1/notifications').set('authorization', `Bearer ${await workerToken(reporter)}`).set('accept-language', 'en')).body,
      (b: { items: { eventType: string; message: string }[] }) => b.items[0]?.eventType === 'grievance.contested',
      { what: 'the contest notification' },
    );
    expect(inbox.items[0].message).toBe('We received your request for a second check: another grid worker will check it on site.');
    expect(await h.statusOf(id)).toBe('routed');

    const second = await contest(id, reporter, { reason: 'Again.' });
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.body)).toContain('already contested once');
  });

  it('takes a contest that comes before feedback has the verdict the reporter saw: it waits for it', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await h.submit(reporter);
    await h.publish('grievance.routed.v1', id, { kind: 'hazard', category: 'manhole_cover_missing', gridId: GRID.id, holder: GRID, fallback: false });
    // The reporter contests first (intake's view already shows the verdict); feedback reads the verdict 300 ms later.
    const contesting = contest(id, reporter, { reason: 'The cover is still missing.' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await h.statusOf(id)).not.toBe('closed');
    await h.publish('grievance.rejected.v1', id, { rejectedBy: GRID_WORKER, reason: 'Nothing there on site.' }, { actor: { id: 'routing', role: 'system' } });
    const answer = await contesting;
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ grievanceId: id, status: 'routed' });
  });

  it('closes the grievance for good when the second check finds it invalid too, and allows no contest of it', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await closedOnInvalidVerdict(reporter);
    expect((await contest(id, reporter, { reason: 'Still open.' })).status).toBe(201);
    await h.publish('ticket.dispatched.v1', id, { ticketId: uuidv7(), gridId: GRID.id, gridWorkerId: 'gw-qs-01-2', attempt: 2 });
    await h.untilStatus(id, ['dispatched']);
    await h.publish('grievance.rejected.v1', id, { rejectedBy: { type: 'grid_worker', id: 'gw-qs-01-2', name: 'gw-qs-01-2' }, reason: 'Checked again: the cover is there.' });
    await h.untilStatus(id, ['closed']);
    const closes = await h.eventsOn('grievance.closed.v1', id, 2);
    expect(closes.map((c) => c.payload.outcome)).toEqual(['rejected', 'rejected']);
    expect((await contest(id, reporter, { reason: 'Once more.' })).status).toBe(409);
  });

  it('refuses a contest without a reason (400 naming the field), past the window (422), of another’s grievance (404) or of a grievance not closed on a verdict (409), changing nothing', async () => {
    const reporter = `w-${uuidv7()}`;
    const id = await closedOnInvalidVerdict(reporter);

    for (const body of [{}, { reason: '' }, { reason: 42 }]) {
      const refused = await contest(id, reporter, body);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('reason');
    }
    expect((await contest(id, `w-${uuidv7()}`, { reason: 'Not mine.' })).status).toBe(404);

    // The verdict was given eight days ago: the seven-day window has passed.
    await h.query(`UPDATE feedback_grievances SET rejected_at = now() - interval '8 days' WHERE grievance_id = $1`, [id]);
    const late = await contest(id, reporter, { reason: 'Too late?' });
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('that time has passed');
    expect(await h.statusOf(id)).toBe('closed');

    const open = await h.submit(reporter);
    const notClosed = await contest(open, reporter, { reason: 'Nothing was decided yet.' });
    expect(notClosed.status).toBe(409);
    expect(JSON.stringify(notClosed.body)).toContain("only a hazard closed on a grid worker's invalid verdict");
  });
});
