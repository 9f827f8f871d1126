/**
 * The throwaway infrastructure tests use, from @grievance/provisioning (its one home, which the
 * benchmarks use too), under the names the tests have always used.
 */
export {
  createThrowawayDatabase as createTestDatabase,
  databaseExists as testDatabaseExists,
  dropDatabase as dropTestDatabase,
  freePort,
  queryDatabase,
  REDIS_SERVER_BIN,
  startPrivateKafka,
  startPrivateRedis,
  uniqueTopicPrefix,
  unusedDatabaseName as unusedTestDatabaseName,
} from '@grievance/provisioning';
export type { PrivateKafka, PrivateKafkaOptions, PrivateRedis, ThrowawayDatabase as TestDatabase } from '@grievance/provisioning';
