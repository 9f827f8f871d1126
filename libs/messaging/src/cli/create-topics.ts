import { catalogueTopicsToCreate, KafkaConnection } from '../kafka-connection';

/**
 * Creates every catalogue topic and its dead-letter topic with its partition count,
 * leaving existing ones alone. Used by `docker compose` (the kafka-topics job) and by
 * operators: `KAFKA_BROKERS=host:9092 node libs/messaging/dist/cli/create-topics.js`.
 */
async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const connection = new KafkaConnection({ brokers, clientId: 'create-topics', connectionTimeoutMs: 10_000 });
  try {
    const created = await connection.ensureTopics(catalogueTopicsToCreate());
    console.log(created.length ? `created ${created.length} topics: ${created.join(', ')}` : 'all topics exist');
  } finally {
    await connection.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`could not create topics: ${(error as Error).message}`);
  process.exit(1);
});
