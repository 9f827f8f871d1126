import { Injectable } from '@nestjs/common';
import { CATALOGUE_TOPICS, CatalogueTopic } from '@grievance/contracts';
import type { OutboxTransaction } from '@grievance/messaging';
import { ConsumedEvent, EventMeta, HandlesEvent } from '@grievance/platform';
import { RecordEvent } from './record-event.use-case';

export const AUDIT_CONSUMER_GROUP = 'audit';

/**
 * Every topic of the catalogue, derived from it so a topic added there is recorded without
 * a change here. Department topics carry the same grievances as grievance.assigned.v1 and are
 * not needed for the dossier.
 */
export const AUDITED_TOPICS: readonly CatalogueTopic[] = CATALOGUE_TOPICS;

/**
 * The audit consumer group: each event is recorded in its chain in the inbox transaction (a
 * consumed group of events at once), so a redelivered event is stored once. It only reads: it
 * publishes nothing, and no other service depends on it.
 */
@Injectable()
export class DossierConsumer {
  constructor(private readonly recordEvent: RecordEvent) {}

  @HandlesEvent(...AUDITED_TOPICS)
  async record(event: ConsumedEvent<CatalogueTopic>, _tx: OutboxTransaction, { topic }: EventMeta<CatalogueTopic>): Promise<void> {
    this.recordEvent.execute({ topic, event });
  }
}
