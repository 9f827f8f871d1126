import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { deadlineAfter, type DeadlineTopic } from './deadline-rules';
import { TrackingRepository } from './tracking.repository';
import { TrackingWrites } from './tracking-writes';

/**
 * Keeps the current holder's deadline of a grievance from one event (what Open311 answers as
 * expected_datetime): set by a dispatch's accept-by, a deadline starting or an SLA warning, cleared by
 * any other move; an event older than the one that last spoke changes nothing.
 */
@Injectable()
export class RecordDeadline {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: TrackingRepository,
  ) {}

  async execute<T extends DeadlineTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Promise<'applied' | 'unknown'> {
    const after = deadlineAfter(topic, event);
    if (!after) return 'applied';
    // Written with the other events of the transaction, right before it commits (see TrackingWrites).
    const writes = TrackingWrites.of(this.unitOfWork.transaction(), this.repository);
    if (!(await writes.current(event.grievanceId))) return 'unknown';
    writes.recordDeadline(event.grievanceId, after.dueAt, new Date(event.occurredAt), event.eventId);
    return 'applied';
  }
}
