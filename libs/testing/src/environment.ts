/**
 * Where the integration and end-to-end tiers find their shared infrastructure: every test-side
 * reader of an address reads it here. Each resolves the environment, then the default (the
 * local infrastructure of `npm run infra:up`). The jest global setup sets the TEST_* variables
 * when it started containers (TEST_INFRA, see README "Tests"); jest workers and the services the
 * end-to-end tier spawns inherit them. Test-only code may read the environment (services never
 * do: they go through `loadConfig`).
 */

/** A superuser connection to the `postgres` maintenance database of the test server. */
export const TEST_POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The shared Redis the tests run against. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The broker the tests run against (KAFKA_BROKERS is still honoured when TEST_KAFKA_BROKERS is unset). */
export const TEST_KAFKA_BROKERS = (process.env.TEST_KAFKA_BROKERS || process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

/** The redis-server binary `startPrivateRedis` runs. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';

/** Log level of services booted by tests (silent unless asked, e.g. TEST_LOG_LEVEL=debug). */
export const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
