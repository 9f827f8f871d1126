import { Injectable } from '@nestjs/common';
import { CATALOGUE_TOPICS, CatalogueTopic, EventEnvelope, pointsAccountId } from '@grievance/contracts';
import type { OutboxTransaction } from '@grievance/messaging';
import { ConsumedEvent, EventMeta, HandlesEvent } from '@grievance/platform';
import { DossierRepository } from './dossier.repository';

export const AUDIT_CONSUMER_GROUP = 'audit';

/**
 * Every topic of the catalogue, derived from it so a topic added there is recorded without
 * a change here. Department topics carry the same grievances as grievance.assigned.v1 and are
 * not needed for the dossier.
 */
export const AUDITED_TOPICS: readonly CatalogueTopic[] = CATALOGUE_TOPICS;

/**
 * The audit consumer group: appends each event to its grievance's chain in the inbox
 * transaction (a consumed group of events at once), so a redelivered event is stored once. It only reads: it publishes nothing,
 * and no other service depends on it.
 */
@Injectable()
export class DossierConsumer {
  constructor(private readonly dossier: DossierRepository) {}

  @HandlesEvent(...AUDITED_TOPICS)
  async record(event: ConsumedEvent<CatalogueTopic>, tx: OutboxTransaction, { topic }: EventMeta<CatalogueTopic>): Promise<void> {
    // Appended with the other events of the transaction, right before it commits; the grievance
    // index follows the dossier in the same statement (under the grievance's lock). A worker's
    // points account is a chain of its own but no grievance: it stays out of the index.
    this.dossier.appendInBatch(tx, topic, event, !isPointsAccountEvent(event));
  }
}

/**
 * A worker's fact that belongs to no grievance (volunteering points, a redemption, a hand-over,
 * a registration, a benefit application and its decision): it travels with the worker's
 * account id, whose chain (GET /v1/trace/:accountId) holds every such fact of the worker in order.
 */
export function isPointsAccountEvent(event: Pick<EventEnvelope, 'grievanceId' | 'payload'>): boolean {
  const workerId = (event.payload as { workerId?: unknown } | null)?.workerId;
  return typeof workerId === 'string' && event.grievanceId === pointsAccountId(workerId);
}
