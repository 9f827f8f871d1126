import { Injectable } from '@nestjs/common';
import { ConsumedEvent, EventMeta, HandlesEvent } from '@grievance/platform';
import { StaffNotifiedTopic, STAFF_NOTIFIED_TOPICS } from './staff-messages';
import { NotifyHolder } from './notify-holder.use-case';

/** Its own group (its own inbox and offsets): staff notices never wait for, nor hold up, the reporters' ones. */
export const STAFF_NOTIFICATIONS_CONSUMER_GROUP = 'feedback-staff-notifications';

/** The events that mean new work or a deadline for a holder, each turned into that holder's notification. */
@Injectable()
export class StaffNotificationsConsumer {
  constructor(private readonly notifyHolder: NotifyHolder) {}

  @HandlesEvent(...STAFF_NOTIFIED_TOPICS)
  async notify(event: ConsumedEvent<StaffNotifiedTopic>, _tx: unknown, { topic }: EventMeta<StaffNotifiedTopic>): Promise<void> {
    await this.notifyHolder.execute({ topic, event });
  }
}
