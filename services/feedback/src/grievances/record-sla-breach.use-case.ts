import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import type { ConsumedEvent } from '@grievance/platform';
import { FeedbackRepository } from './feedback.repository';
import { GrievanceWrites } from './grievance-writes';

/**
 * A deadline of the grievance broke (any service's: a grid worker's accept, a rung's or a
 * department's): remembered, so its close says the SLA was not met. Not a notification:
 * the escalation or re-dispatch it causes is.
 */
@Injectable()
export class RecordSlaBreach {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: FeedbackRepository,
  ) {}

  execute(event: ConsumedEvent<'sla.breached.v1'>): Promise<void> {
    return this.unitOfWork.run(async () => {
      const p = event.payload;
      // Written with the other events of the transaction, right before it commits (see GrievanceWrites).
      GrievanceWrites.of(this.unitOfWork.transaction(), this.repository).recordBreach({
        grievanceId: event.grievanceId,
        deadlineId: p.deadlineId,
        target: p.target,
        holder: p.holder,
        firedAt: new Date(p.firedAt),
        eventId: event.eventId,
      });
    });
  }
}
