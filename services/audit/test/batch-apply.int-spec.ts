import { createEnvelope, EventEnvelope, NewEvent, TopicName, uuidv7 } from '@grievance/contracts';
import { StatementCounter } from '@grievance/testing';
import type { TraceView } from '../src/trace/trace-grievance.use-case';
import { AuditHarness } from './audit-harness';

jest.setTimeout(120_000);

const RIDER = { id: 'rider-1', role: 'worker' as const };
const GRID_HOLDER = { type: 'org_unit' as const, id: 'xiangyun-yuhua-g1', name: 'Yuhua Community Grid 1' };

const envelope = <T extends TopicName>(topic: T, grievanceId: string, payload: unknown, at: Date): { topic: TopicName; envelope: EventEnvelope } => ({
  topic,
  envelope: createEnvelope({ topic, grievanceId, actor: RIDER, correlationId: uuidv7(), payload, occurredAt: at } as NewEvent<T>) as EventEnvelope,
});

const submitted = (id: string, n: number, at: Date) =>
  envelope(
    'grievance.submitted.v1',
    id,
    {
      trackingNo: `NC-20260401-${String(n).padStart(6, '0')}`,
      kind: 'hazard',
      category: 'manhole_cover_missing',
      title: 'Manhole cover missing',
      description: 'Riders swerve into traffic.',
      urgency: 'urgent',
      location: { lat: 28.66, lng: 115.82 },
      attachmentIds: [],
      reporter: { id: RIDER.id, occupation: 'rider' },
      submittedAt: at.toISOString(),
    },
    at,
  );

const routed = (id: string, at: Date) =>
  envelope(
    'grievance.routed.v1',
    id,
    { kind: 'hazard', category: 'manhole_cover_missing', districtId: 'xiangyun', gridId: GRID_HOLDER.id, departmentCode: 'municipal_works', holder: GRID_HOLDER, fallback: false },
    at,
  );

/**
 * A consumed batch applied as a whole: the statements and transactions it costs, and what it
 * leaves behind when it holds a duplicate, spans several grievances, or is redelivered after a
 * transaction failed half-way.
 */
describe('audit applies a consumed batch', () => {
  let h: AuditHarness;
  let counter: StatementCounter;

  beforeAll(async () => {
    h = await AuditHarness.start();
    counter = StatementCounter.start(h.service.config.DATABASE_URL);
  });

  afterAll(async () => {
    counter?.stop();
    await h?.close();
  });

  const trace = async (id: string): Promise<TraceView> => (await h.get(`/v1/trace/${id}`)).body as TraceView;
  const seen = () => h.consumerStats.applied + h.consumerStats.duplicates;
  async function deliver(events: { topic: TopicName; envelope: EventEnvelope }[]): Promise<{ transactions: number; statements: number }> {
    const cost = await h.deliverCounted(events, seen, counter);
    process.stdout.write(`audit: ${events.length} events, ${cost.transactions} transactions, ${cost.statements} statements
`);
    return cost;
  }

  it('applies one event with a handful of statements', async () => {
    const cost = await deliver([submitted(uuidv7(), 1, new Date('2026-04-01T01:00:00Z'))]);
    // BEGIN, the inbox, the chain's locks, its head, the link with the grievance's index row, COMMIT.
    expect(cost).toEqual({ transactions: 1, statements: 6 });
  });

  it('applies a batch of several grievances, with a duplicate in it, once each and in each grievance’s order', async () => {
    const base = new Date('2026-04-02T01:00:00Z');
    const ids = Array.from({ length: 12 }, () => uuidv7());
    const first = ids.map((id, n) => submitted(id, n, base));
    const batch = [...first, first[0]!];
    const cost = await deliver(batch);
    // Six statements a transaction (as for one event), whatever the number of events in it.
    expect(cost.statements).toBe(6 * cost.transactions);
    expect(cost.transactions).toBeLessThanOrEqual(6);
    const then = await deliver(ids.map((id) => routed(id, new Date(base.getTime() + 60_000))));
    expect(then.statements).toBe(6 * then.transactions);

    for (const id of ids) {
      const view = await trace(id);
      expect(view.verified).toBe(true);
      expect(view.events.map((e) => e.type)).toEqual(['grievance.submitted', 'grievance.routed']);
    }
    const rows = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_dossier WHERE grievance_id = ANY($1::uuid[])`, [ids]);
    expect(rows[0]!.n).toBe(24);
    const grievances = await h.query<{ status: string }>(`SELECT status FROM audit_grievances WHERE grievance_id = ANY($1::uuid[])`, [ids]);
    expect(grievances).toHaveLength(12);
  });

  it('keeps one chain when a batch fails half-way and is applied and redelivered again', async () => {
    const base = new Date('2026-04-03T01:00:00Z');
    const ids = Array.from({ length: 6 }, () => uuidv7());
    await deliver(ids.map((id, n) => submitted(id, n, base)));
    // The next write to the dossier fails once, as a crash in the middle of a batch would.
    const restore = await h.failNextInsertOnce('audit_dossier');
    try {
      const batch = ids.map((id) => routed(id, new Date(base.getTime() + 60_000)));
      await deliver(batch);
      await deliver(batch); // the whole batch again, as after a crash before its offsets were committed
    } finally {
      await restore();
    }
    for (const id of ids) {
      const view = await trace(id);
      expect(view.verified).toBe(true);
      expect(view.chain.length).toBe(2);
      expect(view.events.map((e) => e.type)).toEqual(['grievance.submitted', 'grievance.routed']);
    }
  });
});
