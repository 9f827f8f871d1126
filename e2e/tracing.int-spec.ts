import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace';
import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { readValidCity, statesOf } from '@grievance/directory-seed';
import { catalogueTopicsToCreate, KafkaConnection, departmentTopicsToCreate } from '@grievance/messaging';
import { startTracing, stopTracing } from '@grievance/platform';
import {
  createServiceApp,
  eventually,
  sampleValue,
  scrapeMetrics,
  TEST_KAFKA_BROKERS,
  testConfigEnv,
  TestServiceApp,
  uniqueTopicPrefix,
  waitForMessages,
} from '@grievance/testing';
import { AppModule as GridDispatchModule } from '../services/grid-dispatch/src/app.module';
import { AppModule as IntakeModule } from '../services/intake/src/app.module';
import { AppModule as RoutingModule } from '../services/routing/src/app.module';
import { RoutingConfig } from '../services/routing/src/config';
import { DEMO_CITY, importDemoCity } from '../services/routing/test/demo-city';

jest.setTimeout(120_000);

const demoCity = readValidCity(DEMO_CITY);
const IN_GRID = { lat: 28.66, lng: 115.82 }; // xiangyun-yuhua-g1 of the demo city

/**
 * One grievance, one trace: intake, routing and grid-dispatch booted in this process (each with
 * its own database, one topic prefix), an in-memory span exporter in place of OTLP.
 */
describe('one trace from the HTTP request through every Kafka hop to the dispatch', () => {
  const exporter = new InMemorySpanExporter();
  const prefix = uniqueTopicPrefix('trace');
  const apps: TestServiceApp[] = [];
  let kafka: KafkaConnection;
  let intake: TestServiceApp;
  let gridDispatch: TestServiceApp;

  beforeAll(async () => {
    startTracing({ serviceName: 'grievance-tests', exporter });
    kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'trace-int', topicPrefix: prefix });
    const departments = departmentTopicsToCreate(statesOf(demoCity, 'department').map((d) => d.id));
    await kafka.ensureTopics([...catalogueTopicsToCreate(), ...departments]);
    const env = { KAFKA_TOPIC_PREFIX: prefix, CATEGORIES_FILE: DEMO_CITY };
    // Sequentially: three apps migrating at once on a busy machine only slows each.
    intake = await createServiceApp(IntakeModule, testConfigEnv(env));
    apps.push(intake);
    const routing = (await createServiceApp(RoutingModule, testConfigEnv(env))) as TestServiceApp<RoutingConfig>;
    apps.push(routing);
    gridDispatch = await createServiceApp(GridDispatchModule, testConfigEnv(env));
    apps.push(gridDispatch);
    // The demo city goes into routing, the directory's owner; grid-dispatch has it once its grids show.
    await importDemoCity(routing);
    const admin = await signDevToken({ sub: 'trace-admin', role: 'admin' });
    const grids = statesOf(demoCity, 'grid').length;
    await eventually(
      async () => (await request(gridDispatch.url).get('/v1/grids').set('Authorization', `Bearer ${admin}`)).body as unknown[],
      (body) => Array.isArray(body) && body.length >= grids,
      { what: 'the demo city in grid-dispatch', timeoutMs: 60_000, intervalMs: 500 },
    );
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await kafka?.deletePrefixedTopics().catch(() => undefined);
    await kafka?.disconnect();
    await stopTracing();
  });

  it('carries traceparent in the event headers, and every hop is a span of the request’s trace', async () => {
    const rider = await signDevToken({ sub: 'rider-trace', role: 'worker' });
    const response = await request(intake.url)
      .post('/v1/grievances')
      .set('Authorization', `Bearer ${rider}`)
      .send({ kind: 'hazard', category: 'manhole_cover_missing', urgency: 'urgent', title: 'Manhole cover missing', description: 'Open hole in the cycle lane.', location: IN_GRID })
      .expect(201);
    const id = (response.body as { id: string }).id;

    const server = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER && s.name === 'POST /v1/grievances');
    expect(server).toBeDefined();
    const traceId = server!.spanContext().traceId;
    const inTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const span = (kind: SpanKind, name: string, group?: string) =>
      inTrace().find((s) => s.kind === kind && s.name === name && (group === undefined || s.attributes['messaging.consumer.group.name'] === group));

    // grid-dispatch applied the routing and published the dispatch; intake applied the dispatch in turn.
    await eventually(
      () => span(SpanKind.CONSUMER, 'process ticket.dispatched.v1', 'intake'),
      (found) => found !== undefined,
      { what: 'the dispatch back at intake, in the request’s trace', timeoutMs: 60_000, intervalMs: 250 },
    );

    const hops: [SpanKind, string, string?][] = [
      [SpanKind.PRODUCER, 'publish grievance.submitted.v1'],
      [SpanKind.CONSUMER, 'process grievance.submitted.v1', 'routing'],
      [SpanKind.PRODUCER, 'publish grievance.routed.v1'],
      [SpanKind.CONSUMER, 'process grievance.routed.v1', 'grid-dispatch'],
      [SpanKind.PRODUCER, 'publish ticket.dispatched.v1'],
      [SpanKind.CONSUMER, 'process ticket.dispatched.v1', 'intake'],
    ];
    // Each hop is the child of the one before: request → publish → process → publish → …
    let parent: ReadableSpan = server!;
    for (const [kind, name, group] of hops) {
      const hop = span(kind, name, group);
      expect({ name, group, found: hop !== undefined }).toEqual({ name, group, found: true });
      expect({ name, parent: hop!.parentSpanContext?.spanId }).toEqual({ name, parent: parent.spanContext().spanId });
      if (group) expect(hop!.attributes['grievance.id']).toBe(id);
      parent = hop!;
    }
    // The three services' own clients made them.
    expect(new Set(inTrace().map((s) => s.attributes['messaging.client.id']).filter(Boolean))).toEqual(new Set(['intake', 'routing', 'grid-dispatch']));

    // On the wire: the routed event names routing's publish span in its W3C traceparent.
    const [routed] = await waitForMessages(kafka, 'grievance.routed.v1', 1, (m) => m.key === id);
    const publish = span(SpanKind.PRODUCER, 'publish grievance.routed.v1')!;
    expect(routed!.headers.traceparent).toBe(`00-${traceId}-${publish.spanContext().spanId}-01`);

    // The dispatch started the grid worker's deadlines: grid-dispatch's metrics show them open.
    const samples = await scrapeMetrics(gridDispatch.url);
    expect(sampleValue(samples, 'sla_deadlines_open', { state: 'pending' })).toBeGreaterThanOrEqual(1);
  });
});
