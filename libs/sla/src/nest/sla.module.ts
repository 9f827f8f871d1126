import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, type ModuleMetadata } from '@nestjs/common';
import { SlaEngine, SlaEngineOptions } from '../engine/sla-engine';

const SLA_ENGINE_OPTIONS = 'grievance:sla-engine-options';

export interface SlaModuleOptions {
  imports?: ModuleMetadata['imports'];
  /** Tokens handed to `useFactory` (DataSource, TransactionalOutbox, the service config, the owner's handlers…). */
  inject?: unknown[];
  useFactory: (...args: never[]) => SlaEngineOptions | Promise<SlaEngineOptions>;
}

/** Opens the engine once the app is up (re-arming every open deadline) and closes it before the database goes. */
@Injectable()
class SlaEngineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(SlaEngine) private readonly engine: SlaEngine) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.open();
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
}
