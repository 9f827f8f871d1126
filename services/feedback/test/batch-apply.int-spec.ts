import { EventEnvelope, Holder, SYSTEM_ACTOR, TopicName, uuidv7 } from '@grievance/contracts';
import { EventConsumers } from '@grievance/platform';
import { batchEvent, eventually, StatementCounter } from '@grievance/testing';
import { FEEDBACK_CONSUMER_GROUP } from '../src/grievances/feedback.consumer';
import { STAFF_NOTIFICATIONS_CONSUMER_GROUP } from '../src/staff-notifications/staff-notifications.consumer';
import { FeedbackHarness, MUNICIPAL_WORKS } from './feedback-harness';

jest.setTimeout(180_000);

const DEPARTMENT_USER = { id: 'dept-user', role: 'department' } as const;

const accepted = (id: string, minutes: number) => batchEvent('grievance.accepted.v1', id, { holder: MUNICIPAL_WORKS }, { actor: DEPARTMENT_USER, minutesLater: minutes });
const resolved = (id: string, minutes: number) =>
  batchEvent('grievance.resolved.v1', id, { resolvedBy: MUNICIPAL_WORKS, resolution: 'A new cover was fitted.', attachmentIds: [] }, { actor: DEPARTMENT_USER, minutesLater: minutes });
const verified = (id: string) =>
  batchEvent(
    'ticket.verified.v1',
    id,
    { ticketId: uuidv7(), gridWorkerId: 'gw-qs-01-1', verdict: 'confirmed', note: 'Cover missing, fenced off.', position: { lat: 28.68, lng: 115.89 }, attachmentIds: [] },
    { actor: { id: 'gw-qs-01-1', role: 'grid_worker' }, minutesLater: 1 },
  );
const warned = (id: string, holder: Holder) =>
  batchEvent(
    'sla.warned.v1',
    id,
    {
      deadlineId: uuidv7(),
      target: 'resolve',
      holder,
      startedAt: new Date(Date.now() - 80_000).toISOString(),
      dueAt: new Date(Date.now() + 20_000).toISOString(),
      firedAt: new Date().toISOString(),
      budgetMs: 100_000,
    },
    { actor: SYSTEM_ACTOR },
  );

/**
 * A consumed batch applied as a whole by feedback's two consumer groups (the reporters' view
 * and the staff notifications): the statements and transactions it costs, and what it leaves
 * when it holds a duplicate, spans several grievances, holds several events of one grievance, or is
 * redelivered after failing half-way.
 */
