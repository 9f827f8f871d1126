import { Injectable } from '@nestjs/common';
import type { OutboxTransaction } from '@grievance/messaging';
import { ConsumedEvent, EventMeta, HandlesEvent } from '@grievance/platform';
import { NOTIFIED_TOPICS, NotifiedTopic } from '../notifications/messages';
import { GrievanceEvents } from './grievance-events';

export const FEEDBACK_CONSUMER_GROUP = 'feedback';

/**
 * What the feedback consumer group applies, through GrievanceEvents in the inbox transaction:
 * every grievance and ticket event a reporter is told about and the SLA breaches a grievance's
 * close reports (workers' registrations, in the same group, are the points context's:
 * WorkerRegistrationsConsumer).
 */
@Injectable()
export class FeedbackConsumer {
  constructor(private readonly events: GrievanceEvents) {}

  @HandlesEvent(...NOTIFIED_TOPICS)
  async notified(event: ConsumedEvent<NotifiedTopic>, tx: OutboxTransaction, { topic }: EventMeta<NotifiedTopic>): Promise<void> {
    await this.events.apply(topic, event, tx);
  }

  @HandlesEvent('sla.breached.v1')
  async breached(event: ConsumedEvent<'sla.breached.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.events.breached(event, tx);
  }
}
