import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CATALOGUE_TOPICS, CatalogueTopic } from '@grievance/contracts';
import { EventConsumer, KafkaConnection } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { refreshMatterRow } from '../matters/matters.repository';
import { DossierRepository } from './dossier.repository';

export const AUDIT_CONSUMER_GROUP = 'audit';

/**
 * Every topic of the catalogue, derived from it so a topic added there is recorded without
 * a change here. Department topics carry the same matters as grievance.assigned.v1 and are
 * not needed for the dossier.
 */
export const AUDITED_TOPICS: readonly CatalogueTopic[] = CATALOGUE_TOPICS;

/**
 * The service's one Kafka consumer (group `audit`): appends each event to its matter's
 * chain in the inbox transaction, so a redelivered event is stored once. It only reads:
 * it publishes nothing, and no other service depends on it.
 */
@Injectable()
export class DossierConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: EventConsumer;

  constructor(kafka: KafkaConnection, dataSource: DataSource, dossier: DossierRepository, private readonly logger: PinoLogger) {
    this.logger.setContext('consumer');
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: AUDIT_CONSUMER_GROUP }, logger);
    for (const topic of AUDITED_TOPICS) {
      this.consumer.on(topic, async (event, tx) => {
        // The matter index follows the dossier in the same transaction (under the matter's lock).
        if (await dossier.append(tx.manager, topic, event)) await refreshMatterRow(tx.manager, event.grievanceId);
      });
    }
  }

  onApplicationBootstrap(): void {
    // start() keeps retrying while the broker is away; the app does not wait for it.
    void this.consumer.start().catch((error: unknown) => this.logger.error({ err: error }, 'audit consumer stopped'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
