/** The grid-dispatch service: grids and grid workers, dispatch and re-dispatch, the on-site check, and the hand-over to the department. */
import { DynamicModule, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { TransactionalOutbox } from '@grievance/messaging';
import { bullPrefixFor, PlatformModule } from '@grievance/platform';
import { SlaModule } from '@grievance/sla';
import { GridDispatchConfig } from './config';
import { ApplySlaPolicyChange } from './deadlines/apply-policy-change.use-case';
import { gridDispatchSlaHandlers, RedispatchOnLapse } from './deadlines/redispatch-on-lapse.use-case';
import { GRID_DISPATCH_SLA_QUEUE, TicketDeadlines } from './deadlines/ticket-deadlines';
import { DirectoryController } from './directory/directory.controller';
import { ApplyDirectoryChange } from './directory/apply-directory-change';
import { DirectoryService } from './directory/directory.service';
import { DispatchLifecycle } from './dispatch/dispatch.consumer';
import { DispatchService } from './dispatch/dispatch.service';
import { GRID_DISPATCH_ENTITIES } from './entities';
import { GRID_DISPATCH_MIGRATIONS } from './migrations';
import { TicketStream } from './tickets/ticket-stream';
import { TicketStreamController } from './tickets/ticket-stream.controller';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsService } from './tickets/tickets.service';

@Module({})
export class AppModule {
  static readonly configClass = GridDispatchConfig;

  static forRoot(config: GridDispatchConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: GRID_DISPATCH_ENTITIES, migrations: GRID_DISPATCH_MIGRATIONS }),
        SlaModule.forRootAsync({
          inject: [DataSource, TransactionalOutbox, ModuleRef, PinoLogger],
          useFactory: (dataSource: DataSource, outbox: TransactionalOutbox, moduleRef: ModuleRef, logger: PinoLogger) => {
            logger.setContext('sla');
            return {
              dataSource,
              outbox,
              queueName: GRID_DISPATCH_SLA_QUEUE,
              redisUrl: config.REDIS_URL,
              prefix: bullPrefixFor(config.KAFKA_TOPIC_PREFIX),
              timeScale: config.SLA_TIME_SCALE,
              handlers: gridDispatchSlaHandlers(moduleRef),
              logger,
            };
          },
        }),
      ],
      controllers: [DirectoryController, TicketsController, TicketStreamController],
      providers: [
        DirectoryService,
        ApplyDirectoryChange,
        DispatchService,
        TicketDeadlines,
        RedispatchOnLapse,
        ApplySlaPolicyChange,
        TicketsService,
        DispatchLifecycle,
        TicketStream,
      ],
    };
  }
}
