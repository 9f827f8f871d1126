import { createHash } from 'node:crypto';
import { DataSource, EntitySchema, Logger as TypeOrmLogger, Migration, MigrationInterface } from 'typeorm';
import { databaseNameOf, ensureDatabase } from './ensure-database';
import { PreparingClient } from './prepared-statements';

/** The slice of a pino-style logger the database code needs. */
export interface DatabaseLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** Entity classes (or schemas) of a service. */
export type EntityList = Array<(new (...args: never[]) => object) | EntitySchema>;
/** Migration classes of a service, oldest first. */
export type MigrationList = Array<new () => MigrationInterface>;

export interface ServiceDataSourceOptions {
  url: string;
  entities?: EntityList;
  migrations?: MigrationList;
  logger?: DatabaseLogger;
  /** Connections in the pool. */
  poolSize?: number;
  /** The name of the service, shown in pg_stat_activity. */
  applicationName?: string;
  /** Parameterised queries as named prepared statements (see PreparingClient). Default true. */
  preparedStatements?: boolean;
  /** A pooled connection is closed once released after this many seconds (0: kept for ever). Default 300. */
  connectionMaxLifetimeSeconds?: number;
}

/**
 * A TypeORM DataSource for a service's own database. Schema changes come only from
 * migrations: `synchronize` is always off.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: 5_000,
    logging: ['error', 'warn', 'migration'],
    logger: options.logger ? new PinoTypeOrmLogger(options.logger) : 'simple-console',
    // TypeORM hands `extra` to pg's Pool. A connection's prepared statements keep the plans
    // made when it first ran them; a table planned while nearly empty is scanned whole for as
    // long as the connection lives (for ever where nothing runs ANALYZE, e.g. a Postgres with
    // autovacuum off). Retiring connections after a while plans every statement again from the
    // tables as they are now; the pool opens the replacement when it is next needed.
    extra: {
      maxLifetimeSeconds: options.connectionMaxLifetimeSeconds ?? 300,
      ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
    },
  });
}

/** A stable 64-bit advisory lock key (as a decimal string) for a name. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/**
 * Runs the pending migrations while holding a Postgres advisory lock, so replicas that
 * start together take turns: the first migrates, the others then find nothing to do.
 * The lock lives on a connection of its own and is released however the run ends.
 *
 * @returns the names of the migrations this call ran.
 */
export async function runMigrationsUnderLock(dataSource: DataSource, logger?: DatabaseLogger): Promise<string[]> {
  const key = advisoryLockKey(`grievance:migrations:${dataSource.options.migrationsTableName ?? 'migrations'}`);
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    try {
      const ran: Migration[] = await dataSource.runMigrations({ transaction: 'each' });
      if (ran.length > 0) logger?.info({ migrations: ran.map((m) => m.name) }, `ran ${ran.length} migration(s)`);
      return ran.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
  } finally {
    await lock.release();
  }
}

/**
 * Everything a service does with its database at start: create it when missing,
 * connect, migrate under the advisory lock. The DataSource it returns is initialised.
 */
export async function openServiceDatabase(options: ServiceDataSourceOptions): Promise<DataSource> {
  const created = await ensureDatabase(options.url);
  if (created) options.logger?.info({ database: databaseNameOf(options.url) }, 'created the database');
  const dataSource = createServiceDataSource(options);
  await dataSource.initialize();
  try {
    await runMigrationsUnderLock(dataSource, options.logger);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}

/** TypeORM's log calls, as structured pino lines. */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: DatabaseLogger) {}

  logQuery(query: string): void {
    this.logger.debug({ query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, durationMs: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({}, message);
  }

  logMigration(message: string): void {
    this.logger.info({}, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ detail: message }, 'typeorm warning');
    else this.logger.debug({ detail: message }, 'typeorm');
  }
}
