/** The grid-dispatch service: grids and grid workers, dispatch and re-dispatch, the on-site check, and the hand-over to the department. */
import { DynamicModule, Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { bullPrefixFor, EventConsumersModule, PlatformModule } from '@grievance/platform';
import { SlaModule } from '@grievance/sla';
import { GridDispatchConfig } from './config';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { GRID_DISPATCH_SLA_QUEUE } from './deadlines/ticket-deadlines';
import { DirectoryModule } from './directory/directory.module';
import { gridDispatchSlaHandlers } from './dispatch/deadline-breaches';
import { DispatchConsumer, GRID_DISPATCH_CONSUMER_GROUP } from './dispatch/dispatch.consumer';
import { DispatchModule } from './dispatch/dispatch.module';
import { GRID_DISPATCH_REPORTS_CONSUMER_GROUP, REPORTS_FETCH_GATHER_MS, ReportsConsumer } from './dispatch/reports.consumer';
import { GRID_DISPATCH_ENTITIES } from './entities';
import { GRID_DISPATCH_MIGRATIONS } from './migrations';
import { TicketsModule } from './tickets/tickets.module';

@Module({})
export class AppModule {
  static readonly configClass = GridDispatchConfig;

  static forRoot(config: GridDispatchConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: GRID_DISPATCH_ENTITIES, migrations: GRID_DISPATCH_MIGRATIONS }),
        SlaModule.forService({
          queueName: GRID_DISPATCH_SLA_QUEUE,
          redisUrl: config.REDIS_URL,
          prefix: bullPrefixFor(config.KAFKA_TOPIC_PREFIX),
          timeScale: config.SLA_TIME_SCALE,
          handlers: gridDispatchSlaHandlers,
          logger: PinoLogger,
        }),
        DeadlinesModule,
        TicketsModule,
        DispatchModule,
        DirectoryModule,
        // fromBeginning: a group new to the compacted directory topic must read all of it.
        EventConsumersModule.forGroup({ groupId: GRID_DISPATCH_CONSUMER_GROUP, fromBeginning: true, handlers: [DispatchConsumer] }),
        // fromBeginning: a group new to a deployment keeps every report still on the topic (each once).
        EventConsumersModule.forGroup({
          groupId: GRID_DISPATCH_REPORTS_CONSUMER_GROUP,
          fromBeginning: true,
          fetchGatherMs: REPORTS_FETCH_GATHER_MS,
          handlers: [ReportsConsumer],
        }),
      ],
      // The consumers' handlers call use cases of every context.
      providers: [DispatchConsumer, ReportsConsumer],
    };
  }
}
