import { Injectable } from '@nestjs/common';
import { SlaSettingsStore, VersionedCalendar } from '@grievance/sla';

/** The working-day calendars, each at its latest version. */
@Injectable()
export class ListCalendars {
  constructor(private readonly store: SlaSettingsStore) {}

  execute(): Promise<VersionedCalendar[]> {
    return this.store.listCalendars();
  }
}
