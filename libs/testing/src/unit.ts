/**
 * The part of the harness for unit tests: no database, broker or Nest behind it (the event
 * fixtures load @grievance/contracts, as the code under test does). Import it as
 * `@grievance/testing/unit`; the package index also loads the infrastructure helpers (pg,
 * kafkajs, typeorm, ioredis, bullmq: seconds per test file).
 */
export * from './strict-mock';
export * from './fixtures/events';
