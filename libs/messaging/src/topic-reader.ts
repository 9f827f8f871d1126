import { uuidv7 } from '@grievance/contracts';
import { KafkaConnection } from './kafka-connection';
import { decodeHeaders } from './wire';

export interface RawMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface ReadTopicOptions {
  /** Stop as soon as this holds for what has been read so far. */
  until: (messages: RawMessage[]) => boolean;
  timeoutMs?: number;
}

/**
 * Reads a topic from its beginning, the way a department's system or an operator would
 * with any Kafka client, until a condition holds. Uses a throwaway consumer group and
 * commits nothing. For tools and tests; services consume through EventConsumer.
 */
export async function readTopic(connection: KafkaConnection, topic: string, options: ReadTopicOptions): Promise<RawMessage[]> {
  const consumer = connection.kafka.consumer({ groupId: `reader-${uuidv7()}`, allowAutoTopicCreation: false });
  const messages: RawMessage[] = [];
  const timeoutMs = options.timeoutMs ?? 20_000;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: connection.topic(topic), fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`readTopic(${topic}): condition not met within ${timeoutMs} ms; read ${messages.length} message(s)`)),
        timeoutMs,
      );
      const check = () => {
        if (options.until(messages)) {
          clearTimeout(timer);
          resolve();
        }
      };
      check();
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic: physical, partition, message }) => {
            messages.push({
              topic: connection.logicalTopic(physical),
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: decodeHeaders(message.headers as Record<string, unknown>),
            });
            check();
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error as Error);
        });
    });
    return messages;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
