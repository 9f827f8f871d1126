import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { SlaEngine } from '@grievance/sla';
import { ApplySlaPolicyChange } from '../deadlines/apply-policy-change.use-case';
import { ApplyDirectoryChange } from '../directory/apply-directory-change.use-case';
import { AdoptUntimedTickets } from './adopt-untimed-tickets.use-case';
import { OpenTicket } from './open-ticket.use-case';
import { RecordSubmission } from './record-submission.use-case';

export const CONSUMER_GROUP = 'grid-dispatch';

/**
 * Starts the service's work: opens the SLA engine (which re-arms every open deadline from
 * Postgres), then consumes `grievance.submitted.v1` (keeps the report's snapshot),
 * `grievance.routed.v1` (a hazard with a grid gets a ticket and is dispatched),
 * `sla.policy-changed.v1` (the SLA settings follow routing's admin API) and
 * `directory.entry-changed.v1` (grids and grid workers follow routing's directory; a new
 * group reads the compacted topic from its beginning, so it starts with the whole directory).
 */
@Injectable()
export class DispatchLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly consumer: EventConsumer;
  private starting?: Promise<void>;

  constructor(
    kafka: KafkaConnection,
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly logger: PinoLogger,
    private readonly sla: SlaEngine,
    private readonly adoptUntimedTickets: AdoptUntimedTickets,
    recordSubmission: RecordSubmission,
    openTicket: OpenTicket,
    applyPolicyChange: ApplySlaPolicyChange,
    applyDirectoryChange: ApplyDirectoryChange,
  ) {
    this.logger.setContext('grid-dispatch');
    // fromBeginning: a group new to the compacted directory topic must read all of it.
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: CONSUMER_GROUP, fromBeginning: true }, logger, relay);
    this.consumer.on('grievance.submitted.v1', ({ grievanceId, payload }) =>
      recordSubmission.execute({
        grievanceId,
        trackingNo: payload.trackingNo,
        kind: payload.kind,
        category: payload.category,
        title: payload.title,
        urgency: payload.urgency,
        location: payload.location ? { lat: payload.location.lat, lng: payload.location.lng, address: payload.location.address ?? null } : null,
        submittedAt: payload.submittedAt,
      }),
    );
    this.consumer.on('grievance.routed.v1', ({ grievanceId, eventId, correlationId, payload }) =>
      openTicket.execute({ grievanceId, eventId, correlationId, kind: payload.kind, category: payload.category, gridId: payload.gridId }),
    );
    this.consumer.on('sla.policy-changed.v1', async ({ payload, actor }) => {
      await applyPolicyChange.execute({ change: payload, actorId: actor.id });
    });
    this.consumer.on('directory.entry-changed.v1', async ({ payload }) => {
      await applyDirectoryChange.execute(payload);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Opening is idempotent (the SLA module opens it too): it must be open, its policies
    // seeded, before the first routed hazard asks it for a budget.
    await this.sla.open();
    const adopted = await this.adoptUntimedTickets.execute();
    if (adopted > 0) this.logger.info({ adopted }, 'dispatched tickets without an accept deadline got one');
    this.starting = this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'grid-dispatch consumer stopped'));
  }

  /** Stops taking events before the SLA engine closes (it closes before shutdown, while the database is open). */
  async beforeApplicationShutdown(): Promise<void> {
    // Let a join still under way finish first (bounded), so stopping leaves nothing connecting behind.
    if (this.starting) await Promise.race([this.starting, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await this.consumer.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'error while stopping the consumer'));
  }
}
