import { AssignerProtocol } from 'kafkajs';
import type { KafkaConnection } from './kafka-connection';

/**
 * Which consumer groups of this connection's prefix read which topics, as the broker
 * sees them now (from the members' subscriptions): logical topic → group ids (unprefixed).
 * For operators and tests that must reach every consumer, e.g. to check each one's DLQ.
 */
export async function consumerSubscriptions(connection: KafkaConnection): Promise<Map<string, Set<string>>> {
  const prefix = connection.topicPrefix;
  const admin = connection.kafka.admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix));
    const subscriptions = new Map<string, Set<string>>();
    if (groups.length === 0) return subscriptions;
    for (const group of (await admin.describeGroups(groups)).groups) {
      for (const member of group.members) {
        const metadata = AssignerProtocol.MemberMetadata.decode(member.memberMetadata);
        for (const topic of metadata?.topics ?? []) {
          const logical = connection.logicalTopic(topic);
          if (!subscriptions.has(logical)) subscriptions.set(logical, new Set());
          subscriptions.get(logical)!.add(group.groupId.slice(prefix.length));
        }
      }
    }
    return subscriptions;
  } finally {
    await admin.disconnect();
  }
}

/** The number of partitions of each topic (logical names). */
export async function partitionCounts(connection: KafkaConnection, topics: readonly string[]): Promise<Map<string, number>> {
  const admin = connection.kafka.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => connection.topic(t)) });
    return new Map(metadata.topics.map((t) => [connection.logicalTopic(t.name), t.partitions.length]));
  } finally {
    await admin.disconnect();
  }
}
