import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signDevToken } from '@grievance/auth';
import { createEnvelope, DIRECTORY_STREAM_ID, DirectoryEntryChangedV1, EventEnvelope, PayloadOf, RoutedReport, routedReportOf, SYSTEM_ACTOR, TicketDispatchedV1, TopicName } from '@grievance/contracts';
import { CityEntryState, readValidCity } from '@grievance/directory-seed';
import { catalogueTopicsToCreate, EventPublisher, KafkaConnection, RawMessage } from '@grievance/messaging';
import { createServiceApp, createTestDatabase, eventually, testConfigEnv, TestDatabase, TestServiceApp, waitForMessages } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { GridDispatchConfig } from '../src/config';

/** A small city in the directory's file format: 4 grids in 3 communities and 2 streets, 4 grid workers. */
export const SMALL_CITY = join(__dirname, 'fixtures', 'small-city');

/** A point inside each fixture grid. */
export const IN_GRID = {
  g1: { lat: 28.605, lng: 115.805 },
  g2: { lat: 28.605, lng: 115.815 },
  g3: { lat: 28.605, lng: 115.825 },
  g4: { lat: 28.605, lng: 115.835 },
} as const;

export interface Harness {
  service: TestServiceApp<GridDispatchConfig>;
  db: TestDatabase;
  kafka: KafkaConnection;
  dataSource: DataSource;
  publisher: RetryingPublisher;
  /** The env the service was started with. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Freshly created topics may answer "not the leader" for a moment: publish again then. */
export class RetryingPublisher {
  private readonly inner: EventPublisher;

  constructor(connection: KafkaConnection) {
    this.inner = new EventPublisher(connection);
  }

  async publish<T extends TopicName>(topic: T, envelope: EventEnvelope<PayloadOf<T>>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inner.publish(topic, envelope);
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      }
    }
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase('grid_dispatch');
  const fullEnv = testConfigEnv({ DATABASE_URL: db.url, ...env }) as Record<string, string>;
  const service = await createServiceApp(AppModule, fullEnv);
  const kafka = service.app.get(KafkaConnection);
  try {
    // The shared test broker can be slow to settle new topics while other suites create theirs.
    await kafka.ensureTopics(catalogueTopicsToCreate(), 8);
  } catch (error) {
    await service.close();
    await db.drop();
    throw error;
  }
  const harness: Harness = {
    service,
    db,
    kafka,
    dataSource: service.app.get(DataSource),
    publisher: new RetryingPublisher(kafka),
    env: fullEnv,
    async close() {
      await harness.publisher.disconnect().catch(() => undefined);
      await harness.service.close();
      await db.drop();
    },
  };
  try {
    // The directory comes from routing's topic, as in production: publish the small city as routing would.
    await publishDirectory(harness, readValidCity(SMALL_CITY).map((e) => e.state));
    await eventually(
      () => harness.dataSource.query(`SELECT (SELECT count(*) FROM grids)::int AS grids, (SELECT count(*) FROM grid_workers)::int AS workers`) as Promise<{ grids: number; workers: number }[]>,
      (rows) => rows[0]!.grids === 4 && rows[0]!.workers === 4,
      { what: 'the small city applied from the directory topic', timeoutMs: 60_000 },
    );
  } catch (error) {
    await harness.close();
    throw error;
  }
  return harness;
}

/** A directory entry's event as routing publishes it (version 1 unless given). */
export function directoryEvent(state: CityEntryState, change: { version?: number; retired?: boolean } = {}): EventEnvelope<DirectoryEntryChangedV1> {
  return createEnvelope({
    topic: 'directory.entry-changed.v1',
    grievanceId: DIRECTORY_STREAM_ID,
    actor: { id: 'admin-1', role: 'admin' },
    correlationId: `directory-${state.kind}-${state.id}`,
    payload: { ...state, version: change.version ?? 1, retired: change.retired ?? false, changedAt: new Date().toISOString() },
  });
}

/** Publishes directory entries on directory.entry-changed.v1, as routing does. */
export async function publishDirectory(h: Harness, states: CityEntryState[], change: { version?: number; retired?: boolean } = {}): Promise<void> {
  for (const state of states) await h.publisher.publish('directory.entry-changed.v1', directoryEvent(state, change));
}

/**
 * Stops the service and starts a new one on the same database, topics and Redis, as a
 * deployment or a crash-and-restart would; `meanwhile` runs while none is up.
 */
export async function restartService(h: Harness, meanwhile?: () => Promise<void>): Promise<void> {
  await h.publisher.disconnect().catch(() => undefined);
  await h.service.close();
  await meanwhile?.();
  h.service = await createServiceApp(AppModule, h.env);
  h.kafka = h.service.app.get(KafkaConnection);
  h.dataSource = h.service.app.get(DataSource);
  h.publisher = new RetryingPublisher(h.kafka);
}

