import { Injectable } from '@nestjs/common';
import { SlaSettingsStore, VersionedPolicy } from '@grievance/sla';

/** The SLA policies, each at its latest version (retired ones too). */
@Injectable()
export class ListPolicies {
  constructor(private readonly store: SlaSettingsStore) {}

  execute(): Promise<VersionedPolicy[]> {
    return this.store.listPolicies();
  }
}
