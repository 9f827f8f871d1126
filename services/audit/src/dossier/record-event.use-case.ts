import { Injectable } from '@nestjs/common';
import { CatalogueTopic, EventEnvelope, pointsAccountId } from '@grievance/contracts';
import { DossierRepository } from './dossier.repository';

export interface RecordEventCommand {
  topic: CatalogueTopic;
  event: EventEnvelope;
}

/**
 * Appends a consumed event to its chain, with the other events of the consumer's transaction,
 * right before it commits; the grievance index follows the dossier in the same statement
 * (under the grievance's lock). A worker's points account is a chain of its own but no
 * grievance: it stays out of the index.
 */
@Injectable()
export class RecordEvent {
  constructor(private readonly dossier: DossierRepository) {}

  execute({ topic, event }: RecordEventCommand): void {
    this.dossier.appendInBatch(topic, event, !isPointsAccountEvent(event));
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
