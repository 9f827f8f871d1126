import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { createEnvelope, EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, queryDatabase, testConfigEnv, TestDatabase, TestServiceApp } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { readXml } from '../src/open311/open311-xml.testing';
import { writeCategorySeed } from './fixtures';

jest.setTimeout(90_000);

const API_KEY = randomBytes(24).toString('base64url');
const DEPT = { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' };
const GRID = { type: 'org_unit' as const, id: 'grid-1', name: 'Grid 1' };
const TICKET = '0195a8c4-1b2c-7d3e-8f40-123456789abc';

/** Open311's expected_datetime follows the holder's deadline as the other services' events name it. */
describe('Open311 expected_datetime', () => {
  let db: TestDatabase;
  let service: TestServiceApp;
  let publisher: EventPublisher;

  beforeAll(async () => {
    db = await createTestDatabase('intake-open311-deadlines');
    service = await createServiceApp(
      AppModule,
      testConfigEnv({ DATABASE_URL: db.url, CATEGORIES_FILE: writeCategorySeed(), OPEN311_PARTNERS: `fixit:${createHash('sha256').update(API_KEY).digest('hex')}` }),
    );
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
    publisher = new EventPublisher(service.app.get(KafkaConnection));
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
    await db?.drop();
  });

  /** Publishes an event as another service would, `minutes` after now. */
  const publish = async <T extends TopicName>(topic: T, grievanceId: string, minutes: number | Date, payload: PayloadOf<T>): Promise<void> => {
    const occurredAt = minutes instanceof Date ? minutes : new Date(Date.now() + minutes * 60_000);
    await publisher.publish(topic, createEnvelope({ topic, grievanceId, actor: { id: 'someone', role: 'system' }, correlationId: 'test', occurredAt, payload } as never) as EventEnvelope<PayloadOf<T>>);
  };
  const later = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const read = async (id: string) => ((await request(service.url).get(`/open311/v2/requests/${id}.json`).expect(200)).body as Record<string, unknown>[])[0]!;
  const historyLines = async (token: string) =>
    Number((await queryDatabase<{ n: string }>(db.url, 'SELECT count(*) AS n FROM intake_history WHERE grievance_id = $1', [token]))[0]!.n);
  const until = (id: string, what: string, holds: (r: Record<string, unknown>) => boolean) => eventually(() => read(id), holds, { what, timeoutMs: 40_000 });

  it('is the grid worker\'s accept-by once dispatched, empty once taken, the department\'s resolve deadline from its start (its take-up leaves it), the due time an SLA warning moves it to, and empty once closed', async () => {
    const posted = await request(service.url)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ api_key: API_KEY, service_code: 'manhole_cover_missing', lat: '28.6612', long: '115.8188', description: '井盖丢失', account_id: 'u-1' })
      .expect(201);
    const { service_request_id: id, token } = (posted.body as { service_request_id: string; token: string }[])[0]!;
    expect((await read(id)).expected_datetime).toBeNull();

    const acceptBy = later(0.5);
    await publish('grievance.routed.v1', token, 1, { kind: 'hazard', category: 'manhole_cover_missing', holder: GRID, gridId: 'grid-1', fallback: false });
    await publish('ticket.dispatched.v1', token, 2, { ticketId: TICKET, gridId: 'grid-1', gridWorkerId: 'gw-grid-1-1', attempt: 1, acceptBy });
    expect((await until(id, 'the accept-by', (r) => r.expected_datetime !== null)).expected_datetime).toBe(acceptBy);
    const xml = await request(service.url).get(`/open311/v2/requests/${id}.xml`).expect(200);
    expect(readXml(xml.text)).toMatchObject({ service_requests: { request: { expected_datetime: acceptBy } } });

    // An older event consumed late (a routing from before the dispatch) changes nothing.
    await publish('grievance.routed.v1', token, 0.5, { kind: 'hazard', category: 'manhole_cover_missing', holder: GRID, gridId: 'grid-1', fallback: false });
    await eventually(() => historyLines(token), (n) => n === 4, { what: 'the late routing applied', timeoutMs: 40_000 });
    expect((await read(id)).expected_datetime).toBe(acceptBy);
    await publish('ticket.accepted.v1', token, 3, { ticketId: TICKET, gridWorkerId: 'gw-grid-1-1' });
    await until(id, 'no deadline once the ticket is taken', (r) => r.expected_datetime === null && String(r.status_notes).includes('gw-grid-1-1'));

    // The assignment and the deadlines it started are one transaction at one instant; the deadline arrives first here, and still stands.
    const assignedAt = new Date(Date.now() + 4 * 60_000);
    const respondBy = later(4);
    const resolveBy = later(48);
    const started = (deadlineId: string, target: 'respond' | 'resolve', dueAt: string) =>
      publish('sla.started.v1', token, assignedAt, { deadlineId, target, subject: 'grievance', holder: DEPT, stage: 'department', policyId: 'general', policyVersion: 1, startedAt: assignedAt.toISOString(), dueAt, budgetMs: 1 });
    await started('d-respond', 'respond', respondBy);
    await started('d-resolve', 'resolve', resolveBy);
    await eventually(() => read(id), (r) => r.expected_datetime === resolveBy, { what: 'the resolve deadline from its start', timeoutMs: 40_000 });
    await publish('grievance.assigned.v1', token, assignedAt, { holder: DEPT, departmentCode: 'municipal_works', reason: 'verified_on_site' });
    await eventually(() => historyLines(token), (n) => n === 6, { what: 'the assignment applied', timeoutMs: 40_000 });
    expect((await read(id)).expected_datetime).toBe(resolveBy);
    await publish('grievance.accepted.v1', token, 4.5, { holder: DEPT });
    await eventually(() => historyLines(token), (n) => n === 7, { what: 'the take-up applied', timeoutMs: 40_000 });
    expect((await read(id)).expected_datetime).toBe(resolveBy);

    // A warning names the due time as it holds now (moved by a pause since).
    const due = later(50);
    await publish('sla.warned.v1', token, 5, { deadlineId: 'd-resolve', target: 'resolve', holder: DEPT, startedAt: later(0), dueAt: due, firedAt: later(0.1), budgetMs: 48 * 3_600_000 });
    expect((await until(id, 'the department\'s due time', (r) => r.expected_datetime === due)).expected_datetime).toBe(due);

    await publish('grievance.resolved.v1', token, 6, { resolvedBy: DEPT, resolution: '已更换井盖', attachmentIds: [] });
    const closed = await until(id, 'closed', (r) => r.status === 'closed');
    expect(closed.expected_datetime).toBeNull();
  });
});
