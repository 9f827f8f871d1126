import { Injectable } from '@nestjs/common';
import { SettingsChange, SlaSettingsStore } from '@grievance/sla';

/** Every change of the settings, newest first: who, when, why, before and after. */
@Injectable()
export class ListSettingsHistory {
  constructor(private readonly store: SlaSettingsStore) {}

  execute(filter: { kind?: 'policy' | 'calendar'; id?: string; limit?: number }): Promise<SettingsChange[]> {
    return this.store.history(filter);
  }
}