describe('feedback applies a consumed batch', () => {
  let h: FeedbackHarness;
  let counter: StatementCounter;

  beforeAll(async () => {
    h = await FeedbackHarness.start();
    counter = StatementCounter.start(h.service.config.DATABASE_URL);
  });

  afterAll(async () => {
    counter?.stop();
    await h?.close();
  });

  const stats = (group: string) => h.service.app.get(EventConsumers).get(group).stats;
  const seen = () => stats(FEEDBACK_CONSUMER_GROUP).applied + stats(FEEDBACK_CONSUMER_GROUP).duplicates;
  const seenByStaff = () => stats(STAFF_NOTIFICATIONS_CONSUMER_GROUP).applied + stats(STAFF_NOTIFICATIONS_CONSUMER_GROUP).duplicates;

  /** Submits grievances and waits until the consumer took each submission (so it is not counted with the batch). */
  const submitMany = async (n: number): Promise<{ id: string; reporter: string }[]> => {
    const grievances: { id: string; reporter: string }[] = [];
    for (let i = 0; i < n; i += 1) {
      const before = seen();
      const reporter = `rider-${uuidv7().slice(-8)}`;
      grievances.push({ id: await h.submit(reporter), reporter });
      await eventually(seen, (s) => s > before, { what: 'the submission consumed' });
    }
    return grievances;
  };
  async function deliver(events: { topic: TopicName; envelope: EventEnvelope }[], consumed = seen): Promise<{ transactions: number; statements: number }> {
    const cost = await h.deliverCounted(events, consumed, counter);
    process.stdout.write(`feedback: ${events.length} events, ${cost.transactions} transactions, ${cost.statements} statements\n`);
    return cost;
  }
  const notificationsOf = async (reporter: string) =>
    (await h.query<{ event_type: string }>(`SELECT event_type FROM feedback_notifications WHERE recipient_id = $1 ORDER BY created_at, id`, [reporter])).map(
      (r) => r.event_type,
    );
  const grievanceRow = async (id: string) =>
    (await h.query<{ status: string; resolution_no: number }>(`SELECT status, resolution_no FROM feedback_grievances WHERE grievance_id = $1`, [id]))[0];

  it('applies one event with a handful of statements', async () => {
    const [m] = await submitMany(1);
    const cost = await deliver([accepted(m!.id, 1)]);
    // BEGIN, the inbox, the grievance read and locked with its co-reporters, its state + notification at once, COMMIT.
    expect(cost).toEqual({ transactions: 1, statements: 5 });
    expect((await grievanceRow(m!.id))?.status).toBe('in_progress');
    expect(await notificationsOf(m!.reporter)).toEqual(['grievance.submitted', 'grievance.accepted']);
  });

  it('applies a batch of several grievances, with a duplicate in it, once each', async () => {
    const grievances = await submitMany(12);
    const batch = grievances.map((m) => accepted(m.id, 1));
    const cost = await deliver([...batch, batch[0]!]);
    // Per transaction: BEGIN, the inbox, one write for all its events, COMMIT; and one read per grievance.
    expect(cost.statements).toBe(4 * cost.transactions + grievances.length);
    for (const m of grievances) {
      expect((await grievanceRow(m.id))?.status).toBe('in_progress');
      expect(await notificationsOf(m.reporter)).toEqual(['grievance.submitted', 'grievance.accepted']);
    }
  });

  it('applies several events of one grievance in one batch in their order', async () => {
    const grievances = await submitMany(6);
    // One topic, so each grievance's events share a partition and come in one group, in this order:
    // the second resolution builds on the first (resolution 2, its own rating window).
    await deliver(grievances.flatMap((m) => [resolved(m.id, 1), resolved(m.id, 2)]));
    for (const m of grievances) {
      expect(await grievanceRow(m.id)).toEqual({ status: 'resolved', resolution_no: 2 });
      expect(await notificationsOf(m.reporter)).toEqual(['grievance.submitted', 'grievance.resolved', 'grievance.resolved']);
    }
  });

  it('leaves nothing doubled or lost when a batch fails half-way and is redelivered', async () => {
    const grievances = await submitMany(6);
    const undo = await h.failNextInsertOnce('feedback_notifications');
    // One topic, so each grievance's events come in their order (the second resolution builds on the first).
    const batch = grievances.flatMap((m) => [resolved(m.id, 1), resolved(m.id, 2)]);
    try {
      await deliver(batch);
      await deliver(batch); // the whole batch again, as after a crash before its offsets were committed
    } finally {
      await undo();
    }
    for (const m of grievances) {
      expect(await grievanceRow(m.id)).toEqual({ status: 'resolved', resolution_no: 2 });
      expect(await notificationsOf(m.reporter)).toEqual(['grievance.submitted', 'grievance.resolved', 'grievance.resolved']);
    }
  });

  it('awards the points of a batch of verified reports with one ledger write and one outbox write, once each', async () => {
    const grievances = await submitMany(12);
    const batch = grievances.map((m) => verified(m.id));
    const cost = await deliver([...batch, batch[0]!]);
    // Per transaction: BEGIN, the inbox, one write for the grievances and notifications, the ledger's awards, their events, COMMIT; and one read per grievance.
    expect(cost.statements).toBe(6 * cost.transactions + grievances.length);
    await deliver(batch); // the whole batch again, as after a crash before its offsets were committed
    const ids = grievances.map((m) => m.id);
    const ledger = await h.query<{ worker_id: string; points: number }>(`SELECT worker_id, points FROM feedback_points_ledger WHERE grievance_id = ANY($1::uuid[])`, [ids]);
    expect(ledger.map((r) => r.worker_id).sort()).toEqual(grievances.map((m) => m.reporter).sort());
    expect(ledger.every((r) => r.points === 10)).toBe(true);
    const awarded = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'points.awarded.v1' AND message_key = ANY($1)`, [ids]);
    expect(awarded[0]!.n).toBe(12);
  });

  it('stores a batch of staff notifications with one write, once each', async () => {
    const departments = Array.from({ length: 12 }, (_, i): Holder => ({ ...MUNICIPAL_WORKS, id: `works_${uuidv7().slice(-8)}_${i}` }));
    const one = await deliver([warned(uuidv7(), departments[0]!)], seenByStaff);
    // BEGIN, the inbox, the notification, COMMIT.
    expect(one).toEqual({ transactions: 1, statements: 4 });
    const batch = departments.map((d) => warned(uuidv7(), d));
    const cost = await deliver([...batch, batch[1]!], seenByStaff);
    expect(cost.statements).toBe(4 * cost.transactions);
    const stored = await h.query<{ recipient_key: string; n: number }>(
      `SELECT recipient_key, count(*)::int AS n FROM feedback_staff_notifications WHERE grievance_id = ANY($1::uuid[]) GROUP BY recipient_key`,
      [batch.map((e) => e.envelope.grievanceId)],
    );
    expect(stored).toHaveLength(12);
    expect(stored.every((r) => r.n === 1)).toBe(true);
  });

  it('remembers a batch of broken deadlines with one write, once each', async () => {
    const grievances = await submitMany(12);
    const breaches = grievances.map((m) =>
      batchEvent(
        'sla.breached.v1',
        m.id,
        {
          deadlineId: uuidv7(),
          target: 'resolve',
          holder: MUNICIPAL_WORKS,
          startedAt: new Date(Date.now() - 100_000).toISOString(),
          dueAt: new Date().toISOString(),
          firedAt: new Date().toISOString(),
          budgetMs: 100_000,
        },
        { actor: SYSTEM_ACTOR },
      ),
    );
    // The staff notifications group takes them too, in transactions of its own.
    const before = seenByStaff();
    await deliver([...breaches, breaches[0]!]);
    await eventually(seenByStaff, (n) => n >= before + breaches.length + 1, { what: 'the staff notices' });
    const feedbackTransactions = counter.consumerTransactions().filter((t) => t.statements.some((x) => /INSERT INTO feedback_notifications/.test(x)));
    expect(feedbackTransactions.length).toBeGreaterThan(0);
    // BEGIN, the inbox, one write for all its events, COMMIT.
    expect(feedbackTransactions.map((t) => t.statements.length)).toEqual(feedbackTransactions.map(() => 4));
    const kept = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback_sla_breaches WHERE grievance_id = ANY($1::uuid[])`, [grievances.map((m) => m.id)]);
    expect(kept[0]!.n).toBe(12);
  });
});
