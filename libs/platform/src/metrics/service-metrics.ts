import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { KafkaConnection, MessagingObserver } from '@grievance/messaging';
import { countDeadlines } from '@grievance/sla';
import type { DataSource } from 'typeorm';

/** Where the gauges read their values at scrape time; each is optional (a fixture service has no consumers). */
export interface MetricsSources {
  serviceName: string;
  kafka?: KafkaConnection;
  outbox?: { backlog(): Promise<{ pending: number; oldestAgeSeconds: number }> };
  database?: DataSource;
}

/** Seconds: from a cached read to a slow page. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route label of a request no route matched (404s, refusals before routing): one series, not one per URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * How often the event-loop delay is sampled. prom-client's 10 ms woke every idle service a
 * hundred times a second; a stall of a tenth of a second or more, the kind worth a look,
 * still shows.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * The Node process metrics (CPU, memory, event loop, GC), once per process: their collectors
 * sample the event loop on a timer, and several apps in one process (tests) are one process.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }
  return processRegistry;
}

interface PgPool {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

/**
 * The Prometheus registry of one service: default Node process metrics, HTTP latency by
 * route pattern and status, what its consumers applied and parked, consumer lag, outbox
 * backlog and age, open SLA deadlines, and the database pool. Every series carries
 * `service`. Counters are fed as things happen (it observes the Kafka connection); gauges
 * are read when Prometheus scrapes, so an idle service costs nothing between scrapes.
 */
export class ServiceMetrics implements MessagingObserver {
  /** This service's own series (the process metrics are added when rendering). */
  readonly registry = new Registry();
  /** Consumer groups of this process and the topics each reads. */
  private readonly groups = new Map<string, readonly string[]>();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly applied: Counter<'group' | 'topic'>;
  private readonly duplicates: Counter<'group' | 'topic'>;
  private readonly parked: Counter<'group' | 'topic' | 'error_class'>;
  private readonly published: Counter<'topic'>;
  private readonly process: Registry;

