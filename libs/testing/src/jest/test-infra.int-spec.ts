import { CATALOGUE_TOPICS, deadLetterTopic } from '@grievance/contracts';
import { KafkaConnection } from '@grievance/messaging';
import { PrivateKafka, PrivateRedis, startPrivateKafka, startPrivateRedis } from '@grievance/provisioning';
import { containersUp, resolveTestInfra, stopContainers, TestInfraState } from './global-setup';

// testcontainers' own runtime detection against an address where nothing answers: the jest
// global setup forced into containers fails at once with one line, and auto falls back to local.
describe('TEST_INFRA where no container runtime answers', () => {
  const saved = process.env.DOCKER_HOST;

  beforeAll(() => {
    // testcontainers reads DOCKER_HOST from process.env (once per module registry: this file's).
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
  });

  afterAll(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('containers: fails within seconds with one line saying no container runtime answered', async () => {
    const started = Date.now();
    const error = await resolveTestInfra({ ...process.env, TEST_INFRA: 'containers' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^TEST_INFRA=containers: no container runtime answered \(.+\); start a Docker engine or run with TEST_INFRA=local$/);
    expect((error as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('auto: picks the local infrastructure', async () => {
    await expect(resolveTestInfra({ ...process.env, TEST_INFRA: 'auto' })).resolves.toBe('local');
  });

  it('local: picks the local infrastructure without asking', async () => {
    await expect(resolveTestInfra({ ...process.env, TEST_INFRA: 'local' })).resolves.toBe('local');
  });
});

// No container runtime here: a fresh private broker and Redis stand in for the containers, to
// check what the global setup does once they are up (the containers themselves are
// testcontainers' modules, started by containers.ts).
describe('the containers branch of the global setup, once the containers are up', () => {
  let kafka: PrivateKafka;
  let redis: PrivateRedis;
  const saved = { ...process.env };

  beforeAll(async () => {
    [kafka, redis] = await Promise.all([startPrivateKafka({ label: 'containers-branch' }), startPrivateRedis()]);
  }, 120_000);

  afterAll(async () => {
    for (const key of ['TEST_KAFKA_BROKERS', 'TEST_POSTGRES_ADMIN_URL', 'TEST_REDIS_URL']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await Promise.all([kafka?.dispose(), redis?.stop()]);
  });

  it('creates the catalogue topics on the broker it was given, publishes the addresses to the tests, and the teardown stops the containers', async () => {
    const state: TestInfraState = {};
    const stop = jest.fn(async () => undefined);
    const env = await containersUp(state, async () => ({
      addresses: {
        kafka: { host: '127.0.0.1', port: kafka.port },
        postgres: { host: '127.0.0.1', port: 5432, user: 'postgres' },
        redis: { host: '127.0.0.1', port: redis.port },
      },
      stop,
    }));

    expect(env).toEqual({
      TEST_KAFKA_BROKERS: `127.0.0.1:${kafka.port}`,
      TEST_POSTGRES_ADMIN_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      TEST_REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
    expect(process.env).toMatchObject(env);

    const connection = new KafkaConnection({ brokers: kafka.brokers, clientId: 'containers-branch' });
    const admin = connection.kafka.admin();
    try {
      await admin.connect();
      expect(await admin.listTopics()).toEqual(expect.arrayContaining(CATALOGUE_TOPICS.flatMap((t) => [t, deadLetterTopic(t)])));
    } finally {
      await admin.disconnect();
      await connection.disconnect();
    }

    await stopContainers(state);
    expect(stop).toHaveBeenCalledTimes(1);
    await stopContainers(state);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('stops the containers and fails naming the step when preparing them fails', async () => {
    const state: TestInfraState = {};
    const stop = jest.fn(async () => undefined);
    const failed = containersUp(state, async () => ({
      addresses: {
        kafka: { host: '127.0.0.1', port: kafka.port },
        // Nothing listens on port 1: the service databases cannot be created.
        postgres: { host: '127.0.0.1', port: 1, user: 'postgres' },
        redis: { host: '127.0.0.1', port: redis.port },
      },
      stop,
    }));
    await expect(failed).rejects.toThrow(/deploy\/local\/cli\.ts prepare failed[\s\S]*postgres failed/);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(state.containers).toBeUndefined();
  });
});
