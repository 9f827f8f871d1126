import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { SlaSettingsStore } from '@grievance/sla';
import { RetirePolicyDto } from './sla-settings.dto';

/** Retires a policy: deadlines started after it no longer follow it. */
@Injectable()
export class RetirePolicy {
  constructor(
    private readonly store: SlaSettingsStore,
    private readonly outbox: TransactionalOutbox,
  ) {}

  execute(principal: Principal, id: string, dto: RetirePolicyDto): Promise<void> {
    return this.outbox.run((tx) => this.store.retirePolicy(tx, id, { actor: principal.sub, reason: dto.reason, expectedVersion: dto.expectedVersion }));
  }
}
