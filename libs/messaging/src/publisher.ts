import { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import { Producer } from 'kafkajs';
import { KafkaConnection } from './kafka-connection';
import { toWireMessage } from './wire';

/**
 * Publishes events straight to Kafka. A topic cannot be paired with the wrong payload:
 * `publish('ticket.verified.v1', envelopeOfAGrievanceSubmitted)` does not compile.
 *
 * Services do not call this for state changes: they write through the outbox
 * (TransactionalOutbox), whose relay is the one that publishes. This is for the relay,
 * tools and tests.
 */
export class EventPublisher {
  private producer?: Producer;
  private connecting?: Promise<void>;

  constructor(private readonly connection: KafkaConnection) {}

  async publish<T extends TopicName>(topic: T, envelope: EventEnvelope<PayloadOf<T>>): Promise<void> {
    const producer = await this.connected();
    const message = toWireMessage(envelope as EventEnvelope);
    await producer.send({ topic: this.connection.topic(topic), acks: -1, messages: [message] });
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.connecting = undefined;
    if (producer) await producer.disconnect();
  }

  private async connected(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.connection.createProducer();
      this.connecting = this.producer.connect().catch((error: unknown) => {
        this.producer = undefined;
        this.connecting = undefined;
        throw error;
      });
    }
    const producer = this.producer;
    await this.connecting;
    return producer;
  }
}
