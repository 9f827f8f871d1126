import { Injectable } from '@nestjs/common';
import type { OutboxTransaction } from '@grievance/messaging';
import { ConsumedEvent, EventMeta, HandlesEvent } from '@grievance/platform';
import { NOTIFIED_TOPICS, NotifiedTopic } from '../notifications/messages';
import { BenefitsRepository } from '../points/benefits.repository';
import { GrievanceEvents } from './grievance-events';

export const FEEDBACK_CONSUMER_GROUP = 'feedback';

/**
 * What the feedback consumer group applies, through GrievanceEvents in the inbox transaction:
 * every grievance and ticket event a reporter is told about, the SLA breaches a grievance's
 * close reports, and workers' registrations (which industry committee owns them, for their
 * benefit applications).
 */
@Injectable()
export class FeedbackConsumer {
  constructor(
    private readonly events: GrievanceEvents,
    private readonly benefits: BenefitsRepository,
  ) {}

  @HandlesEvent(...NOTIFIED_TOPICS)
  async notified(event: ConsumedEvent<NotifiedTopic>, tx: OutboxTransaction, { topic }: EventMeta<NotifiedTopic>): Promise<void> {
    await this.events.apply(topic, event, tx);
  }

  @HandlesEvent('sla.breached.v1')
  async breached(event: ConsumedEvent<'sla.breached.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.events.breached(event, tx);
  }

  @HandlesEvent('worker.registered.v1')
  async registered(event: ConsumedEvent<'worker.registered.v1'>, tx: OutboxTransaction): Promise<void> {
    const p = event.payload;
    await this.benefits.saveRegistration(tx.manager, {
      workerId: p.workerId,
      occupation: p.occupation,
      branchId: p.effectiveBranchId ?? p.branchId ?? null,
      committeeId: p.committeeId ?? null,
      registeredAt: new Date(event.occurredAt),
      eventId: event.eventId,
    });
  }
}
