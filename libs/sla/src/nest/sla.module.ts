import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy, type InjectionToken, type ModuleMetadata } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MessagingLogger, TransactionalOutbox } from '@grievance/messaging';
import { DataSource } from 'typeorm';
import { SlaHandlers } from '../alarm/firing';
import { SlaEngine, SlaEngineOptions } from '../engine/sla-engine';

const SLA_ENGINE_OPTIONS = 'grievance:sla-engine-options';

export interface SlaModuleOptions {
  imports?: ModuleMetadata['imports'];
  /** Tokens handed to `useFactory` (DataSource, TransactionalOutbox, the service config, the owner's handlers…). */
  inject?: unknown[];
  useFactory: (...args: never[]) => SlaEngineOptions | Promise<SlaEngineOptions>;
}

/** A service's engine on its own DataSource and outbox (what `SlaModule.forService` needs besides them). */
export interface SlaServiceOptions extends Omit<SlaEngineOptions, 'dataSource' | 'outbox' | 'handlers' | 'logger'> {
  /** The owner's handlers, built with the module ref so they can reach use cases that need the engine themselves. */
  handlers?: (moduleRef: ModuleRef) => SlaHandlers;
  /** The provider of the service's logger (given the context `sla`). */
  logger?: InjectionToken;
}

/**
 * Opens the engine once the app is up (re-arming every open deadline); on shutdown stops its
 * firing first (before the consumers stop, which can take a broker's long poll), so no alarm
 * rings in a process on its way out, and closes it before the database goes.
 */
@Injectable()
class SlaEngineLifecycle implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  constructor(@Inject(SlaEngine) private readonly engine: SlaEngine) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.open();
  }

  async onModuleDestroy(): Promise<void> {
    await this.engine.quiesce();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}

/**
 * The engine as a Nest provider, for a service's module:
 *
 *     SlaModule.forRootAsync({
 *       inject: [DataSource, TransactionalOutbox, RoutingConfig, EscalationOnBreach],
 *       useFactory: (dataSource, outbox, config, escalation) => ({
 *         dataSource, outbox, queueName: 'routing.sla', redisUrl: config.REDIS_URL,
 *         timeScale: config.SLA_TIME_SCALE, handlers: escalation,
 *       }),
 *     })
 *
 * Use cases inject `SlaEngine` and call it inside their `TransactionalOutbox.run`.
 */
@Module({})
export class SlaModule {
  static forRootAsync(options: SlaModuleOptions): DynamicModule {
    return {
      module: SlaModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: SLA_ENGINE_OPTIONS, inject: (options.inject ?? []) as never[], useFactory: options.useFactory },
        { provide: SlaEngine, inject: [SLA_ENGINE_OPTIONS], useFactory: (engineOptions: SlaEngineOptions) => new SlaEngine(engineOptions) },
        SlaEngineLifecycle,
      ],
      exports: [SlaEngine],
    };
  }

  /** The usual wiring of a service: its DataSource and TransactionalOutbox, its handlers and logger. */
  static forService({ handlers, logger: loggerToken, ...engine }: SlaServiceOptions): DynamicModule {
    return SlaModule.forRootAsync({
      inject: [DataSource, TransactionalOutbox, ModuleRef, ...(loggerToken ? [loggerToken] : [])],
      useFactory: (dataSource: DataSource, outbox: TransactionalOutbox, moduleRef: ModuleRef, logger?: MessagingLogger & { setContext?(context: string): void }) => {
        logger?.setContext?.('sla');
        return { ...engine, dataSource, outbox, ...(handlers ? { handlers: handlers(moduleRef) } : {}), ...(logger ? { logger } : {}) };
      },
    });
  }
}
