import { Redis } from 'ioredis';
import { createEnvelope, SLA_SETTINGS_STREAM_ID, SlaBreachedV1, SlaStartedV1 } from '@grievance/contracts';
import { DEFAULT_SLA_POLICIES, SlaDeadline, SlaEngine } from '@grievance/sla';
import { eventually, PrivateRedis, startPrivateRedis, waitForMessages } from '@grievance/testing';
import { ticketSubject } from '../src/deadlines/ticket-deadlines';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, parse, reportHazard, restartService, startHarness } from './helpers';

jest.setTimeout(180_000);

/** The urgent policy gives 30 minutes to accept: × 0.002 = 3.6 s, long enough for a test to accept in time. */
const TIME_SCALE = '0.002';
const URGENT_ACCEPT_MS = 30 * 60 * 1000;

interface TicketRow {
  id: string;
  status: string;
  attempt: number;
  grid_worker_id: string | null;
  lapsed_worker_ids: string[];
  accept_by: Date | null;
}

/** The fixture's workers are named after their grid: gw-g1-2 works in g1. */
const gridOf = (gridWorkerId: string) => /^gw-(g\d+)-/.exec(gridWorkerId)![1]!;

describe('grid-dispatch: tickets on SLA deadlines (accept, verify)', () => {
  let h: Harness;
  let redis: PrivateRedis;

  beforeAll(async () => {
    // A Redis of this suite's own, so FLUSHALL touches nobody else's queues.
    redis = await startPrivateRedis();
    h = await startHarness({ SLA_TIME_SCALE: TIME_SCALE, REDIS_URL: redis.url });
  });

  afterAll(async () => {
    await h?.close();
    await redis?.stop();
  });

  const engine = () => h.service.app.get(SlaEngine);

  async function ticketOf(grievanceId: string): Promise<TicketRow | undefined> {
    const [row] = (await h.dataSource.query(
      `SELECT id, status, attempt, grid_worker_id, lapsed_worker_ids, accept_by FROM tickets WHERE grievance_id = $1`,
      [grievanceId],
    )) as TicketRow[];
    return row;
  }

  /** Polls the ticket (the database, not the broker: fast enough to accept within the window). */
  function ticketWhen(grievanceId: string, accept: (t: TicketRow) => boolean, what: string, timeoutMs = 30_000): Promise<TicketRow> {
    return eventually(() => ticketOf(grievanceId), (t): boolean => t !== undefined && accept(t), { what, timeoutMs, intervalMs: 50 }) as Promise<TicketRow>;
  }

  async function acceptAs(gridWorkerId: string, ticketId: string, status = 200) {
    const token = await gridWorkerToken(gridWorkerId, gridOf(gridWorkerId));
    return api(h).post(`/v1/tickets/${ticketId}/accept`).set('Authorization', `Bearer ${token}`).expect(status);
  }

  async function setDuty(gridWorkerId: string, onDuty: boolean): Promise<void> {
    const token = await gridWorkerToken(gridWorkerId, gridOf(gridWorkerId));
    await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${token}`).send({ onDuty }).expect(200);
  }

  /** The payloads of a topic written to the outbox for a grievance, in order (the one place an event is ever written). */
  async function writtenOf<T>(topic: 'sla.breached.v1' | 'sla.started.v1', grievanceId: string): Promise<T[]> {
    const rows = (await h.dataSource.query(`SELECT envelope FROM messaging_outbox WHERE topic = $1 AND message_key = $2 ORDER BY seq`, [topic, grievanceId])) as {
      envelope: { payload: T };
    }[];
    return rows.map((r) => r.envelope.payload);
  }
  const breachesOf = (grievanceId: string) => writtenOf<SlaBreachedV1>('sla.breached.v1', grievanceId);

  async function dispatchesInOutbox(grievanceId: string): Promise<number> {
    const [row] = (await h.dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'ticket.dispatched.v1' AND message_key = $1`, [
      grievanceId,
    ])) as { n: number }[];
    return row!.n;
  }

  async function ticketDeadlines(grievanceId: string, ticketId: string): Promise<SlaDeadline[]> {
    return (await engine().historyOf(grievanceId)).filter((d) => d.subject === ticketSubject(ticketId));
  }

  it('re-dispatches a ticket not accepted in time to the next worker, with one breach and one new dispatch', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
    const first = await ticketWhen(grievanceId, (t) => t.status === 'dispatched', 'the first dispatch');
    const lapsedBy = first.grid_worker_id!;
    const next = await ticketWhen(grievanceId, (t) => t.attempt === 2, 'the re-dispatch');
    expect(next.grid_worker_id).not.toBe(lapsedBy);
    expect(['gw-g1-1', 'gw-g1-2']).toContain(next.grid_worker_id);
    expect(next.lapsed_worker_ids).toEqual([lapsedBy]);
    // The next worker accepts in time: nothing else can break now.
    await acceptAs(next.grid_worker_id!, next.id);

    const breaches = await breachesOf(grievanceId);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ target: 'accept', holder: { type: 'grid_worker', id: lapsedBy }, budgetMs: URGENT_ACCEPT_MS });
    expect(await dispatchesInOutbox(grievanceId)).toBe(2);

    // And on the broker: the breach, then the re-dispatch it caused.
    const [breached] = await waitForMessages(h.kafka, 'sla.breached.v1', 1, (m) => parse(m).grievanceId === grievanceId);
    const dispatched = await dispatchedOf(h, grievanceId, 2);
    expect(dispatched.map((e) => [e.payload.attempt, e.payload.gridWorkerId])).toEqual([
      [1, lapsedBy],
      [2, next.grid_worker_id],
    ]);
    expect(dispatched[1]!.causationId).toBe(parse(breached!).eventId);

    // The chain of accept deadlines: the lapsed worker's handed over (breached), the next one's met; then the verify clock.
    const deadlines = await ticketDeadlines(grievanceId, next.id);
    const accepts = deadlines.filter((d) => d.target === 'accept');
    expect(accepts.map((d) => [d.holder.id, d.status, d.breachedAt !== null])).toEqual([
      [lapsedBy, 'handed_over', true],
      [next.grid_worker_id, 'met', false],
    ]);
    expect(accepts[1]!.previousId).toBe(accepts[0]!.id);
    expect(deadlines.filter((d) => d.target === 'verify').map((d) => [d.holder.id, d.status])).toEqual([[next.grid_worker_id, 'running']]);
  });

  it('never gives a ticket back to a worker who let it lapse; with nobody left it waits, and goes to whoever comes on duty', async () => {
    // Only g1's two workers are on duty around g1.
    await setDuty('gw-g2-1', false);
    await setDuty('gw-g3-1', false);
    try {
      const { grievanceId } = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1 });
      const waiting = await ticketWhen(grievanceId, (t) => t.status === 'undispatched' && t.attempt === 2, 'both g1 workers to let it lapse');
      expect(new Set(waiting.lapsed_worker_ids)).toEqual(new Set(['gw-g1-1', 'gw-g1-2']));
      expect(waiting).toMatchObject({ grid_worker_id: null, accept_by: null });
      expect(await breachesOf(grievanceId)).toHaveLength(2);
      // Nobody holds it, so nobody owes an accept deadline for it.
      expect((await engine().openFor(grievanceId)).filter((d) => d.target === 'accept')).toEqual([]);

      await setDuty('gw-g2-1', true);
      const taken = await ticketWhen(grievanceId, (t) => t.status === 'dispatched', 'the dispatch to the worker back on duty');
      expect(taken).toMatchObject({ grid_worker_id: 'gw-g2-1', attempt: 3 });
      await acceptAs('gw-g2-1', taken.id);
      // One chain of accept deadlines: the first lapse handed over, the second cancelled (nobody left), then a fresh one.
      const accepts = (await ticketDeadlines(grievanceId, taken.id)).filter((d) => d.target === 'accept');
      expect(accepts.map((d) => d.status)).toEqual(['handed_over', 'cancelled', 'met']);
      expect(new Set(accepts.slice(0, 2).map((d) => d.holder.id))).toEqual(new Set(['gw-g1-1', 'gw-g1-2']));
      expect(accepts[2]!.holder.id).toBe('gw-g2-1');
      expect(accepts.find((d) => d.holder.id === 'gw-g2-1')!.budgetMs).toBe(URGENT_ACCEPT_MS);
    } finally {
      await setDuty('gw-g2-1', true);
      await setDuty('gw-g3-1', true);
    }
  });

  it('completes the accept deadline of a ticket accepted in time (no breach), then the verify deadline at the check', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
    const ticket = await ticketWhen(grievanceId, (t) => t.status === 'dispatched', 'the dispatch');
    await acceptAs(ticket.grid_worker_id!, ticket.id);
    const [accept] = (await ticketDeadlines(grievanceId, ticket.id)).filter((d) => d.target === 'accept');
    expect(accept).toMatchObject({ status: 'met', holder: { id: ticket.grid_worker_id }, breachedAt: null });
    // Past the moment it was due (and the alarm's slot), still no breach and the ticket stays.
    const due = accept!.dueAt!.getTime();
    await eventually(() => Date.now(), (now) => now > due + 3000, { what: 'the accept deadline to pass', timeoutMs: 30_000 });
    expect(await breachesOf(grievanceId)).toEqual([]);
    expect(await ticketOf(grievanceId)).toMatchObject({ status: 'accepted', attempt: 1, grid_worker_id: ticket.grid_worker_id });

    const token = await gridWorkerToken(ticket.grid_worker_id!, gridOf(ticket.grid_worker_id!));
    await api(h)
      .post(`/v1/tickets/${ticket.id}/verify`)
      .set('Authorization', `Bearer ${token}`)
      .send({ verdict: 'invalid', note: 'Nothing there.', position: IN_GRID.g3 })
      .expect(200);
    const verify = (await ticketDeadlines(grievanceId, ticket.id)).find((d) => d.target === 'verify');
    expect(verify).toMatchObject({ status: 'met', holder: { id: ticket.grid_worker_id } });
    expect(await engine().openFor(grievanceId)).toEqual([]);
    // Each deadline announced itself once as it started (met ones too), with the ticket it is about.
    const started = await writtenOf<SlaStartedV1>('sla.started.v1', grievanceId);
    expect(started.map((p) => [p.target, p.deadlineId, p.subject])).toEqual([
      ['accept', accept!.id, `ticket:${ticket.id}`],
      ['verify', verify!.id, `ticket:${ticket.id}`],
    ]);
    expect(started[0]!.dueAt).toBe(accept!.dueAt!.toISOString());
  });

  it('keeps a pending accept deadline through a restart and a Redis FLUSHALL, and fires it exactly once', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g2', location: IN_GRID.g2 });
    const first = await ticketWhen(grievanceId, (t) => t.status === 'dispatched', 'the dispatch');
    const [pending] = (await ticketDeadlines(grievanceId, first.id)).filter((d) => d.status === 'running');
    // Redis loses every alarm while no process runs; Postgres keeps the deadline.
    await restartService(h, async () => {
      const client = new Redis(redis.url);
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    });
    const moved = await ticketWhen(grievanceId, (t) => t.attempt === 2, 'the re-dispatch after the restart');
    expect(moved.grid_worker_id).not.toBe(first.grid_worker_id);
    await acceptAs(moved.grid_worker_id!, moved.id);
    const breaches = await breachesOf(grievanceId);
    expect(breaches.map((b) => b.deadlineId)).toEqual([pending!.id]);
    expect(await dispatchesInOutbox(grievanceId)).toBe(2);
  });

  it('loses no deadline to a Redis FLUSHALL while the service runs', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g2', location: IN_GRID.g2 });
    const first = await ticketWhen(grievanceId, (t) => t.status === 'dispatched', 'the dispatch');
    const client = new Redis(redis.url);
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
    const moved = await ticketWhen(grievanceId, (t) => t.attempt === 2, 'the re-dispatch after the flush');
    expect(moved.grid_worker_id).not.toBe(first.grid_worker_id);
    await acceptAs(moved.grid_worker_id!, moved.id);
    expect(await breachesOf(grievanceId)).toHaveLength(1);
  });

  it('plans the accept deadline again, from the dispatch, when the urgent report arrives after its routing', async () => {
    const { grievanceId } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3, routedFirst: true });
    const ticket = await ticketWhen(grievanceId, (t) => t.status === 'dispatched', 'the dispatch');
    const open = await eventually(
      async () => (await ticketDeadlines(grievanceId, ticket.id)).filter((d) => d.target === 'accept' && d.status === 'running'),
      (ds) => ds.length === 1 && ds[0]!.grievance.urgency === 'urgent',
      { what: 'the accept deadline under the urgent policy' },
    );
    expect(open[0]).toMatchObject({ policyId: 'urgent', budgetMs: URGENT_ACCEPT_MS, holder: { id: ticket.grid_worker_id } });
    // Planned first as a normal grievance (general policy), then again from the same start.
    const [first] = await ticketDeadlines(grievanceId, ticket.id);
    expect(first).toMatchObject({ policyId: 'general', status: 'cancelled' });
    expect(open[0]!.startedAt.getTime()).toBe(first!.startedAt.getTime());
    const accepted = await acceptAs(ticket.grid_worker_id!, ticket.id);
    expect(Date.parse((accepted.body as { acceptBy: string }).acceptBy)).toBe(open[0]!.dueAt!.getTime());
  });

  it('gives deadlines started after an sla.policy-changed.v1 the new budget; running ones keep theirs', async () => {
    const urgent = DEFAULT_SLA_POLICIES.find((p) => p.id === 'urgent')!;
    const { grievanceId: before } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
    const running = await ticketWhen(before, (t) => t.status === 'dispatched', 'the dispatch before the change');

    const change = createEnvelope({
      topic: 'sla.policy-changed.v1',
      grievanceId: SLA_SETTINGS_STREAM_ID,
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'test-policy-change',
      payload: {
        kind: 'policy',
        id: 'urgent',
        action: 'put',
        version: 2,
        after: { ...urgent, targets: { ...urgent.targets, accept: 'PT1H' } } as unknown as Record<string, unknown>,
        before: urgent as unknown as Record<string, unknown>,
        reason: 'grid workers get an hour',
      },
    });
    await h.publisher.publish('sla.policy-changed.v1', change);
    await eventually(
      () => h.dataSource.query(`SELECT version FROM sla_policies WHERE id = 'urgent'`) as Promise<{ version: number }[]>,
      (rows) => rows[0]?.version === 2,
      { what: "the change applied to this service's store" },
    );
    // Delivered twice (a replay): it changes nothing more.
    await h.publisher.publish('sla.policy-changed.v1', change);

    const { grievanceId: later } = await reportHazard(h, { gridId: 'g3', location: IN_GRID.g3 });
    const ticket = await ticketWhen(later, (t) => t.status === 'dispatched', 'the dispatch after the change');
    const [fresh] = (await ticketDeadlines(later, ticket.id)).filter((d) => d.target === 'accept');
    expect(fresh).toMatchObject({ policyId: 'urgent', policyVersion: 2, budgetMs: 60 * 60 * 1000 });
    const [old] = (await ticketDeadlines(before, running.id)).filter((d) => d.target === 'accept');
    expect(old).toMatchObject({ policyVersion: 1, budgetMs: URGENT_ACCEPT_MS });
    const [{ n }] = (await h.dataSource.query(`SELECT count(*)::int AS n FROM sla_settings_history WHERE item_id = 'urgent' AND version = 2`)) as [{ n: number }];
    expect(n).toBe(1);
  });
});
