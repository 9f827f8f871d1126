import { randomUUID } from 'node:crypto';
import { createEnvelope, EventEnvelope, routedReportOf, TopicName } from '@grievance/contracts';
import { EventConsumers } from '@grievance/platform';
import { deliverCounted, eventually, failNextInsertOnce, StatementCounter } from '@grievance/testing';
import { GRID_DISPATCH_CONSUMER_GROUP } from '../src/dispatch/dispatch.consumer';
import { GRID_DISPATCH_REPORTS_CONSUMER_GROUP } from '../src/dispatch/reports.consumer';
import { Harness, IN_GRID, routedEvent, startHarness } from './helpers';

jest.setTimeout(180_000);

const submitted = (grievanceId: string, urgency: 'normal' | 'urgent' = 'urgent'): { topic: TopicName; envelope: EventEnvelope } => ({
  topic: 'grievance.submitted.v1',
  envelope: createEnvelope({
    topic: 'grievance.submitted.v1',
    grievanceId,
    actor: { id: 'intake', role: 'system' },
    correlationId: `test-${grievanceId}`,
    payload: {
      trackingNo: 'NC-20261207-000001',
      kind: 'hazard',
      category: 'manhole_cover_missing',
      title: 'Manhole cover missing',
      description: 'Riders swerve into traffic.',
      urgency,
      location: { ...IN_GRID.g1, address: 'Bayi Avenue' },
      attachmentIds: [randomUUID()],
      reporter: { id: 'rider-1', occupation: 'rider' },
      submittedAt: new Date().toISOString(),
    },
  }) as EventEnvelope,
});

/**
 * A consumed batch of submissions applied as a whole by grid-dispatch: the statements and
 * transactions it costs, and what it leaves when it holds a duplicate, spans many hazards,
 * comes after the tickets of some of them, or is redelivered after failing half-way. (A
 * routing stays one dispatch per event: who gets the ticket is chosen on fresh state.)
 */
