import { Client } from 'pg';
import { DEFAULT_PARTITIONS, CATALOGUE_TOPICS, deadLetterTopic } from '@grievance/contracts';
import { KafkaConnection } from '@grievance/messaging';
import { ensureDatabase, infraStatus, infraUp, KAFKA_BROKERS, postgresConfig, SERVICE_DATABASES } from './infra';
import { ourBrokerPid } from './kafka';
import { redisAccepts } from './redis';

// The jest global setup (libs/testing/src/jest/global-setup.ts) has already run infraUp().
describe('local infrastructure (deploy/local)', () => {
  const kafka = new KafkaConnection({ brokers: KAFKA_BROKERS, clientId: 'infra-int-spec' });

  afterAll(() => kafka.disconnect());

  it('has every catalogue topic and its .dlq, with the catalogue partition count', async () => {
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const wanted = CATALOGUE_TOPICS.flatMap((t) => [t, deadLetterTopic(t)]);
      const { topics } = await admin.fetchTopicMetadata({ topics: wanted });
      expect(topics.map((t) => t.name).sort()).toEqual([...wanted].sort());
      for (const topic of topics) expect({ topic: topic.name, partitions: topic.partitions.length }).toEqual({ topic: topic.name, partitions: DEFAULT_PARTITIONS });
    } finally {
      await admin.disconnect();
    }
  });

  it('creates the directory topic compacted: it holds the latest state of every directory entry', async () => {
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({ resources: [{ type: 2, name: 'directory.entry-changed.v1', configNames: ['cleanup.policy'] }], includeSynonyms: false });
      expect(resources[0]!.configEntries.map((e) => e.configValue)).toEqual(['compact']);
    } finally {
      await admin.disconnect();
    }
  });

  it('does not create topics on first use (auto.create.topics.enable=false)', async () => {
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const name = `infra-int-spec.not-created.${Date.now()}`;
      await expect(admin.fetchTopicMetadata({ topics: [name] })).rejects.toThrow(/does not host this topic-partition|UNKNOWN_TOPIC_OR_PARTITION/i);
      expect(await admin.listTopics()).not.toContain(name);
    } finally {
      await admin.disconnect();
    }
  });

  it('reuses what runs when called again: same broker pid, nothing started', async () => {
    const before = ourBrokerPid();
    const result = await infraUp({ quiet: true, fresh: false });
    expect(result.kafka.status).not.toBe('started');
    expect(result.postgres.status).toBe('reused');
    expect(result.redis.status).toBe('reused');
    expect(result.kafka.topicsCreated).toEqual([]);
    if (before !== undefined) expect(result.kafka.pid).toBe(before);
    expect((await infraStatus()).up).toBe(true);
  });

  it('has the service databases, and ensureDatabase is idempotent', async () => {
    const client = new Client(postgresConfig());
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [[...SERVICE_DATABASES]]);
      expect(rows.map((r) => r.datname).sort()).toEqual([...SERVICE_DATABASES].sort());
    } finally {
      await client.end();
    }
    expect(await ensureDatabase(SERVICE_DATABASES[0])).toBe(false);
  });

  it('answers PING on Redis', async () => {
    expect(await redisAccepts()).toBe(true);
  });
});
