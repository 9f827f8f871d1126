import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { KafkaConnection } from '@grievance/messaging';
import { Env, loadConfig, ServiceConfig, ServiceModule, startServiceApp } from '@grievance/platform';
import { createTestDatabase, TestDatabase, uniqueTopicPrefix } from './provisioning';
import { TEST_KAFKA_BROKERS, TEST_LOG_LEVEL, TEST_REDIS_URL } from './environment';

/**
 * The environment of a service under test: the shared test Redis and broker, a topic
 * prefix of its own (so suites never see each other's messages), quiet logs,
 * development auth and rate limits out of the way. `DATABASE_URL` comes from the overrides (usually
 * `createTestDatabase().url`); without one, `createServiceApp` makes a throwaway database.
 */
export function testConfigEnv(overrides: Env = {}): Env {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: TEST_LOG_LEVEL,
    REDIS_URL: TEST_REDIS_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('svc'),
    AUTH_MODE: 'development',
    // Suites submit as a handful of callers far faster than any person; the rate-limit
    // tests set their own small limits.
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000',
    RATE_LIMIT_UPLOADS_PER_MINUTE: '1000000',
    RATE_LIMIT_READS_PER_MINUTE: '1000000',
    OPEN311_RATE_LIMIT_READS_PER_MINUTE: '1000000',
    OPEN311_RATE_LIMIT_POSTS_PER_MINUTE: '1000000',
    ...overrides,
  };
}

/**
 * The topic prefixes the service apps of this test file ran under, with their brokers: the
 * file's topics go when it ends (jest/drop-test-topics.ts), not when an app closes, since a
 * test may close an app and start it again on the same topics (a restart, a crash).
 */
const prefixesInUse = new Map<string, string[]>();

/** Deletes the topics of every prefix this file's service apps used (a long-lived local broker would pile them up until it runs out of file handles). */
export async function dropTestTopics(): Promise<void> {
  const used = [...prefixesInUse];
  prefixesInUse.clear();
  for (const [prefix, brokers] of used) {
    const kafka = new KafkaConnection({ brokers, clientId: 'test-cleanup', topicPrefix: prefix });
    try {
      await kafka.deletePrefixedTopics();
    } catch {
      // A broker already gone (a chaos test stopped it) keeps the topics; `npm run infra:up -- --fresh` clears them.
    } finally {
      await kafka.disconnect().catch(() => undefined);
    }
  }
}

export interface TestServiceApp<C extends ServiceConfig = ServiceConfig> {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port>, for supertest: `request(service.url).get('/health')`. */
  url: string;
  port: number;
  config: C;
  /** The throwaway database made because the env named none (dropped by `close`). */
  database?: TestDatabase;
  /** Closes the app (and drops the throwaway database, if any). */
  close(): Promise<void>;
}

/**
 * Boots a service in this process, exactly as `main.ts` does but from the given env
 * only (never `process.env`) and on an ephemeral port of 127.0.0.1.
 *
 *     const service = await createServiceApp(AppModule, testConfigEnv({ DATABASE_URL: db.url }));
 *     await request(service.url).get('/health').expect(200);
 *     await service.close();
 */
export async function createServiceApp<C extends ServiceConfig>(service: ServiceModule<C>, env: Env = testConfigEnv()): Promise<TestServiceApp<C>> {
  const database = env.DATABASE_URL ? undefined : await createTestDatabase(service.configClass.name);
  try {
    const config = loadConfig(service.configClass, database ? { ...env, DATABASE_URL: database.url } : env);
    const app = await startServiceApp(service, config, { host: '127.0.0.1', port: 0 });
    if (env.KAFKA_TOPIC_PREFIX) prefixesInUse.set(env.KAFKA_TOPIC_PREFIX, (env.KAFKA_BROKERS ?? TEST_KAFKA_BROKERS.join(',')).split(','));
    const port = (app.getHttpServer().address() as AddressInfo).port;
    let closed = false;
    return {
      app,
      url: `http://127.0.0.1:${port}`,
      port,
      config,
      database,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await app.close();
        } finally {
          await database?.drop();
        }
      },
    };
  } catch (error) {
    await database?.drop().catch(() => undefined);
    throw error;
  }
}
