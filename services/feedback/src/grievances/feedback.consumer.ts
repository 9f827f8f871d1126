import { Injectable } from '@nestjs/common';
import { ConsumedEvent, EventMeta, HandlesEvent } from '@grievance/platform';
import { NOTIFIED_TOPICS, NotifiedTopic } from '../notifications/messages';
import { ApplyGrievanceEvent } from './apply-grievance-event.use-case';
import { notifiedEvent } from './notified-event';
import { RecordSlaBreach } from './record-sla-breach.use-case';

export const FEEDBACK_CONSUMER_GROUP = 'feedback';

/**
 * What the feedback consumer group applies, in the inbox transaction:
 * every grievance and ticket event a reporter is told about and the SLA breaches a grievance's
 * close reports (workers' registrations, in the same group, are the points context's:
 * WorkerRegistrationsConsumer).
 */
@Injectable()
export class FeedbackConsumer {
  constructor(
    private readonly applyGrievanceEvent: ApplyGrievanceEvent,
    private readonly recordSlaBreach: RecordSlaBreach,
  ) {}

  @HandlesEvent(...NOTIFIED_TOPICS)
  async notified(event: ConsumedEvent<NotifiedTopic>, _tx: unknown, { topic }: EventMeta<NotifiedTopic>): Promise<void> {
    await this.applyGrievanceEvent.execute(notifiedEvent(topic, event));
  }

  @HandlesEvent('sla.breached.v1')
  async breached(event: ConsumedEvent<'sla.breached.v1'>): Promise<void> {
    await this.recordSlaBreach.execute(event);
  }
}
