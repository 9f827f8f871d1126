import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { RoutingConfig } from '../config';
import { ApplyVerification, CloseMatter, ReopenMatter } from './hazard-loop.use-cases';
import { RouteGrievance } from './route-grievance.use-case';
import { ReopenAppeal } from '../escalation/reopen-appeal.use-case';
import { StartAppeal } from '../escalation/start-appeal.use-case';
import { MatterDeadlines } from '../deadlines/matter-deadlines';

/**
 * The routing service's one consumer (group `routing`): turns each event into a use case
 * call, inside the consumer's transaction (idempotent inbox + outbox).
 */
@Injectable()
export class RoutingConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  readonly consumer: EventConsumer;

  constructor(
    config: RoutingConfig,
    kafka: KafkaConnection,
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly logger: PinoLogger,
    route: RouteGrievance,
    verify: ApplyVerification,
    reopen: ReopenMatter,
    close: CloseMatter,
    startAppeal: StartAppeal,
    reopenAppeal: ReopenAppeal,
    deadlines: MatterDeadlines,
  ) {
    this.logger.setContext('routing-consumer');
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: config.SERVICE_NAME }, logger, relay)
      .on('grievance.submitted.v1', async (event, tx) => {
        if (StartAppeal.applies(event.payload)) await startAppeal.execute(event, tx);
        else await route.execute(event, tx);
      })
      .on('feedback.rated.v1', async (event, tx) => {
        await reopenAppeal.execute(event, tx);
      })
      .on('grievance.replied.v1', async (event, tx) => {
        // The reporter answered: the holder's stopped clocks run again (a repeat changes nothing).
        await deadlines.resume(tx, event.grievanceId);
      })
      .on('ticket.verified.v1', async (event, tx) => {
        await verify.execute(event, tx);
      })
      .on('grievance.reopened.v1', async (event, tx) => {
        await reopen.execute(event, tx);
      })
      .on('grievance.closed.v1', async (event, tx) => {
        await close.execute(event, tx);
      });
  }

  onApplicationBootstrap(): void {
    // Retries by itself while the broker or the topics are away.
    void this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'routing consumer stopped'));
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}
