import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { SlaPolicy, SlaSettingsStore, VersionedPolicy } from '@grievance/sla';
import { PutPolicyDto } from './sla-settings.dto';

/** Creates or replaces a policy; deadlines already running keep the budget they started with. */
@Injectable()
export class PutPolicy {
  constructor(
    private readonly store: SlaSettingsStore,
    private readonly outbox: TransactionalOutbox,
  ) {}

  execute(principal: Principal, id: string, dto: PutPolicyDto): Promise<VersionedPolicy> {
    const { reason, expectedVersion, ...body } = dto;
    return this.outbox.run((tx) => this.store.putPolicy(tx, { ...body, id } as SlaPolicy, { actor: principal.sub, reason, expectedVersion }));
  }
}
