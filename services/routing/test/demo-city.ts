import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { GrievanceSubmittedV1, uuidv7 } from '@grievance/contracts';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection } from '@grievance/messaging';
import { createServiceApp, TEST_KAFKA_BROKERS, testConfigEnv, TestServiceApp, uniqueTopicPrefix } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { RoutingConfig } from '../src/config';
import { RoutingDirectoryCache } from '../src/directory/routing-directory.cache';
import { ImportRun, importCity } from '../src/import-directory';

export const DEMO_CITY = join(__dirname, '../../../deploy/seed/demo-city');

/**
 * Loads a city into a running routing's database the way `npm run directory:import` does
 * (the same function, on the service's database and topic prefix); fails on any problem.
 */
export async function importInto(service: TestServiceApp<RoutingConfig>, path = DEMO_CITY, options: { dryRun?: boolean } = {}): Promise<ImportRun> {
  const run = await importCity(service.config, path, options);
  service.app.get(RoutingDirectoryCache).invalidate();
  return run;
}

/** importInto, refusing any problem (for suites that need the demo city). */
export async function importDemoCity(service: TestServiceApp<RoutingConfig>): Promise<ImportRun> {
  const run = await importInto(service);
  if (run.problems.length > 0) throw new Error(`the demo city did not import: ${JSON.stringify(run.problems)}`);
  return run;
}

/** Routing booted on its own topics of the shared broker, with the demo city, and a publisher to feed it events as the other services would. */
export interface RoutingOnBroker {
  service: TestServiceApp<RoutingConfig>;
  kafka: KafkaConnection;
  publisher: EventPublisher;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Starts routing on topics of its own (the catalogue's and `topics`), with the demo city imported. */
export async function startWithDemoCity(clientId: string, topics: { topic: string; partitions: number }[] = []): Promise<RoutingOnBroker> {
  const prefix = uniqueTopicPrefix('routing');
  const kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId, topicPrefix: prefix });
  await kafka.ensureTopics([...catalogueTopicsToCreate(), ...topics]);
  const publisher = new EventPublisher(kafka);
  const service = await createServiceApp(AppModule, testConfigEnv({ KAFKA_TOPIC_PREFIX: prefix }));
  await importDemoCity(service);
  return {
    service,
    kafka,
    publisher,
    dataSource: service.app.get(DataSource),
    async close() {
      await publisher.disconnect();
      await service.close();
      await kafka.deletePrefixedTopics().catch(() => undefined);
      await kafka.disconnect();
    },
  };
}

/** A rider's hazard report in a grid of the demo city (xiangyun-yuhua-g1), as it travels on grievance.submitted.v1. */
export const hazardSubmission = (overrides: Partial<GrievanceSubmittedV1> = {}): GrievanceSubmittedV1 => ({
  trackingNo: `NC-20261123-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
  kind: 'hazard',
  category: 'manhole_cover_missing',
  title: 'Manhole cover missing at the crossroads',
  description: 'A rider nearly fell in.',
  urgency: 'urgent',
  location: { lat: 28.66, lng: 115.82 },
  attachmentIds: [uuidv7()],
  reporter: { id: 'worker-1', occupation: 'rider' },
  submittedAt: new Date().toISOString(),
  ...overrides,
});
