/**
 * What the benchmark watches while the system runs: when each grievance's ticket.dispatched.v1
 * appears on its topic, and, once a step is over, the services' own timestamps of the
 * submission (intake's submitted_at) and of the dispatch (grid-dispatch's dispatched_at,
 * stamped in the transaction that commits the ticket and its event).
 */
import { Client } from 'pg';
import { KafkaConnection } from '@grievance/messaging';
import { nowMs } from './generator';

type Consumer = ReturnType<KafkaConnection['kafka']['consumer']>;
/** What the benchmark reads of a message: its key (the grievance id) and its value (the envelope). */
interface ReadMessage {
  key: Buffer | null;
  value: Buffer | null;
}

/**
 * A consumer of the benchmark's own (group `group` under the run's prefix) reading `topics`
 * from the beginning; `onBatch` gets each batch with its topic's unprefixed name and the
 * moment it was read (nowMs clock). Resolves once the group has joined.
 */
export async function readTopics(
  kafka: KafkaConnection,
  group: string,
  topics: readonly string[],
  maxWaitTimeInMs: number,
  onBatch: (topic: string, messages: ReadMessage[], readAt: number) => void,
): Promise<Consumer> {
  const consumer = kafka.kafka.consumer({ groupId: kafka.topic(group), maxWaitTimeInMs, sessionTimeout: 10_000 });
  await consumer.connect();
  const byPrefixed = new Map(topics.map((t) => [kafka.topic(t), t]));
  for (const topic of byPrefixed.keys()) await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    autoCommit: true,
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => onBatch(byPrefixed.get(batch.topic) ?? batch.topic, batch.messages, nowMs()),
  });
  await joined;
  return consumer;
}

export class DispatchWatcher {
  /** grievance id → when its first ticket.dispatched.v1 was read from the topic (nowMs clock). */
  readonly seen = new Map<string, number>();
  private consumer?: Consumer;

  constructor(private readonly kafka: KafkaConnection) {}

  async start(): Promise<void> {
    this.consumer = await readTopics(this.kafka, 'bench-observer', ['ticket.dispatched.v1'], 100, (_topic, messages, at) => {
      for (const message of messages) {
        const id = message.key?.toString();
        if (id && !this.seen.has(id)) this.seen.set(id, at);
      }
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}

/** Rows of one column pair keyed by grievance id, in chunks (ids as uuid[]). */
async function timesOf(url: string, sql: string, ids: string[]): Promise<Map<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const out = new Map<string, number>();
  try {
    for (let i = 0; i < ids.length; i += 5000) {
      const { rows } = await client.query(sql, [ids.slice(i, i + 5000)]);
      for (const row of rows as { id: string; at: string | number }[]) out.set(row.id, Number(row.at));
    }
  } finally {
    await client.end();
  }
  return out;
}

/** intake's submitted_at (the moment it accepted the request) per grievance, in epoch ms. */
export const submittedAt = (intakeUrl: string, ids: string[]) =>
  timesOf(intakeUrl, `SELECT id::text AS id, extract(epoch FROM submitted_at) * 1000 AS at FROM intake_grievances WHERE id = ANY($1::uuid[])`, ids);

/**
 * The reports intake's duplicate check linked to an open one of the same category within its
 * radius (random points now and then fall that close): routing links them instead of routing
 * them, so they get no ticket of their own, by design. Keyed by grievance id.
 */
export const linkedAsDuplicates = (intakeUrl: string, ids: string[]) =>
  timesOf(intakeUrl, `SELECT id::text AS id, extract(epoch FROM submitted_at) * 1000 AS at FROM intake_grievances WHERE id = ANY($1::uuid[]) AND duplicate_of IS NOT NULL`, ids);

/** grid-dispatch's dispatched_at (stamped in the committing transaction) per grievance, in epoch ms. */
export const dispatchedAt = (dispatchUrl: string, ids: string[]) =>
  timesOf(
    dispatchUrl,
    `SELECT grievance_id::text AS id, extract(epoch FROM dispatched_at) * 1000 AS at FROM tickets WHERE grievance_id = ANY($1::uuid[]) AND dispatched_at IS NOT NULL`,
    ids,
  );

/** Epoch-ms columns of rows keyed by grievance id, from one query (ids as uuid[], in chunks). */
async function rowsOf(url: string, sql: string, ids: string[]): Promise<Map<string, Record<string, number | null>>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const out = new Map<string, Record<string, number | null>>();
  try {
    for (let i = 0; i < ids.length; i += 5000) {
      const { rows } = await client.query(sql, [ids.slice(i, i + 5000)]);
      for (const row of rows as Record<string, string | null>[]) {
        const { id, ...rest } = row;
        out.set(id!, Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v === null ? null : Number(v)])));
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

const ms = (column: string) => `extract(epoch FROM ${column}) * 1000`;

/**
 * Where a hazard's time goes between intake's accept and grid-dispatch's dispatch, hop by
 * hop, from the services' own rows. Both stamps are Postgres's now(), the start of a
 * transaction: an outbox row's published_at is when the relay's round that sent it began
 * (it claims the rows, sends them, waits for the ack, then marks them), an inbox row's
 * processed_at when the consumer's transaction that applied the event began.
 */
export async function hops(urls: { intake: string; routing: string; dispatch: string }, ids: string[]): Promise<Record<string, number[]>> {
  const [intake, routing, dispatch] = await Promise.all([
    rowsOf(
      urls.intake,
      `SELECT g.id::text AS id, ${ms('g.submitted_at')} AS submitted, ${ms('o.published_at')} AS published
         FROM intake_grievances g JOIN messaging_outbox o ON o.message_key = g.id::text AND o.topic = 'grievance.submitted.v1'
        WHERE g.id = ANY($1::uuid[])`,
      ids,
    ),
    rowsOf(
      urls.routing,
      `SELECT i.grievance_id::text AS id, ${ms('i.processed_at')} AS consumed, ${ms('o.published_at')} AS published
         FROM messaging_inbox i JOIN messaging_outbox o ON o.message_key = i.grievance_id::text AND o.topic = 'grievance.routed.v1'
        WHERE i.topic = 'grievance.submitted.v1' AND i.grievance_id = ANY($1::uuid[])`,
      ids,
    ),
    rowsOf(
      urls.dispatch,
      `SELECT i.grievance_id::text AS id, ${ms('i.processed_at')} AS consumed, ${ms('t.dispatched_at')} AS dispatched
         FROM messaging_inbox i JOIN tickets t ON t.grievance_id = i.grievance_id
        WHERE i.topic = 'grievance.routed.v1' AND i.grievance_id = ANY($1::uuid[])`,
      ids,
    ),
  ]);
  const out: Record<string, number[]> = {
    'intake accept → its relay picks the event up': [],
    'intake relay → routing applies it (send, ack, fetch, queue)': [],
    'routing applies → its relay picks grievance.routed up': [],
    'routing relay → grid-dispatch applies it': [],
    'grid-dispatch applies → dispatch stamped': [],
  };
  for (const id of ids) {
    const a = intake.get(id);
    const r = routing.get(id);
    const d = dispatch.get(id);
    if (!a || !r || !d || [a.published, r.consumed, r.published, d.consumed, d.dispatched].some((v) => v === null || v === undefined)) continue;
    const values = [a.published! - a.submitted!, r.consumed! - a.published!, r.published! - r.consumed!, d.consumed! - r.published!, d.dispatched! - d.consumed!];
    Object.values(out).forEach((list, i) => list.push(values[i]!));
  }
  return out;
}
