import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import type { OutboxTransaction } from '@grievance/messaging';
import { GrievancesRepository } from '../grievances/grievances.repository';
import { applyEffect, effectOf, TrackedTopic } from './tracking-rules';

/**
 * Keeps a reporter's tracking view current from one event: its effect on status, holder,
 * level, supervision and links (by the tracking rules, so order and redelivery do not
 * matter), and one history line per event. Events of matters intake does not hold are skipped.
 */
@Injectable()
export class TrackEventUseCase {
  constructor(private readonly repository: GrievancesRepository) {}

  async execute<T extends TrackedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>, tx: OutboxTransaction): Promise<'applied' | 'unknown'> {
    const m = tx.manager;
    const current = await this.repository.findById(event.grievanceId, m, true);
    if (!current) return 'unknown';
    const at = new Date(event.occurredAt);
    const effect = effectOf(topic, event);
    const next = applyEffect(current, effect, at);
    await this.repository.saveTracking(m, { ...current, ...next });
    if (effect.coReporter) {
      const original = await this.repository.findById(effect.coReporter.grievanceId, m);
      if (original && original.reporterId !== effect.coReporter.reporterId) {
        await this.repository.addCoReporter(m, original.id, effect.coReporter.reporterId, event.grievanceId, at);
      }
    }
    await this.repository.appendHistory(m, event.grievanceId, event.eventId, {
      at: event.occurredAt,
      type: event.type,
      actor: event.actor,
      summary: effect.summary,
    });
    return 'applied';
  }
}
