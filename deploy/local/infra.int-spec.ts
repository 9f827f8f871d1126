import { Client } from 'pg';
import { Redis } from 'ioredis';
import { CATALOGUE_TOPICS, deadLetterTopic, TOPICS } from '@grievance/contracts';
import { KafkaConnection } from '@grievance/messaging';
import { TEST_KAFKA_BROKERS, TEST_POSTGRES_ADMIN_URL, TEST_REDIS_URL } from '@grievance/testing';
import { ensureDatabase, infraStatus, infraUp, postgresServerOf, SERVICE_DATABASES } from './infra';
import { ourBrokerPid } from './kafka';

// The jest global setup (libs/testing/src/jest/global-setup.ts) has provisioned the tier's
// infrastructure with this code: infraUp() on the local one, infraPrepare() on containers
// (TEST_INFRA). These checks run against whichever the tier uses.
describe('the infrastructure deploy/local provisions', () => {
  const kafka = new KafkaConnection({ brokers: TEST_KAFKA_BROKERS, clientId: 'infra-int-spec' });

  afterAll(() => kafka.disconnect());

  // At least: a broker provisioned from an older catalogue keeps its topics' extra partitions
  // (partitions cannot be taken away), which changes nothing but their cost at rest.
  it('has every catalogue topic and its .dlq, with at least the catalogue partition count', async () => {
    const admin = kafka.kafka.admin();
    await admin.connect();
    try {
      const wanted = CATALOGUE_TOPICS.flatMap((t) => [t, deadLetterTopic(t)]);
      const { topics } = await admin.fetchTopicMetadata({ topics: wanted });
      expect(topics.map((t) => t.name).sort()).toEqual([...wanted].sort());
      const catalogue = new Map(CATALOGUE_TOPICS.flatMap((t) => [[t, TOPICS[t].partitions] as const, [deadLetterTopic(t), TOPICS[t].partitions] as const]));
      for (const topic of topics) {
        expect({ topic: topic.name, enough: topic.partitions.length >= catalogue.get(topic.name)! }).toEqual({ topic: topic.name, enough: true });
      }
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

  it('has the service databases, and ensureDatabase is idempotent', async () => {
    const client = new Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [[...SERVICE_DATABASES]]);
      expect(rows.map((r) => r.datname).sort()).toEqual([...SERVICE_DATABASES].sort());
    } finally {
      await client.end();
    }
    expect(await ensureDatabase(SERVICE_DATABASES[0], postgresServerOf(TEST_POSTGRES_ADMIN_URL))).toBe(false);
  });

  it('answers PING on Redis', async () => {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});

describe('npm run infra:up (deploy/local)', () => {
  // Under TEST_INFRA=local the global setup has run it already; under containers this brings the local infrastructure up first.
  beforeAll(() => infraUp({ quiet: true }), 300_000);

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
});

