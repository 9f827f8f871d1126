import { Pool } from 'pg';

/**
 * A small pool of connections beside the service's own (TypeORM's), for work that must not
 * wait behind the service's queries: the health probe, intake's tracking serials. Named in
 * pg_stat_activity as `<applicationName>`. A connection that breaks while idle is dropped by
 * the pool; the next query opens another.
 */
export function openSidePool(options: { url: string; applicationName: string; max: number; connectTimeoutMs: number }): Pool {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 60_000,
    application_name: options.applicationName,
  });
  pool.on('error', () => undefined);
  return pool;
}
