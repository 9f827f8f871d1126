import { Injectable, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { KafkaConnection, OutboxRelay, TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

/**
 * Starts this process's outbox relay once the app is up. It is stopped in
 * PlatformLifecycle's shutdown, before the database and the broker connection close,
 * so the last committed events still go out.
 */
@Injectable()
export class OutboxRelayStarter implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}

/** `OutboxRelay`, `TransactionalOutbox` and its `UnitOfWork` for the service's own database and broker. */
export const outboxProviders: Provider[] = [
  {
    provide: OutboxRelay,
    inject: [DataSource, KafkaConnection, PinoLogger],
    useFactory: (dataSource: DataSource, kafka: KafkaConnection, logger: PinoLogger) => {
      logger.setContext('outbox-relay');
      return new OutboxRelay(dataSource, kafka, {}, logger);
    },
  },
  {
    provide: TransactionalOutbox,
    inject: [DataSource, OutboxRelay],
    useFactory: (dataSource: DataSource, relay: OutboxRelay) => new TransactionalOutbox(dataSource, relay),
  },
  { provide: UnitOfWork, inject: [TransactionalOutbox], useFactory: (outbox: TransactionalOutbox) => new UnitOfWork(outbox) },
  OutboxRelayStarter,
];
