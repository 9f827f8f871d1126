import { EventEnvelope, SYSTEM_ACTOR, TopicName, uuidv7 } from '@grievance/contracts';
import { EventConsumers } from '@grievance/platform';
import { batchEvent, deliverCounted, eventually, failNextInsertOnce, StatementCounter } from '@grievance/testing';
import { ROUTING_CONSUMER_GROUP } from '../src/grievances/routing.consumer';
import { hazardSubmission, RoutingOnBroker, startWithDemoCity } from './demo-city';

jest.setTimeout(180_000);

const submitted = (id: string) => batchEvent('grievance.submitted.v1', id, hazardSubmission(), { actor: SYSTEM_ACTOR });
const closed = (id: string) => batchEvent('grievance.closed.v1', id, { outcome: 'rejected', slaMet: true }, { actor: SYSTEM_ACTOR });

/**
 * A consumed batch applied by routing: what a group of submissions (each one routing decision,
 * made on the directory and settings as they are now) and a group of closes cost, and what
 * they leave when they hold a duplicate, span many grievances, or are redelivered after failing half-way.
 */
describe('routing applies a consumed batch', () => {
  let routing: RoutingOnBroker;
  let counter: StatementCounter;

  beforeAll(async () => {
    routing = await startWithDemoCity('routing-batch');
    counter = StatementCounter.start(routing.service.config.DATABASE_URL);
  });

  afterAll(async () => {
    counter?.stop();
    await routing?.close();
  });

  const stats = () => routing.service.app.get(EventConsumers).get(ROUTING_CONSUMER_GROUP).stats;
  const seen = () => stats().applied + stats().duplicates;
  async function deliver(events: { topic: TopicName; envelope: EventEnvelope }[]): Promise<{ transactions: number; statements: number }> {
    const cost = await deliverCounted(routing.kafka, events, seen, counter);
    process.stdout.write(`routing: ${events.length} events, ${cost.transactions} transactions, ${cost.statements} statements\n`);
    return cost;
  }
  const statuses = async (ids: string[]) =>
    ((await routing.dataSource.query(`SELECT status FROM routing_grievances WHERE grievance_id = ANY($1::uuid[])`, [ids])) as { status: string }[]).map((r) => r.status);
  const routedGrievances = async (n: number): Promise<string[]> => {
    const ids = Array.from({ length: n }, () => uuidv7());
    await deliver(ids.map(submitted));
    await eventually(() => statuses(ids), (s) => s.length === n && s.every((x) => x === 'routed'), { what: `${n} grievances routed` });
    return ids;
  };

  it('routes a group of submissions, one routing decision each', async () => {
    const one = await deliver([submitted(uuidv7())]);
    // BEGIN, the inbox, the decision's reads and writes (3, its own for each submission: the
    // grievance kept unless it is already, the reporter's registration, the routed event), COMMIT.
    expect(one).toEqual({ transactions: 1, statements: 6 });
    const ids = Array.from({ length: 12 }, () => uuidv7());
    const batch = ids.map(submitted);
    const cost = await deliver([...batch, batch[0]!]);
    expect(cost.statements).toBe(3 * cost.transactions + 3 * ids.length);
    expect(await statuses(ids)).toEqual(Array(12).fill('routed'));
    const routed = (await routing.dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'grievance.routed.v1' AND message_key = ANY($1::text[])`, [ids])) as {
      n: number;
    }[];
    expect(routed[0]!.n).toBe(12);
  });

  it('closes a group of grievances, with a duplicate and a second close of one of them, once each', async () => {
    const [first] = await routedGrievances(1);
    // BEGIN, the inbox, the grievance read and locked, its status written, its open deadlines read, COMMIT.
    expect(await deliver([closed(first!)])).toEqual({ transactions: 1, statements: 6 });
    const ids = await routedGrievances(12);
    const batch = ids.map(closed);
    const cost = await deliver([...batch, batch[0]!, closed(ids[1]!)]);
    // Per close the same three; the second close of a closed grievance reads it and stops.
    expect(cost.statements).toBe(3 * cost.transactions + 3 * ids.length + 1);
    expect(await statuses(ids)).toEqual(Array(12).fill('closed'));
    const open = (await routing.dataSource.query(`SELECT count(*)::int AS n FROM sla_deadlines WHERE grievance_id = ANY($1::uuid[]) AND status = 'running'`, [ids])) as { n: number }[];
    expect(open[0]!.n).toBe(0);
  });

  it('leaves nothing doubled or lost when a batch fails half-way and is redelivered', async () => {
    const ids = Array.from({ length: 6 }, () => uuidv7());
    // The transaction fails in its handlers, after the inbox took the group's events.
    const undo = await failNextInsertOnce(routing.service.config.DATABASE_URL, 'routing_grievances');
    const batch = ids.map(submitted);
    try {
      await deliver(batch);
      await deliver(batch); // the whole batch again, as after a crash before its offsets were committed
    } finally {
      await undo();
    }
    expect(await statuses(ids)).toEqual(Array(6).fill('routed'));
    const routed = (await routing.dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'grievance.routed.v1' AND message_key = ANY($1::text[])`, [ids])) as {
      n: number;
    }[];
    expect(routed[0]!.n).toBe(6);
  });
});
