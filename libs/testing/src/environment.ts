/**
 * Where the integration and end-to-end tiers find their shared infrastructure: the addresses
 * are resolved once, in @grievance/provisioning (the environment the jest global setup sets
 * when it started containers, TEST_INFRA, see README "Tests"; otherwise the local
 * infrastructure of `npm run infra:up`), and named here as the tests know them. Test-only
 * code may read the environment (services never do: they go through `loadConfig`).
 */
import { SHARED_KAFKA_BROKERS, SHARED_POSTGRES_ADMIN_URL, SHARED_REDIS_URL } from '@grievance/provisioning';

/** A superuser connection to the `postgres` maintenance database of the test server. */
export const TEST_POSTGRES_ADMIN_URL = SHARED_POSTGRES_ADMIN_URL;

/** The shared Redis the tests run against. */
export const TEST_REDIS_URL = SHARED_REDIS_URL;

/** The broker the tests run against (KAFKA_BROKERS is still honoured when TEST_KAFKA_BROKERS is unset). */
export const TEST_KAFKA_BROKERS = SHARED_KAFKA_BROKERS;

/** Log level of services booted by tests (silent unless asked, e.g. TEST_LOG_LEVEL=debug). */
export const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
