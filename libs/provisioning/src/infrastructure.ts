/**
 * Where the shared infrastructure is: the Postgres server throwaway databases are made on, the
 * Redis and the Kafka broker everyone shares, and the redis-server binary a private Redis runs.
 * Each resolves the environment, then the default (the local infrastructure of `npm run
 * infra:up`). The variables keep the names the jest global setup publishes when it started
 * containers (TEST_INFRA, see README "Tests"), so the tests, the services the end-to-end tier
 * spawns and the benchmarks all read the same addresses. Tooling may read the environment
 * (services never do: they go through `loadConfig`).
 */

/** A superuser connection to the `postgres` maintenance database of the shared server. */
export const SHARED_POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The shared Redis. */
export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The shared broker (KAFKA_BROKERS is still honoured when TEST_KAFKA_BROKERS is unset). */
export const SHARED_KAFKA_BROKERS = (process.env.TEST_KAFKA_BROKERS || process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

/** The redis-server binary `startPrivateRedis` runs. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server';
