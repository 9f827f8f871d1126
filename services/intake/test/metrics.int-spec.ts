import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { catalogueTopicsToCreate, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, sampleValue, scrapeMetrics, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { HAZARD, writeCategorySeed } from './fixtures';

jest.setTimeout(90_000);

describe("intake's /metrics after real traffic", () => {
  let db: TestDatabase;
  let service: TestServiceApp;

  beforeAll(async () => {
    db = await createTestDatabase('intake-metrics');
    service = await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed() }));
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
  });

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  it('answers without a token, in the Prometheus text format, with the process metrics', async () => {
    const response = await request(service.url).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(response.text).toMatch(/^process_cpu_user_seconds_total\{service="intake"\} \d/m);
    expect(response.text).toMatch(/^nodejs_eventloop_lag_seconds\{service="intake"\} /m);
    expect(response.text).toMatch(/^db_pool_waiting\{service="intake"\} \d+$/m);
  });

  it('shows a submission in the latency histogram by route pattern, its event published and applied, and the outbox drained', async () => {
    const rider = await signDevToken({ sub: 'rider-metrics', role: 'worker' });
    const { id } = (await request(service.url).post('/v1/grievances').set('Authorization', `Bearer ${rider}`).send(HAZARD).expect(201)).body as { id: string };
    await request(service.url).get(`/v1/grievances/${id}`).set('Authorization', `Bearer ${rider}`).expect(200);
    await request(service.url).get('/v1/no-such-thing').expect(404);

    // intake reads its own grievance.submitted.v1 into the tracking view (consumer group `intake`).
    const samples = await eventually(
      () => scrapeMetrics(service.url),
      (s) => (sampleValue(s, 'messaging_events_applied_total', { group: 'intake', topic: 'grievance.submitted.v1' }) ?? 0) >= 1,
      { what: 'grievance.submitted.v1 applied by intake', timeoutMs: 40_000, intervalMs: 500 },
    );

    const count = (route: string, method: string, status: string) =>
      sampleValue(samples, 'http_request_duration_seconds_count', { route, method, status_code: status });
    expect(count('/v1/grievances', 'POST', '201')).toBe(1);
    expect(count('/v1/grievances/:id', 'GET', '200')).toBe(1); // the pattern, not the id
    expect(count('unmatched', 'GET', '404')).toBe(1);
    expect(samples.some((s) => s.name === 'http_request_duration_seconds_count' && s.labels.route?.includes(id))).toBe(false);
    expect(sampleValue(samples, 'http_request_duration_seconds_bucket', { route: '/v1/grievances', method: 'POST', le: '+Inf' })).toBe(1);

    expect(sampleValue(samples, 'messaging_outbox_published_total', { topic: 'grievance.submitted.v1' })).toBe(1);
    expect(sampleValue(samples, 'messaging_outbox_backlog', { service: 'intake' })).toBe(0);
    expect(sampleValue(samples, 'messaging_outbox_oldest_age_seconds')).toBe(0);
    expect(sampleValue(samples, 'messaging_events_parked_total', { group: 'intake' })).toBeUndefined();

    // The group has committed past the event: no lag on any of its partitions.
    const lag = await eventually(
      async () => (await scrapeMetrics(service.url)).filter((s) => s.name === 'messaging_consumer_lag' && s.labels.group === 'intake'),
      (rows) => rows.some((r) => r.labels.topic === 'grievance.submitted.v1') && rows.every((r) => r.value === 0),
      { what: 'lag of group intake back to 0', timeoutMs: 20_000, intervalMs: 500 },
    );
    expect(lag.length).toBeGreaterThan(1);
    // intake keeps no deadlines: the SLA gauge has no series here.
    expect(sampleValue(samples, 'sla_deadlines_open')).toBeUndefined();
  });
});
