import {
  catalogueTopicsToCreate,
  KafkaConnection,
  RawMessage,
  readTopic,
  TopicToCreate,
} from '@grievance/messaging';
import { uniqueTopicPrefix } from '@grievance/provisioning';
import { TEST_KAFKA_BROKERS } from './environment';

/**
 * A connection to the test broker under a fresh topic prefix, with the given topics
 * created under it: by default every catalogue topic and its dead-letter topic.
 */
export async function createTestKafka(
  label: string,
  topics: TopicToCreate[] = catalogueTopicsToCreate(),
): Promise<KafkaConnection> {
  const connection = new KafkaConnection({
    brokers: TEST_KAFKA_BROKERS,
    clientId: `test-${label}`,
    topicPrefix: uniqueTopicPrefix(label),
  });
  await connection.ensureTopics(topics);
  return connection;
}

/** Reads a topic from the beginning until `count` messages matching `match` have arrived. */
export async function waitForMessages(
  connection: KafkaConnection,
  topic: string,
  count: number,
  match: (message: RawMessage) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<RawMessage[]> {
  const messages = await readTopic(connection, topic, {
    until: (read) => read.filter(match).length >= count,
    timeoutMs,
  });
  return messages.filter(match);
}

/** Polls until a condition holds (a consumer caught up, a row appeared) or fails with a message. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  accept: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not hold within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
