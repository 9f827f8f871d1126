import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { validatedClassSchemas } from '@grievance/contracts';
import { ConfigClass, Env, loadConfig } from '../config/load-config';
import { describeErrorBodies } from '../errors/error-body.schema';
import { ServiceConfig } from '../config/service-config';
import { requestCorrelationId } from '../correlation/correlation';
import { pinoOptions } from '../logging/logger-options';
import { ServiceMetrics } from '../metrics/service-metrics';
import { enterRequestSpan, startRequestSpan, startTracing } from '../tracing/tracing';
import { databaseQueueOf, shedLoadWhenDatabaseQueued } from './load-shedding';
import { refuseHostileJson, refuseHostileUrl, refuseUnexpectedContentType, verifyUtf8 } from './untrusted-input';

/** Largest JSON or form body a service accepts (uploads go through multipart, not this). */
export const BODY_LIMIT = '1mb';

/** How long a stopping service may take to drain before it is forced out. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * What a service's root module offers the chassis: its config class and a factory for
 * the module configured with it.
 *
 *     @Module({})
 *     export class AppModule {
 *       static readonly configClass = IntakeConfig;
 *       static forRoot(config: IntakeConfig): DynamicModule { ... }
 *     }
 */
export interface ServiceModule<C extends ServiceConfig = ServiceConfig> {
  readonly configClass: ConfigClass<C>;
  forRoot(config: C): DynamicModule;
}

/** The configured Nest application, not yet listening. */
export async function createServiceApp<C extends ServiceConfig>(service: ServiceModule<C>, config: C): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(service.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    // Throw instead of aborting the process when a module fails to start.
    abortOnError: false,
  });
  configureServiceApp(app, config);
  return app;
}

/**
 * HTTP-level settings every service shares: the pino logger, the correlation id header
 * on every response (even one refused before routing), security headers, CORS for the
 * configured origins only, JSON bodies only (strict UTF-8, size-limited, free of
 * prototype keys and runaway nesting), 503 while too many queries wait for a database
 * connection, and OpenAPI at /docs and /docs-json. Validation,
 * the exception filter, auth and health come with PlatformModule.
 */
export function configureServiceApp(app: NestExpressApplication, config: ServiceConfig): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  // Who the client is (req.ip) when proxies stand in front: only the ones configured are believed.
  if (config.TRUST_PROXY) app.set('trust proxy', /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY);
  // First, so that requests refused before routing (503, hostile URLs) are timed too.
  const metrics = providerOf(app, ServiceMetrics);
  if (metrics) app.use(metrics.httpMiddleware());
  app.use(startRequestSpan(config.SERVICE_NAME));
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    requestCorrelationId(req, res);
    next();
  });
  app.use(
    helmet({
      // The API answers JSON; only the /docs page runs scripts and styles, its own.
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
      crossOriginResourcePolicy: { policy: 'same-site' },
    }),
  );
  // Browsers outside the allow-list get no CORS headers, so they cannot read answers.
  app.enableCors({
    origin: config.CORS_ALLOWED_ORIGINS.length > 0 ? config.CORS_ALLOWED_ORIGINS : false,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id'],
    exposedHeaders: ['X-Correlation-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
    maxAge: 600,
  });
  const dataSource = providerOf(app, DataSource);
  if (dataSource) app.use(shedLoadWhenDatabaseQueued(databaseQueueOf(dataSource), config.DATABASE_QUEUE_LIMIT));
  app.use(refuseHostileUrl);
  app.use(refuseUnexpectedContentType);
  app.useBodyParser('json', { limit: BODY_LIMIT, verify: verifyUtf8 });
  app.use(refuseHostileJson);
  app.use(enterRequestSpan);
  setUpOpenApi(app, config);
}

/** A provider of the service's module, when it has one (a bare test module may not). */
function providerOf<T>(app: NestExpressApplication, token: abstract new (...args: never[]) => T): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined;
  }
}

