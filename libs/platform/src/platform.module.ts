import {
  ArgumentMetadata,
  DynamicModule,
  HttpException,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Provider,
  RequestMethod,
  ValidationPipe,
  type ModuleMetadata,
} from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { ValidationError } from 'class-validator';
import { KafkaConnection, OutboxRelay, TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { authModuleFor } from './auth-wiring';
import { ServiceConfig } from './config/service-config';
import { CorrelationIdMiddleware } from './correlation/correlation';
import { EntityList, MigrationList, openServiceDatabase } from './database/data-source';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { CatalogueBadRequestException, RequestValidationException } from './errors/error-texts';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { kafkaSettingsFrom } from './kafka/kafka-settings';
import { loggerParams } from './logging/logger-options';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/service-metrics';
import { flushTracing } from './tracing/tracing';
import { outboxProviders } from './messaging/outbox.providers';
import { closeRedisClient, createRedisClient, ensureRedisConnected } from './redis/redis-client';
import { REDIS_CLIENT, SERVICE_CONFIG } from './tokens';
import { Clock } from './time/clock';

export interface PlatformOptions<C extends ServiceConfig = ServiceConfig> {
  /** The service's validated config (from `loadConfig`). */
  config: C;
  /** The service's TypeORM entities. */
  entities?: EntityList;
  /** The service's migrations, `...MESSAGING_MIGRATIONS` included. */
  migrations?: MigrationList;
  /** Where log lines go instead of stdout (tests). */
  logDestination?: DestinationStream;
}

/**
 * The global ValidationPipe: unknown fields are refused, payloads become DTO instances,
 * and a handler that takes a body gets a JSON object or a 400 that says so (not the
 * validator's "unknown value" when the body is missing, an array or a bare string). Its
 * 400 keeps the failed checks, which the exception filter says in the caller's language.
 */
class ServiceValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const wantsDto = metadata.type === 'body' && metadata.metatype !== undefined && !PLAIN_TYPES.has(metadata.metatype);
    if (wantsDto && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new CatalogueBadRequestException('the body must be a JSON object (content-type application/json)', 'bodyNotObject', 'error.bodyNotObject');
    }
    return super.transform(value, metadata);
  }

  override createExceptionFactory(): (errors?: ValidationError[]) => unknown {
    const english = super.createExceptionFactory();
    return (errors: ValidationError[] = []) => {
      const exception = english(errors) as HttpException;
      const body = exception.getResponse();
      return new RequestValidationException(typeof body === 'object' ? body : { statusCode: 400, error: 'Bad Request', message: [body] }, errors);
    };
  }
}

const PLAIN_TYPES = new Set<unknown>([String, Number, Boolean, Array, Object]);

export function createValidationPipe(): ValidationPipe {
  return new ServiceValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The target stays on each error (never in the answer) so the filter can read the failed constraint's parameters.
    validationError: { target: true, value: false },
  });
}

/** Closes what the chassis opened, after the HTTP server has stopped taking requests. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelay,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('platform');
  }

  async onApplicationBootstrap(): Promise<void> {
    // Connect early so the first health probe does not race the handshake; a Redis that
    // is away only makes health say so, it does not stop the service from starting.
    await ensureRedisConnected(this.redis).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'redis is not reachable at start; will keep trying'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // The relay first: it finishes the batch in flight while the database and broker are still open.
    await this.relay.stop().catch((error: unknown) => this.logger.warn({ err: error }, 'error while stopping the outbox relay'));
    const results = await Promise.allSettled([
      closeRedisClient(this.redis),
      this.kafka.disconnect(),
      this.dataSource.isInitialized ? this.dataSource.destroy() : Promise.resolve(),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') this.logger.warn({ err: result.reason }, 'error while closing a connection');
    }
    await flushTracing().catch((error: unknown) => this.logger.warn({ err: error }, 'could not send the last spans'));
  }
}

/**
 * The chassis every service imports once, in its root module:
 *
 *     imports: [PlatformModule.forRoot({ config, entities, migrations: INTAKE_MIGRATIONS })]
 *
 * It provides (globally) the config (by `SERVICE_CONFIG`, `ServiceConfig` and the
 * service's own config class), `DataSource` (database created when missing, migrated
 * under an advisory lock), the ioredis client (`REDIS_CLIENT`), `KafkaConnection`, and
 * `TransactionalOutbox` with this process's `OutboxRelay` (started with the app) and its `UnitOfWork`, the `Clock`,
 * and registers pino logging with correlation ids, the JWT guard, the global
 * ValidationPipe and exception filter, `GET /health` and `GET /metrics` (Prometheus).
 */
@Module({})
export class PlatformModule implements NestModule {
  static forRoot<C extends ServiceConfig>(options: PlatformOptions<C>): DynamicModule {
    const { config } = options;
    const configProviders: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: ServiceConfig, useValue: config },
    ];
    const configClass = config.constructor as new () => C;
    const configTokens: Array<string | (new () => ServiceConfig)> = [SERVICE_CONFIG, ServiceConfig];
    if (configClass !== ServiceConfig) {
      configProviders.push({ provide: configClass, useValue: config });
      configTokens.push(configClass);
    }

    const providers: Provider[] = [
      ...configProviders,
      {
        provide: DataSource,
        inject: [PinoLogger],
        useFactory: (logger: PinoLogger) => {
          logger.setContext('database');
          return openServiceDatabase({
            url: config.DATABASE_URL,
            entities: options.entities,
            migrations: options.migrations,
            logger,
            applicationName: config.SERVICE_NAME,
            poolSize: config.DATABASE_POOL_SIZE,
            preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
            connectionMaxLifetimeSeconds: config.DATABASE_CONNECTION_MAX_LIFETIME_S,
          });
        },
      },
      {
        provide: REDIS_CLIENT,
        inject: [PinoLogger],
        useFactory: (logger: PinoLogger) => {
          logger.setContext('redis');
          return createRedisClient(config.REDIS_URL, config.SERVICE_NAME, logger);
        },
      },
      {
        provide: KafkaConnection,
        inject: [PinoLogger],
        useFactory: (logger: PinoLogger) => {
          logger.setContext('kafka');
          return new KafkaConnection(kafkaSettingsFrom(config), logger);
        },
      },
      ...outboxProviders,
      {
        provide: ServiceMetrics,
        inject: [DataSource, KafkaConnection, OutboxRelay],
        useFactory: (database: DataSource, kafka: KafkaConnection, outbox: OutboxRelay) =>
          new ServiceMetrics({ serviceName: config.SERVICE_NAME, database, kafka, outbox }),
      },
      Clock,
      HealthService,
      PlatformLifecycle,
      CorrelationIdMiddleware,
      { provide: APP_PIPE, useFactory: createValidationPipe },
      {
        provide: APP_FILTER,
        inject: [PinoLogger],
        useFactory: (logger: PinoLogger) => {
          logger.setContext('http');
          return new AllExceptionsFilter(logger);
        },
      },
    ];

    const imports: NonNullable<ModuleMetadata['imports']> = [
      LoggerModule.forRoot(loggerParams(config, options.logDestination)),
      authModuleFor(config),
    ];

    return {
      module: PlatformModule,
      global: true,
      imports,
      controllers: [HealthController, MetricsController],
      providers,
      exports: [...configTokens, DataSource, REDIS_CLIENT, KafkaConnection, OutboxRelay, TransactionalOutbox, UnitOfWork, HealthService, ServiceMetrics, Clock],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
