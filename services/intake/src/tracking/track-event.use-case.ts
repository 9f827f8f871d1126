import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { RecordDeadline } from './record-deadline.use-case';
import { TrackingWrites } from './tracking-writes';
import { TrackingRepository } from './tracking.repository';
import { GrievancesRepository } from '../grievances/grievances.repository';
import { correctedCategoryOf, historyLine, linkOf, resolutionOf, trackedStateAfter, TrackedTopic } from './tracking-rules';

/**
 * Keeps a reporter's tracking view current from one event: the grievance's state after it
 * (by the contracts' reducer, so order and redelivery do not grievance), the link of a
 * duplicate, the category an on-site check corrected, the resolutions (with the department's fix photos), and one history line per event. Events of grievances intake does not hold are skipped.
 */
@Injectable()
export class TrackEvent {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: TrackingRepository,
    private readonly grievances: GrievancesRepository,
    /** The holder's deadline, which the same events move (Open311's expected_datetime). */
    private readonly deadlines: RecordDeadline,
  ) {}

  async execute<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): Promise<'applied' | 'unknown'> {
    // Written with the other events of the transaction, right before it commits (see TrackingWrites).
    const writes = TrackingWrites.of(this.unitOfWork.transaction(), this.repository);
    const current = await writes.current(event.grievanceId);
    if (!current) return 'unknown';
    const at = new Date(event.occurredAt);
    // A category the grid worker corrected on site is the grievance's category from then on.
    const category = correctedCategoryOf(topic, event) ?? current.category;
    writes.saveTracking({ ...current, ...trackedStateAfter(current, topic, event), category });
    const link = linkOf(topic, event);
    if (link) {
      const original = await this.grievances.findById(link.duplicateOf);
      if (original && original.reporterId !== link.reporterId) {
        await this.grievances.addCoReporter(original.id, link.reporterId, event.grievanceId, at);
      }
    }
    const resolution = resolutionOf(topic, event);
    if (resolution) writes.recordResolution(event.grievanceId, event.eventId, resolution);
    writes.appendHistory(event.grievanceId, event.eventId, {
      at: event.occurredAt,
      type: event.type,
      actor: event.actor,
      summary: historyLine(topic, event),
    });
    await this.deadlines.execute(topic, event);
    return 'applied';
  }
}
