import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { CalendarSpec, SlaSettingsStore, VersionedCalendar } from '@grievance/sla';
import { PutCalendarDto } from './sla-settings.dto';

/** Creates or replaces a calendar (next year's holidays, make-up days). */
@Injectable()
export class PutCalendar {
  constructor(
    private readonly store: SlaSettingsStore,
    private readonly outbox: TransactionalOutbox,
  ) {}

  execute(principal: Principal, id: string, dto: PutCalendarDto): Promise<VersionedCalendar> {
    const { reason, expectedVersion, ...body } = dto;
    return this.outbox.run((tx) => this.store.putCalendar(tx, { ...body, id } as CalendarSpec, { actor: principal.sub, reason, expectedVersion }));
  }
}