  constructor(private readonly sources: MetricsSources) {
    const registers = [this.registry];
    this.process = processMetrics();

    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status, from the first byte read to the last written.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.applied = new Counter({
      name: 'messaging_events_applied_total',
      help: 'Events a consumer group applied (handler run and committed with its inbox row).',
      labelNames: ['group', 'topic'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'messaging_events_duplicate_total',
      help: 'Redelivered events the inbox recognised and skipped.',
      labelNames: ['group', 'topic'],
      registers,
    });
    this.parked = new Counter({
      name: 'messaging_events_parked_total',
      help: 'Messages a consumer group parked on <topic>.dlq (InvalidMessage: failed the contract).',
      labelNames: ['group', 'topic', 'error_class'],
      registers,
    });
    this.published = new Counter({
      name: 'messaging_outbox_published_total',
      help: 'Outbox rows the relay of this process published.',
      labelNames: ['topic'],
      registers,
    });

    const readLag = (gauge: Gauge<'group' | 'topic' | 'partition'>) => this.readLag(gauge);
    const readDeadlines = (gauge: Gauge<'state'>) => this.readDeadlines(gauge);
    new Gauge({
      name: 'messaging_consumer_lag',
      help: "Messages not yet committed by a consumer group of this process, per partition (the broker's end offset minus the group's).",
      labelNames: ['group', 'topic', 'partition'],
      registers,
      collect(): Promise<void> {
        return readLag(this);
      },
    });

    // Both outbox gauges come from one statement; a scrape asks each, so they share the read.
    let outboxRead: Promise<{ pending: number; oldestAgeSeconds: number } | undefined> | undefined;
    const readOutbox = () =>
      (outboxRead ??= (this.sources.outbox?.backlog() ?? Promise.resolve(undefined))
        .catch(() => undefined)
        .finally(() => setImmediate(() => (outboxRead = undefined))));
    const outboxGauge = (name: string, help: string, pick: (read: { pending: number; oldestAgeSeconds: number }) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect(): Promise<void> {
          this.reset();
          const read = await readOutbox();
          if (read) this.set(pick(read));
        },
      });
    outboxGauge('messaging_outbox_backlog', 'Outbox rows not yet published.', (read) => read.pending);
    outboxGauge('messaging_outbox_oldest_age_seconds', 'Age of the oldest unpublished outbox row (0 when none).', (read) => read.oldestAgeSeconds);

    new Gauge({
      name: 'sla_deadlines_open',
      help: 'Open SLA deadlines of this database: pending (not yet warned), warned (past 80 % of the budget), breached (past due).',
      labelNames: ['state'],
      registers,
      collect(): Promise<void> {
        return readDeadlines(this);
      },
    });

    const pool = (): PgPool => (sources.database?.driver as unknown as { master?: PgPool } | undefined)?.master ?? {};
    new Gauge({
      name: 'db_pool_waiting',
      help: 'Queries waiting for a connection of the service pool.',
      registers,
      collect() {
        this.set(pool().waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the service pool, by state.',
      labelNames: ['state'],
      registers,
      collect() {
        const { totalCount = 0, idleCount = 0 } = pool();
        this.set({ state: 'idle' }, idleCount);
        this.set({ state: 'busy' }, totalCount - idleCount);
      },
    });

    sources.kafka?.observers.add(this);
  }

  /** The Prometheus text exposition of every series. */
  render(): Promise<string> {
    return this.allSeries().metrics();
  }

  /** This service's series and the process's, in one registry. */
  allSeries(): Registry {
    // A merged registry keeps no default labels of its parts: `service` is set on it.
    const all = Registry.merge([this.process, this.registry]);
    all.setDefaultLabels({ service: this.sources.serviceName });
    return all;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Express middleware timing every request; the route is the pattern Nest matched (`/v1/grievances/:id`), not the URL. */
  httpMiddleware() {
    return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
      const end = this.httpDuration.startTimer();
      res.once('finish', () => {
        const matched = (req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string }).route?.path;
        // A catch-all (`{/*splat}`, the not-found handler) is no route either.
        const route = typeof matched === 'string' && !matched.includes('*') ? `${(req as { baseUrl?: string }).baseUrl ?? ''}${matched}` : UNMATCHED_ROUTE;
        end({ method: req.method ?? 'GET', route, status_code: String(res.statusCode) });
      });
      next();
    };
  }

  consumerStarted(groupId: string, topics: readonly string[]): void {
    this.groups.set(groupId, topics);
  }

  eventsApplied(groupId: string, topic: string, count: number): void {
    this.applied.inc({ group: groupId, topic }, count);
  }

  eventsDuplicate(groupId: string, topic: string, count: number): void {
    this.duplicates.inc({ group: groupId, topic }, count);
  }

  eventParked(groupId: string, topic: string, errorClass: string): void {
    this.parked.inc({ group: groupId, topic, error_class: errorClass });
  }

  outboxPublished(topic: string, count: number): void {
    this.published.inc({ topic }, count);
  }

  // A source that cannot be read leaves its gauge empty for this scrape rather than failing
  // the whole page (a broker outage must not hide the process metrics); stale values go.

  private async readLag(gauge: Gauge<'group' | 'topic' | 'partition'>): Promise<void> {
    gauge.reset();
    const kafka = this.sources.kafka;
    if (!kafka) return;
    await Promise.all(
      [...this.groups].map(async ([group, topics]) => {
        const lags = await kafka.consumerLag(group, topics).catch(() => []);
        for (const { topic, partition, lag } of lags) gauge.set({ group, topic, partition: String(partition) }, lag);
      }),
    );
  }

  private async readDeadlines(gauge: Gauge<'state'>): Promise<void> {
    gauge.reset();
    const database = this.sources.database;
    if (!database?.isInitialized) return;
    const counts = await countDeadlines(database).catch(() => undefined);
    if (!counts) return;
    for (const state of ['pending', 'warned', 'breached'] as const) gauge.set({ state }, counts[state]);
  }
}
