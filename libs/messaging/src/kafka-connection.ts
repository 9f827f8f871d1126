import { Admin, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { CATALOGUE_TOPICS, deadLetterTopic, DEPARTMENT_TOPIC_SPEC, departmentIssuesTopic, TOPICS } from '@grievance/contracts';
import { MessagingObservers } from './observer';

export interface KafkaSettings {
  /** e.g. ['127.0.0.1:9092'] */
  brokers: string[];
  clientId: string;
  /**
   * Prepended to every topic name. Empty in production; tests give each suite its own
   * prefix so that suites sharing one broker never see each other's messages.
   */
  topicPrefix?: string;
  /** How long a connection attempt may take before it counts as a failure. */
  connectionTimeoutMs?: number;
}

export interface MessagingLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;
export const silentLogger: MessagingLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/**
 * The one place that holds a kafkajs client. Everything that talks to Kafka goes
 * through here, so kafkajs (in maintenance mode) can be swapped without touching services.
 */
export class KafkaConnection {
  readonly kafka: Kafka;
  readonly topicPrefix: string;
  /** Who hears what this connection's consumers and relay do (the service's metrics). */
  readonly observers = new MessagingObservers();
  private admin?: Admin;
  private adminConnected?: Promise<void>;

  constructor(
    readonly settings: KafkaSettings,
    private readonly logger: MessagingLogger = silentLogger,
  ) {
    this.topicPrefix = settings.topicPrefix ?? '';
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      connectionTimeout: settings.connectionTimeoutMs ?? 3000,
      requestTimeout: 10_000,
      // Our own retry loops decide how long to keep trying; kafkajs smooths blips such as
      // "not the leader" right after a topic is created on a busy broker (~8 s in all).
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 3000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.log(entry),
    });
  }

  /** The physical topic name for a logical one. */
  topic(name: string): string {
    return this.topicPrefix + name;
  }

  /** The logical topic name of a physical one. */
  logicalTopic(physical: string): string {
    return this.topicPrefix && physical.startsWith(this.topicPrefix) ? physical.slice(this.topicPrefix.length) : physical;
  }

  /** An idempotent producer: the broker drops the duplicates its own retries would make. */
  createProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // kafkajs 2's default (Java-compatible murmur2), named so that it does not warn at every start.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** Resolves when the broker answers a metadata request in time; throws otherwise. */
  async ping(timeoutMs = 2000): Promise<void> {
    const admin = await this.connectedAdmin();
    await withTimeout(admin.describeCluster(), timeoutMs, 'kafka did not answer');
  }

  /**
   * Creates the topics that do not exist yet, with their partition counts. Returns the
   * names created. Tries again a few times: while other clients create or delete topics,
   * the broker may answer the leader check of a topic it has just created with "does not
   * host this topic-partition", and a later attempt finds the topic there.
   */
  async ensureTopics(topics: TopicToCreate[], attempts = 4): Promise<string[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.createMissingTopics(topics);
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  private async createMissingTopics(topics: TopicToCreate[]): Promise<string[]> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics
      .map((t) => ({ ...t, topic: this.topic(t.topic) }))
      .filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.partitions,
        replicationFactor: t.replicationFactor ?? -1,
        ...(t.configEntries ? { configEntries: t.configEntries } : {}),
      })),
    });
    return missing.map((t) => t.topic);
  }

  /**
   * Deletes every topic under this connection's prefix (tests clean up after themselves
   * so a long-lived local broker does not pile up their topics). Refuses without a prefix.
   */
  async deletePrefixedTopics(): Promise<void> {
    if (!this.topicPrefix) throw new Error('refusing to delete topics: this connection has no topic prefix');
    const admin = await this.connectedAdmin();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(this.topicPrefix));
    if (topics.length) await admin.deleteTopics({ topics });
  }

  /**
   * How far a consumer group is behind on each partition of its topics, as the broker sees
   * it: the end of the partition minus the group's committed offset (the whole partition
   * when the group has committed nothing yet).
   */
  async consumerLag(groupId: string, topics: readonly string[], timeoutMs = 3000): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const read = async (): Promise<PartitionLag[]> => {
      const committed = await admin.fetchOffsets({ groupId: this.topic(groupId), topics: topics.map((t) => this.topic(t)) });
      const lags: PartitionLag[] = [];
      for (const { topic, partitions } of committed) {
        const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
        for (const { partition, offset } of partitions) {
          const end = ends.get(partition);
          if (!end) continue;
          const from = Number(offset) >= 0 ? Number(offset) : Number(end.low);
          lags.push({ topic: this.logicalTopic(topic), partition, lag: Math.max(0, Number(end.high) - from) });
        }
      }
      return lags;
    };
    return withTimeout(read(), timeoutMs, `kafka did not report the lag of ${groupId}`);
  }

  async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.adminConnected = undefined;
    if (admin) await admin.disconnect().catch(() => undefined);
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin({ retry: { retries: 0 } });
      this.adminConnected = this.admin.connect().catch((error: unknown) => {
        this.admin = undefined;
        this.adminConnected = undefined;
        throw error;
      });
    }
    const admin = this.admin;
    await this.adminConnected;
    return admin;
  }

  private log(entry: LogEntry): void {
    const { message, ...rest } = entry.log;
    if (entry.level === logLevel.WARN && message === LIMITED_RETRIES_WARNING) return;
    const fields = { kafka: entry.namespace, ...rest };
    if (entry.level <= logLevel.ERROR) this.logger.error(fields, message);
    else if (entry.level === logLevel.WARN) this.logger.warn(fields, message);
    else this.logger.debug(fields, message);
  }
}

/**
 * kafkajs warns at every producer start that bounded retries "may invalidate EoS guarantees".
 * They are bounded on purpose (the outbox relay keeps the rows and retries with its own
 * backoff), and a message sent twice is applied once by the consumers' inbox.
 */
const LIMITED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

export interface PartitionLag {
  /** Logical name. */
  topic: string;
  partition: number;
  /** Messages not yet committed by the group. */
  lag: number;
}

export interface TopicToCreate {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  /** Topic settings, e.g. `cleanup.policy=compact` for a topic of current state. */
  configEntries?: { name: string; value: string }[];
}

/** Every catalogue topic and its dead-letter topic. Department topics are created as departments are added. */
export function catalogueTopicsToCreate(): TopicToCreate[] {
  return CATALOGUE_TOPICS.flatMap((name) => {
    const { partitions, cleanupPolicy } = TOPICS[name] as { partitions: number; cleanupPolicy?: string };
    return [
      { topic: name, partitions, ...(cleanupPolicy ? { configEntries: [{ name: 'cleanup.policy', value: cleanupPolicy }] } : {}) },
      { topic: deadLetterTopic(name), partitions },
    ];
  });
}

/** Each department's own topic (`department.<code>.issues.v1`), with the partitions the catalogue gives department topics. */
export function departmentTopicsToCreate(codes: readonly string[]): TopicToCreate[] {
  return codes.map((code) => ({ topic: departmentIssuesTopic(code), partitions: DEPARTMENT_TOPIC_SPEC.partitions }));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
