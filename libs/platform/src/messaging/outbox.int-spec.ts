import { createEnvelope, uuidv7 } from '@grievance/contracts';
import { catalogueTopicsToCreate, KafkaConnection, OutboxRelay, TransactionalOutbox } from '@grievance/messaging';
import {
  createServiceApp,
  createTestDatabase,
  eventually,
  FixtureAppModule,
  testConfigEnv,
  TestDatabase,
  TestServiceApp,
  waitForMessages,
} from '@grievance/testing';
import { DataSource } from 'typeorm';

describe('the outbox a service gets from the chassis', () => {
  let database: TestDatabase;
  let service: TestServiceApp;

  beforeAll(async () => {
    database = await createTestDatabase('outbox');
    service = await createServiceApp(FixtureAppModule, testConfigEnv({ DATABASE_URL: database.url }));
    await service.app.get(KafkaConnection).ensureTopics(catalogueTopicsToCreate());
  });

  afterAll(async () => {
    await service?.app.get(KafkaConnection).deletePrefixedTopics();
    await service?.close();
    await database?.drop();
  });

  it('publishes an event committed in a unit of work promptly, keyed by its grievance id', async () => {
    const outbox = service.app.get(TransactionalOutbox);
    const kafka = service.app.get(KafkaConnection);
    const event = createEnvelope({
      topic: 'grievance.closed.v1',
      grievanceId: uuidv7(),
      actor: { id: 'feedback', role: 'system' },
      correlationId: 'req-outbox',
      payload: { outcome: 'resolved', rating: 'satisfied', slaMet: true },
    });
    await outbox.run((tx) => tx.publish('grievance.closed.v1', event));

    const [message] = await waitForMessages(kafka, 'grievance.closed.v1', 1, (m) => m.key === event.grievanceId);
    expect(JSON.parse(message!.value!)).toEqual(event);
    expect(message!.headers).toMatchObject({ 'x-event-type': 'grievance.closed', 'x-correlation-id': 'req-outbox' });
    await eventually(() => service.app.get(OutboxRelay).pendingCount(), (n) => n === 0, { what: 'outbox drained' });
    const [row] = (await service.app.get(DataSource).query(`SELECT published_at FROM messaging_outbox WHERE event_id = $1`, [
      event.eventId,
    ])) as { published_at: Date | null }[];
    expect(row?.published_at).toBeInstanceOf(Date);
  });
});
