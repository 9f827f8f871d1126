import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EventConsumer, KafkaConnection, OutboxRelay } from '@grievance/messaging';
import { TrackEventUseCase } from './track-event.use-case';
import { TRACKED_TOPICS } from './tracking-rules';

/** The intake consumer (group `intake`): every grievance and ticket event feeds the tracking view. */
@Injectable()
export class TrackingConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly consumer: EventConsumer;

  constructor(kafka: KafkaConnection, dataSource: DataSource, relay: OutboxRelay, logger: PinoLogger, track: TrackEventUseCase) {
    logger.setContext('tracking-consumer');
    this.consumer = new EventConsumer(kafka, dataSource, { groupId: 'intake' }, logger, relay);
    for (const topic of TRACKED_TOPICS) {
      this.consumer.on(topic, async (event, tx) => {
        const outcome = await track.execute(topic, event as never, tx);
        if (outcome === 'unknown') logger.warn({ topic, grievanceId: event.grievanceId, eventId: event.eventId }, 'event of a matter intake does not hold; skipped');
      });
    }
  }

  onApplicationBootstrap(): void {
    // Keeps retrying while the broker or the topics are away.
    void this.consumer.start();
  }

  /** Before the chassis closes the database and the broker connection. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
