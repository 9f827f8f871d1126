import { Injectable } from '@nestjs/common';
import { ConsumedEvent, EventMeta, HandlesEvent, SkippedEvent, skipped } from '@grievance/platform';
import { RecordDeadline } from './record-deadline.use-case';
import { TrackEvent } from './track-event.use-case';
import { TRACKED_TOPICS, TrackedTopic } from './tracking-rules';

/** The intake consumer group: every grievance and ticket event intake tracks. */
export const INTAKE_CONSUMER_GROUP = 'intake';

/** Every grievance and ticket event feeds the reporter's tracking view. */
@Injectable()
export class TrackingConsumer {
  constructor(
    private readonly tracking: TrackEvent,
    private readonly deadlines: RecordDeadline,
  ) {}

  @HandlesEvent(...TRACKED_TOPICS)
  async track(event: ConsumedEvent<TrackedTopic>, _tx: unknown, { topic }: EventMeta<TrackedTopic>): Promise<void | SkippedEvent> {
    const outcome = await this.tracking.execute(topic, event);
    if (outcome === 'unknown') return skipped('a grievance intake does not hold');
  }

  /** A deadline starting names the holder's deadline (for Open311's expected_datetime); it adds no line to the reporter's history. */
  @HandlesEvent('sla.started.v1')
  async started(event: ConsumedEvent<'sla.started.v1'>): Promise<void | SkippedEvent> {
    const outcome = await this.deadlines.execute('sla.started.v1', event);
    if (outcome === 'unknown') return skipped('a grievance intake does not hold');
  }

  /** An SLA warning names the holder's deadline (moved by the time paused); it adds no line to the reporter's history. */
  @HandlesEvent('sla.warned.v1')
  async warned(event: ConsumedEvent<'sla.warned.v1'>): Promise<void | SkippedEvent> {
    const outcome = await this.deadlines.execute('sla.warned.v1', event);
    if (outcome === 'unknown') return skipped('a grievance intake does not hold');
  }
}