export function buildOpenApiDocument(app: INestApplication, config: ServiceConfig): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`${config.SERVICE_NAME} service`)
      .setDescription(
        `The ${config.SERVICE_NAME} service of the grievance routing system. Every call but /health and /docs needs a bearer JWT. ` +
          'A refusal (4xx) keeps its English `message` and adds `errors` (`field`, `code`, `message`), said in the language of the Accept-Language header (zh-CN, the default, or en).',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
  // The DTOs carry class-validator decorators, not swagger's: their schemas (what a client
  // must send, e.g. for the console's generated types) come from the same decorators.
  const named = Object.keys(document.components?.schemas ?? {});
  if (named.length) document.components = { ...document.components, schemas: { ...document.components?.schemas, ...validatedClassSchemas(named) } as NonNullable<OpenAPIObject['components']>['schemas'] };
  // Headers a handler reads (Idempotency-Key, Accept-Language) are all optional in this API;
  // swagger marks every @Headers() parameter required, which would make clients send them.
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      for (const parameter of operation?.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'header') parameter.required = false;
      }
    }
  }
  // Every refusal has the same body: English `message`, and `errors` in the caller's language.
  describeErrorBodies(document);
  // Health answers without a token.
  const health = document.paths['/health']?.get;
  if (health) health.security = [];
  return document;
}

function setUpOpenApi(app: NestExpressApplication, config: ServiceConfig): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}

export interface StartOptions {
  /** Close gracefully on SIGTERM / SIGINT (a real process; not in tests). */
  shutdownHooks?: boolean;
  /** Listen here instead of the config's HOST:PORT (tests: 127.0.0.1:0). */
  host?: string;
  port?: number;
}

/** Creates the app and starts listening. */
export async function startServiceApp<C extends ServiceConfig>(
  service: ServiceModule<C>,
  config: C,
  options: StartOptions = {},
): Promise<NestExpressApplication> {
  const app = await createServiceApp(service, config);
  try {
    if (options.shutdownHooks) {
      app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        // Nest closes the app on the signal; this only makes sure a stuck close ends.
        process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref());
      }
    }
    await app.listen(options.port ?? config.PORT, options.host ?? config.HOST);
    const address = app.getHttpServer().address() as AddressInfo;
    app.get(Logger).log(`${config.SERVICE_NAME} listening on ${address.address}:${address.port}`, 'bootstrap');
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the service's database when missing and runs its pending migrations (under the
 * advisory lock, as a start does), then closes without serving or consuming anything: what
 * a Kubernetes initContainer runs before the new version's pods take traffic.
 */
export async function migrateService<C extends ServiceConfig>(service: ServiceModule<C>, config: C): Promise<void> {
  // Building the module opens the database, and opening it migrates; nothing starts before init.
  const app = await NestFactory.create<NestExpressApplication>(service.forRoot(config), { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.close();
}

/**
 * A service's `main`: reads and checks the environment, starts the app, and closes it
 * gracefully on SIGTERM / SIGINT. With `MIGRATE_ONLY=true` it only migrates its database
 * and exits with 0 (see migrateService). A service that cannot start logs why and exits with 1.
 */
export async function bootstrapService<C extends ServiceConfig>(
  service: ServiceModule<C>,
  configOrEnv?: C | Env,
): Promise<NestExpressApplication> {
  let config: C | undefined;
  try {
    config = configOrEnv instanceof ServiceConfig ? configOrEnv : loadConfig(service.configClass, configOrEnv as Env | undefined);
    if (process.env.MIGRATE_ONLY?.trim().toLowerCase() === 'true') {
      await migrateService(service, config);
      process.exit(0);
    }
    // Off unless the standard OTEL_* variables ask for it.
    startTracing({ serviceName: config.SERVICE_NAME });
    return await startServiceApp(service, config, { shutdownHooks: true });
  } catch (error) {
    const name = config?.SERVICE_NAME ?? defaultServiceName(service);
    const logger = pino(pinoOptions({ SERVICE_NAME: name, LOG_LEVEL: 'info' }));
    logger.fatal({ err: error }, `${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    logger.flush();
    process.exit(1);
  }
}

function defaultServiceName(service: ServiceModule): string {
  try {
    return new service.configClass().SERVICE_NAME ?? service.configClass.name;
  } catch {
    return service.configClass.name;
  }
}
