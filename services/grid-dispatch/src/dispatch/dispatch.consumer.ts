import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { SlaEngine } from '@grievance/sla';
import { ApplySlaPolicyChange } from '../deadlines/apply-policy-change.use-case';
import { ApplyDirectoryChange } from '../directory/apply-directory-change';
import { DispatchService } from './dispatch.service';

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
    private readonly dispatch: DispatchService,
    private readonly sla: SlaEngine,
    applyPolicyChange: ApplySlaPolicyChange,
    applyDirectoryChange: ApplyDirectoryChange,
  ) {
    this.logger.setContext('grid-dispatch');
    // fromBeginning: a group new to the compacted directory topic must read all of it.
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: CONSUMER_GROUP, fromBeginning: true }, logger, relay);
    this.consumer.on('grievance.submitted.v1', async (event, tx) => {
      const { payload } = event;
      if (payload.kind !== 'hazard') return;
      await tx.manager.query(
        `INSERT INTO grievance_snapshots (grievance_id, tracking_no, kind, category, title, urgency, lat, lng, address, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (grievance_id) DO NOTHING`,
        [
          event.grievanceId,
          payload.trackingNo,
          payload.kind,
          payload.category,
          payload.title,
          payload.urgency,
          payload.location?.lat ?? null,
          payload.location?.lng ?? null,
          payload.location?.address ?? null,
          payload.submittedAt,
        ],
      );
      await this.dispatch.noteUrgency(tx, event.grievanceId, payload.urgency);
    });
    this.consumer.on('grievance.routed.v1', async (event, tx) => {
      const { payload } = event;
      if (payload.kind !== 'hazard' || !payload.gridId) return;
      await this.dispatch.openTicket(tx, event, payload.gridId, { kind: payload.kind, category: payload.category });
    });
    this.consumer.on('sla.policy-changed.v1', async (event, tx) => {
      await applyPolicyChange.execute(event, tx);
    });
    this.consumer.on('directory.entry-changed.v1', async (event, tx) => {
      await applyDirectoryChange.execute(event, tx);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Opening is idempotent (the SLA module opens it too): it must be open, its policies
    // seeded, before the first routed hazard asks it for a budget.
    await this.sla.open();
    const adopted = await this.dispatch.adoptUntimedTickets();
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
