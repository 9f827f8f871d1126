import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { ACCEPT_DEADLINES, AcceptDeadlines } from '../deadlines/accept-deadlines';
import { DirectoryService } from '../directory/directory.service';
import { Armed, DispatchService } from './dispatch.service';

export const CONSUMER_GROUP = 'grid-dispatch';

/**
 * Starts the service's work: loads the directory seed, starts the accept-deadline alarms
 * and re-arms every open ticket's deadline from Postgres, then consumes
 * `grievance.submitted.v1` (keeps the report's snapshot) and `grievance.routed.v1`
 * (a hazard with a grid gets a ticket and is dispatched).
 */
@Injectable()
export class DispatchLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: EventConsumer;
  private starting?: Promise<void>;

  constructor(
    kafka: KafkaConnection,
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly logger: PinoLogger,
    private readonly directory: DirectoryService,
    private readonly dispatch: DispatchService,
    @Inject(ACCEPT_DEADLINES) private readonly deadlines: AcceptDeadlines,
  ) {
    this.logger.setContext('grid-dispatch');
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: CONSUMER_GROUP }, logger, relay);
    this.consumer.on('grievance.submitted.v1', async (event, tx) => {
      const { payload } = event;
      if (payload.kind !== 'hazard') return;
      await tx.manager.query(
        `INSERT INTO grievance_snapshots (grievance_id, tracking_no, kind, category, title, lat, lng, address, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (grievance_id) DO NOTHING`,
        [
          event.grievanceId,
          payload.trackingNo,
          payload.kind,
          payload.category,
          payload.title,
          payload.location?.lat ?? null,
          payload.location?.lng ?? null,
          payload.location?.address ?? null,
          payload.submittedAt,
        ],
      );
    });
    this.consumer.on('grievance.routed.v1', async (event, tx) => {
      const { payload } = event;
      if (payload.kind !== 'hazard' || !payload.gridId) return;
      const armed: Armed | undefined = await this.dispatch.openTicket(tx, event, payload.gridId);
      // Armed before the commit: an alarm for a ticket that then failed to commit finds nothing and does nothing.
      await this.dispatch.arm(armed);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.directory.loadConfiguredSeed();
    await this.deadlines.start((ticketId, attempt) => this.dispatch.onAcceptDeadline(ticketId, attempt));
    const rearmed = await this.dispatch.rearmOpenDeadlines();
    this.logger.info({ rearmed }, 'accept deadlines re-armed');
    this.starting = this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'grid-dispatch consumer stopped'));
  }

  async onApplicationShutdown(): Promise<void> {
    // Let a join still under way finish first (bounded), so stopping leaves nothing connecting behind.
    if (this.starting) await Promise.race([this.starting, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await this.consumer.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'error while stopping the consumer'));
    await this.deadlines.close().catch((error: unknown) => this.logger.warn({ err: error }, 'error while closing the accept deadlines'));
  }
}
