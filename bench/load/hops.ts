/**
 * Hop latency: how long after the event that hands a grievance over (its envelope's
 * `occurredAt`, stamped by the service that committed it) the next holder can see the
 * grievance in their own read of it. A consumer of the run's prefixed topics (HandOverWatcher)
 * tells the actors when each hand-over happened; the actors then read until the grievance
 * shows (`firstSeen`), and each hop's times go into an HDR histogram (HopLatency).
 */
import { KafkaConnection } from '@grievance/messaging';
import { Latency, LatencySummary, nowMs } from './generator';
import { readTopics } from './observer';

/** One hand-over event of one grievance, as the benchmark read it from its topic. */
export interface HandOver<P = Record<string, unknown>> {
  topic: string;
  grievanceId: string;
  /** The envelope's occurredAt, in epoch ms. */
  occurredAt: number;
  /** When the benchmark read it from the topic (nowMs clock). */
  readAt: number;
  payload: P;
}

/**
 * Reads the given topics (under the run's prefix) from the beginning and keeps the first
 * event of each topic per grievance; `next` waits, bounded in time, for one to arrive.
 */
export class HandOverWatcher {
  private readonly seen = new Map<string, HandOver>();
  private readonly waiting = new Map<string, ((event: HandOver) => void)[]>();
  private consumer?: ReturnType<KafkaConnection['kafka']['consumer']>;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: readonly string[],
    private readonly group = 'bench-hand-overs',
  ) {}

  async start(): Promise<void> {
    this.consumer = await readTopics(this.kafka, this.group, this.topics, 50, (topic, messages, readAt) => {
      for (const message of messages) {
        if (!message.value) continue;
        const envelope = JSON.parse(message.value.toString()) as { grievanceId: string; occurredAt: string; payload: Record<string, unknown> };
        this.record({ topic, grievanceId: envelope.grievanceId, occurredAt: Date.parse(envelope.occurredAt), readAt, payload: envelope.payload });
      }
    });
  }

  private record(event: HandOver): void {
    const key = `${event.topic}|${event.grievanceId}`;
    if (this.seen.has(key)) return;
    this.seen.set(key, event);
    for (const resolve of this.waiting.get(key) ?? []) resolve(event);
    this.waiting.delete(key);
  }

  /** How many grievances have had an event on `topic`. */
  count(topic: string): number {
    let n = 0;
    for (const key of this.seen.keys()) if (key.startsWith(`${topic}|`)) n += 1;
    return n;
  }

  /** The first event on `topic` of the grievance; rejects after `timeoutMs` without one. */
  next<P = Record<string, unknown>>(topic: string, grievanceId: string, timeoutMs: number): Promise<HandOver<P>> {
    const key = `${topic}|${grievanceId}`;
    const already = this.seen.get(key);
    if (already) return Promise.resolve(already as HandOver<P>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${topic} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiting.get(key) ?? [];
      list.push((event) => {
        clearTimeout(timer);
        resolve(event as HandOver<P>);
      });
      this.waiting.set(key, list);
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}

/**
 * Reads until `read` says the grievance is there, for at most `timeoutMs`: every 10 ms for the
 * first 200 ms (the goal's resolution), then every 50 ms (so a slow hop does not multiply
 * the reads, nor run into a per-caller limit); resolves with the moment the read that showed
 * it was answered (nowMs clock), or undefined once `moved()` says the grievance has gone on
 * (it will never show). A read that fails throws at once.
 */
export async function firstSeen(read: () => Promise<boolean>, what: string, timeoutMs: number, moved: () => boolean = () => false): Promise<number | undefined> {
  const started = nowMs();
  for (;;) {
    if (await read()) return nowMs();
    if (moved()) return undefined;
    const waited = nowMs() - started;
    if (waited > timeoutMs) throw new Error(`${what} not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, waited < 200 ? 10 : 50));
  }
}

export interface HopSummary {
  /** hand-over event committed (occurredAt) → the next holder's read shows the grievance. */
  toHolder: LatencySummary;
  /** hand-over event committed → read from its topic by the benchmark. */
  toTopic: LatencySummary;
}

/** Each hop's latencies, in the order the hops were first recorded. */
export class HopLatency {
  private readonly hops = new Map<string, { toHolder: Latency; toTopic: Latency }>();

  /** The hop `name` of one grievance: its hand-over event, and when the next holder saw the grievance. */
  record(name: string, handOver: HandOver<unknown>, seenAt: number | undefined): void {
    if (seenAt === undefined) throw new Error(`${name}: the grievance moved on before its holder saw it`);
    let hop = this.hops.get(name);
    if (!hop) {
      hop = { toHolder: new Latency(), toTopic: new Latency() };
      this.hops.set(name, hop);
    }
    hop.toHolder.record(seenAt - handOver.occurredAt);
    hop.toTopic.record(handOver.readAt - handOver.occurredAt);
  }

  /** Each hop's summary, in the order of `order` (hops not named there after them). */
  summary(order: readonly string[] = []): Record<string, HopSummary> {
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    return Object.fromEntries(
      [...this.hops].sort(([a], [b]) => rank(a) - rank(b)).map(([name, hop]) => [name, { toHolder: hop.toHolder.summary(), toTopic: hop.toTopic.summary() }]),
    );
  }
}
