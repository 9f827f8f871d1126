import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import type { OutboxTransaction } from '@grievance/messaging';
import { deadlineAfter, type DeadlineTopic } from './deadline-rules';
import { DeadlinesRepository } from './deadlines.repository';

/**
 * Keeps the current holder's deadline of a matter from one event (what Open311 answers as
 * expected_datetime): set by a dispatch's accept-by, a deadline starting or an SLA warning, cleared by
 * any other move; an event older than the one that last spoke changes nothing.
 */
@Injectable()
export class RecordDeadline {
  constructor(private readonly repository: DeadlinesRepository) {}

  async execute<T extends DeadlineTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>, tx: OutboxTransaction): Promise<'applied' | 'unknown'> {
    const after = deadlineAfter(topic, event);
    if (!after) return 'applied';
    const held = await this.repository.record(tx.manager, event.grievanceId, after.dueAt, new Date(event.occurredAt), event.eventId);
    return held ? 'applied' : 'unknown';
  }
}