describe('grid-dispatch applies a consumed batch of submissions', () => {
  let h: Harness;
  let counter: StatementCounter;

  beforeAll(async () => {
    h = await startHarness();
    counter = StatementCounter.start(h.env.DATABASE_URL!);
  });

  afterAll(async () => {
    counter?.stop();
    await h?.close();
  });

  const statsOf = (group: string) => h.service.app.get(EventConsumers).get(group).stats;
  /** Events the reports group (grievance.submitted.v1) took, new or again. */
  const seen = () => statsOf(GRID_DISPATCH_REPORTS_CONSUMER_GROUP).applied + statsOf(GRID_DISPATCH_REPORTS_CONSUMER_GROUP).duplicates;
  /** Events the dispatch group (grievance.routed.v1) took. */
  const routingsSeen = () => statsOf(GRID_DISPATCH_CONSUMER_GROUP).applied + statsOf(GRID_DISPATCH_CONSUMER_GROUP).duplicates;
  async function deliver(events: { topic: TopicName; envelope: EventEnvelope }[]): Promise<{ transactions: number; statements: number }> {
    const cost = await deliverCounted(h.kafka, events, seen, counter);
    process.stdout.write(`grid-dispatch: ${events.length} events, ${cost.transactions} transactions, ${cost.statements} statements\n`);
    return cost;
  }
  const snapshots = async (ids: string[]) =>
    (await h.dataSource.query(`SELECT grievance_id, urgency, attachment_ids FROM grievance_snapshots WHERE grievance_id = ANY($1::uuid[])`, [ids])) as {
      grievance_id: string;
      urgency: string;
      attachment_ids: string[];
    }[];
  /** Tickets routed before their reports came (dispatched, urgency normal until the report says otherwise). */
  const routedFirst = async (n: number): Promise<string[]> => {
    const ids = Array.from({ length: n }, () => randomUUID());
    const before = routingsSeen();
    // Routings made before they carried the report.
    for (const id of ids) await h.publisher.publish('grievance.routed.v1', routedEvent(id, `test-${id}`, randomUUID(), 'g1'));
    await eventually(
      async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE grievance_id = ANY($1::uuid[]) AND status = 'dispatched'`, [ids])) as { n: number }[],
      (rows) => rows[0]!.n === n,
      { what: `${n} tickets dispatched` },
    );
    // The routings' own transactions are not counted with the batch.
    await eventually(routingsSeen, (s) => s >= before + n, { what: `${n} routings consumed` });
    return ids;
  };

  it('keeps one report with a handful of statements', async () => {
    const id = randomUUID();
    const cost = await deliver([submitted(id)]);
    // BEGIN, the inbox, the report kept and the tickets read at once, COMMIT.
    expect(cost).toEqual({ transactions: 1, statements: 4 });
    expect(await snapshots([id])).toEqual([expect.objectContaining({ grievance_id: id, urgency: 'urgent' })]);
  });

  it('keeps a batch of reports of many hazards, with a duplicate in it, once each', async () => {
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const batch = ids.map((id) => submitted(id));
    const cost = await deliver([...batch, batch[0]!]);
    // Per transaction: BEGIN, the inbox, one write for all its reports, COMMIT.
    expect(cost.statements).toBe(4 * cost.transactions);
    const kept = await snapshots(ids);
    expect(kept).toHaveLength(12);
    expect(kept.every((s) => s.attachment_ids.length === 1)).toBe(true);
  });

  it('gives the tickets opened before their reports the reports’ urgency, in the same batch as other reports', async () => {
    const early = await routedFirst(3);
    const others = Array.from({ length: 6 }, () => randomUUID());
    await deliver([...early, ...others].map((id) => submitted(id)));
    const tickets = (await h.dataSource.query(`SELECT urgency, accept_by FROM tickets WHERE grievance_id = ANY($1::uuid[])`, [early])) as { urgency: string }[];
    expect(tickets.map((t) => t.urgency)).toEqual(['urgent', 'urgent', 'urgent']);
    expect(await snapshots([...early, ...others])).toHaveLength(9);
  });

  it('leaves nothing doubled or lost when a batch fails half-way and is redelivered', async () => {
    const early = await routedFirst(2);
    const ids = [...early, ...Array.from({ length: 6 }, () => randomUUID())];
    const batch = ids.map((id) => submitted(id));
    const undo = await failNextInsertOnce(h.env.DATABASE_URL!, 'grievance_snapshots');
    try {
      await deliver(batch);
      await deliver(batch); // the whole batch again, as after a crash before its offsets were committed
    } finally {
      await undo();
    }
    expect(await snapshots(ids)).toHaveLength(ids.length);
    const tickets = (await h.dataSource.query(`SELECT urgency FROM tickets WHERE grievance_id = ANY($1::uuid[])`, [early])) as { urgency: string }[];
    expect(tickets.map((t) => t.urgency)).toEqual(['urgent', 'urgent']);
    const deadlines = (await h.dataSource.query(`SELECT count(*)::int AS n FROM tickets t WHERE t.grievance_id = ANY($1::uuid[]) AND t.accept_by IS NOT NULL`, [early])) as { n: number }[];
    expect(deadlines[0]!.n).toBe(2);
  });

  it('opens, keeps the report of and dispatches a routed hazard whose routing carries its report, in one transaction; the submission after it changes nothing', async () => {
    const id = randomUUID();
    const submission = submitted(id);
    const routing = { topic: 'grievance.routed.v1' as TopicName, envelope: routedEvent(id, `test-${id}`, submission.envelope.eventId, 'g1', routedReportOf(submission.envelope as never)) as EventEnvelope };
    const before = routingsSeen();
    counter.reset();
    await h.publisher.publish('grievance.routed.v1', routing.envelope as never);
    await eventually(routingsSeen, (n) => n >= before + 1, { what: 'the routing consumed' });
    const cost = { transactions: counter.consumerTransactions().length, statements: counter.consumerStatements() };
    process.stdout.write(`grid-dispatch: a routing with its report, ${cost.transactions} transactions, ${cost.statements} statements\n`);
    // BEGIN, the inbox, the ticket opened with its report kept, where it can go, the accept deadline,
    // the ticket's dispatch, its dispatch row, its two events (dispatched, the deadline started), COMMIT.
    expect(cost).toEqual({ transactions: 1, statements: 10 });
    const ticket = async () =>
      ((await h.dataSource.query(`SELECT status, urgency, grid_worker_id, accept_by FROM tickets WHERE grievance_id = $1`, [id])) as { status: string; urgency: string; grid_worker_id: string | null; accept_by: Date | null }[])[0];
    const dispatched = await ticket();
    expect(dispatched).toMatchObject({ status: 'dispatched', urgency: 'urgent' });
    expect(dispatched!.grid_worker_id).not.toBeNull();
    expect(await snapshots([id])).toEqual([expect.objectContaining({ grievance_id: id, urgency: 'urgent', attachment_ids: (submission.envelope.payload as { attachmentIds: string[] }).attachmentIds })]);

    // The submission comes after: its report is kept already; the ticket and its deadline stay as they are.
    await deliver([submission]);
    expect(await ticket()).toEqual(dispatched);
    expect(await snapshots([id])).toHaveLength(1);
    const dispatches = (await h.dataSource.query(`SELECT count(*)::int AS n FROM ticket_dispatches d JOIN tickets t ON t.id = d.ticket_id WHERE t.grievance_id = $1`, [id])) as { n: number }[];
    expect(dispatches[0]!.n).toBe(1);
  });
});