/** Publishes a hazard's submission and its routing to a grid, as intake and routing would. */
export async function reportHazard(
  h: Harness,
  options: {
    gridId: string;
    location: { lat: number; lng: number };
    grievanceId?: string;
    /** The routing is handled before the submission arrives (the two topics are consumed independently). Default false. */
    routedFirst?: boolean;
    /** A walk-in: logged for the worker by the staff of this station (grievance.submitted.v1 loggedAt). */
    loggedAtStationId?: string;
  },
): Promise<{ grievanceId: string; routed: ReturnType<typeof routedEvent> }> {
  const grievanceId = options.grievanceId ?? randomUUID();
  const correlationId = `test-${grievanceId}`;
  const submitted = createEnvelope({
    topic: 'grievance.submitted.v1',
    grievanceId,
    actor: options.loggedAtStationId ? { id: `staff-of-${options.loggedAtStationId}`, role: 'station_staff' } : { id: 'worker-1', role: 'worker' },
    correlationId,
    payload: {
      ...(options.loggedAtStationId ? { loggedAt: { stationId: options.loggedAtStationId, staffId: `staff-of-${options.loggedAtStationId}`, consentMethod: 'verbal' as const } } : {}),
      trackingNo: 'NC-20261123-000001',
      kind: 'hazard',
      category: 'manhole_cover_missing',
      title: 'Manhole cover missing',
      description: 'On the corner',
      urgency: 'urgent',
      location: { ...options.location, address: 'Corner' },
      attachmentIds: [],
      reporter: { id: 'worker-1', occupation: 'rider' },
      submittedAt: new Date().toISOString(),
    },
  });
  if (options.routedFirst) {
    // A routing made before routings carried the report: the report comes with the submission, later.
    const routed = routedEvent(grievanceId, correlationId, submitted.eventId, options.gridId);
    await h.publisher.publish('grievance.routed.v1', routed);
    await eventually(
      () => h.dataSource.query(`SELECT 1 FROM tickets WHERE grievance_id = $1`, [grievanceId]) as Promise<unknown[]>,
      (rows) => rows.length === 1,
      { what: 'the ticket of the routing' },
    );
    await h.publisher.publish('grievance.submitted.v1', submitted);
    return { grievanceId, routed };
  }
  // As in the real flow: the submission, then routing's routing of it, carrying its report.
  const routed = routedEvent(grievanceId, correlationId, submitted.eventId, options.gridId, routedReportOf(submitted));
  await h.publisher.publish('grievance.submitted.v1', submitted);
  await h.publisher.publish('grievance.routed.v1', routed);
  return { grievanceId, routed };
}

/** routing's grievance.routed.v1 of a hazard to `gridId`; without `report`, as routings were before they carried it. */
export function routedEvent(grievanceId: string, correlationId: string, causationId: string, gridId: string, report?: RoutedReport) {
  return createEnvelope({
    topic: 'grievance.routed.v1',
    grievanceId,
    actor: SYSTEM_ACTOR,
    correlationId,
    causationId,
    payload: {
      kind: 'hazard',
      category: 'manhole_cover_missing',
      districtId: 'd1',
      gridId,
      departmentCode: 'municipal_works',
      holder: { type: 'org_unit', id: gridId, name: gridId },
      fallback: false,
      ...(report ? { report } : {}),
    },
  });
}

export function parse<P>(message: RawMessage): EventEnvelope<P> {
  return JSON.parse(message.value ?? 'null') as EventEnvelope<P>;
}

/** Waits for `count` ticket.dispatched.v1 of a grievance and returns them in order. */
export async function dispatchedOf(h: Harness, grievanceId: string, count = 1, timeoutMs = 20_000): Promise<EventEnvelope<TicketDispatchedV1>[]> {
  const messages = await waitForMessages(h.kafka, 'ticket.dispatched.v1', count, (m) => parse(m).grievanceId === grievanceId, timeoutMs);
  return messages.map((m) => parse<TicketDispatchedV1>(m)).sort((a, b) => a.payload.attempt - b.payload.attempt);
}

export async function gridWorkerToken(sub: string, gridId: string): Promise<string> {
  return signDevToken({ sub, role: 'grid_worker', gridId });
}

export function api(h: Harness) {
  return request(h.service.url);
}

export async function outboxCount(h: Harness, topic: string): Promise<number> {
  const [row] = (await h.dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = $1`, [topic])) as { n: number }[];
  return row!.n;
}
