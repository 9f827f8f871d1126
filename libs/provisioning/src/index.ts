/**
 * Throwaway infrastructure for tests and benchmarks: databases on the shared Postgres, a
 * private Kafka broker or Redis of one's own, a free port, a topic prefix, and where the
 * shared infrastructure is. No test logic: the test harness (libs/testing) builds on it.
 */
export * from './infrastructure';
export * from './database';
export * from './private-redis';
export * from './private-kafka';
export * from './free-port';
export * from './topic-prefix';
