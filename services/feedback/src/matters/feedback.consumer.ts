import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { NOTIFIED_TOPICS } from '../notifications/messages';
import { MatterEvents } from './matter-events';

export const FEEDBACK_CONSUMER_GROUP = 'feedback';

/**
 * The service's one Kafka consumer (group `feedback`): every grievance and ticket event a
 * reporter is told about, and the SLA breaches a matter's close reports, each applied by
 * MatterEvents in the inbox transaction.
 */
@Injectable()
export class FeedbackConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: EventConsumer;

  constructor(kafka: KafkaConnection, dataSource: DataSource, relay: OutboxRelay, events: MatterEvents, private readonly logger: PinoLogger) {
    this.logger.setContext('consumer');
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: FEEDBACK_CONSUMER_GROUP }, logger, relay);
    for (const topic of NOTIFIED_TOPICS) {
      this.consumer.on(topic, (event, tx) => events.apply(topic, event, tx));
    }
    this.consumer.on('sla.breached.v1', (event, tx) => events.breached(event, tx));
  }

  onApplicationBootstrap(): void {
    // start() keeps retrying while the broker is away; the app does not wait for it.
    void this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'feedback consumer stopped'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
