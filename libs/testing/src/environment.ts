/**
 * Where the integration tier finds its shared infrastructure. Test-only code may read
 * the environment (services never do: they go through `loadConfig`).
 */

/** A superuser connection to the `postgres` maintenance database of the test server. */
export const TEST_POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The shared Redis the integration tier runs against. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The redis-server binary `startPrivateRedis` runs. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';

/** Log level of services booted by tests (silent unless asked, e.g. TEST_LOG_LEVEL=debug). */
export const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
