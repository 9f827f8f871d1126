/**
 * Kafka, PostgreSQL and Redis in containers, for the test tiers under TEST_INFRA=containers
 * (or auto, when a container runtime answers). Loaded by the jest global setup only on that
 * path: the local path never loads testcontainers.
 *
 * The images are pinned to the versions of the local infrastructure: Kafka 3.9 in KRaft mode
 * (Confluent Platform 7.9.1 ships Apache Kafka 3.9.1), PostgreSQL 15, Redis 7.0. Testcontainers'
 * reaper (Ryuk) removes the containers if the test run dies before the global teardown.
 */
import { KafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer } from '@testcontainers/redis';
import { getContainerRuntimeClient, StartedTestContainer } from 'testcontainers';
import { ContainerAddresses, withTimeout } from './test-infra';

export const CONTAINER_IMAGES = {
  kafka: 'confluentinc/cp-kafka:7.9.1',
  postgres: 'postgres:15.10-alpine',
  redis: 'redis:7.0.15-alpine',
} as const;

/** The Kafka container's listener for clients outside Docker (@testcontainers/kafka's PLAINTEXT port). */
const KAFKA_CLIENT_PORT = 9093;
/** The superuser of the PostgreSQL container (password auth, like a managed server). */
const POSTGRES_USER = 'postgres';
const POSTGRES_PASSWORD = 'postgres';

/** Asks testcontainers' own runtime detection; true when a container runtime answers within `timeoutMs`, otherwise why not. */
export async function probeContainerRuntime(timeoutMs: number): Promise<true | string> {
  try {
    await withTimeout(getContainerRuntimeClient(), timeoutMs, 'the container runtime');
    return true;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface StartedContainers {
  addresses: ContainerAddresses;
  /** Stops and removes the three containers. */
  stop(): Promise<void>;
}

/** Starts the three containers side by side; if one fails, stops the others and throws naming it. */
export async function startContainers(): Promise<StartedContainers> {
  const kafka = new KafkaContainer(CONTAINER_IMAGES.kafka)
    .withKraft()
    // As the local broker (deploy/local/kafka.ts): topics are created explicitly with their
    // partition counts; a mistyped topic name must fail, not create a 1-partition topic.
    .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' })
    .start();
  const postgres = new PostgreSqlContainer(CONTAINER_IMAGES.postgres)
    .withUsername(POSTGRES_USER)
    .withPassword(POSTGRES_PASSWORD)
    .withDatabase('postgres')
    // Throwaway data: no need to survive a crash.
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'])
    .start();
  const redis = new RedisContainer(CONTAINER_IMAGES.redis).start();

  const results = await Promise.allSettled([kafka, postgres, redis]);
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value as StartedTestContainer] : []));
  const stop = async () => {
    await Promise.allSettled(started.map((container) => container.stop()));
  };
  const failures = (['kafka', 'postgres', 'redis'] as const).flatMap((name, i) => {
    const result = results[i]!;
    return result.status === 'rejected' ? [`${name} (${CONTAINER_IMAGES[name]}): ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`] : [];
  });
  if (failures.length) {
    await stop();
    throw new Error(`could not start the test containers:\n${failures.join('\n')}`);
  }
  const [k, p, r] = results.map((result) => (result as PromiseFulfilledResult<StartedTestContainer>).value) as [StartedTestContainer, StartedTestContainer, StartedTestContainer];
  return {
    addresses: {
      kafka: { host: k.getHost(), port: k.getMappedPort(KAFKA_CLIENT_PORT) },
      postgres: { host: p.getHost(), port: p.getMappedPort(5432), user: POSTGRES_USER, password: POSTGRES_PASSWORD },
      redis: { host: r.getHost(), port: r.getMappedPort(6379) },
    },
    stop,
  };
}
