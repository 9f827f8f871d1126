import { Injectable } from '@nestjs/common';
import { ConsumedEvent, HandlesEvent } from '@grievance/platform';
import { RecordWorkerRegistration } from './record-worker-registration.use-case';

/** Workers' registrations, in the feedback consumer group: which industry committee owns them, for their benefit applications. */
@Injectable()
export class WorkerRegistrationsConsumer {
  constructor(private readonly recordRegistration: RecordWorkerRegistration) {}

  @HandlesEvent('worker.registered.v1')
  async registered(event: ConsumedEvent<'worker.registered.v1'>): Promise<void> {
    const p = event.payload;
    await this.recordRegistration.execute({
      workerId: p.workerId,
      occupation: p.occupation,
      branchId: p.effectiveBranchId ?? p.branchId ?? null,
      committeeId: p.committeeId ?? null,
      registeredAt: new Date(event.occurredAt),
      eventId: event.eventId,
    });
  }
}
