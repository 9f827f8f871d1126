/** The grid-dispatch service: grids and grid workers, dispatch and re-dispatch, the on-site check, and the hand-over to the department. */
import { DynamicModule, Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PlatformModule } from '@grievance/platform';
import { GridDispatchConfig } from './config';
import { ACCEPT_DEADLINES, BullAcceptDeadlines } from './deadlines/accept-deadlines';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryService } from './directory/directory.service';
import { DispatchLifecycle } from './dispatch/dispatch.consumer';
import { DispatchService } from './dispatch/dispatch.service';
import { GRID_DISPATCH_ENTITIES } from './entities';
import { GRID_DISPATCH_MIGRATIONS } from './migrations';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsService } from './tickets/tickets.service';

/** BullMQ keys of this deployment: suites sharing a Redis are kept apart by their topic prefix. */
export function bullPrefix(config: GridDispatchConfig): string {
  return config.KAFKA_TOPIC_PREFIX ? `bull-${config.KAFKA_TOPIC_PREFIX.replace(/[^A-Za-z0-9_-]/g, '_')}` : 'bull';
}

@Module({})
export class AppModule {
  static readonly configClass = GridDispatchConfig;

  static forRoot(config: GridDispatchConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: GRID_DISPATCH_ENTITIES, migrations: GRID_DISPATCH_MIGRATIONS })],
      controllers: [DirectoryController, TicketsController],
      providers: [
        {
          provide: ACCEPT_DEADLINES,
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => {
            logger.setContext('accept-deadlines');
            return new BullAcceptDeadlines(config.REDIS_URL, bullPrefix(config), logger);
          },
        },
        DirectoryService,
        DispatchService,
        TicketsService,
        DispatchLifecycle,
      ],
    };
  }
}
