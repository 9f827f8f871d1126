import type { KafkaSettings } from '@grievance/messaging';
import type { ServiceConfig } from '../config/service-config';

/** The messaging settings a service's config describes. */
export function kafkaSettingsFrom(config: ServiceConfig): KafkaSettings {
  return {
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? config.SERVICE_NAME,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  };
}
