import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { EventEnvelope, isDomainError, SlaPolicyChangedV1 } from '@grievance/contracts';
import { OutboxTransaction, PermanentEventError } from '@grievance/messaging';
import { SlaEngine, SlaSettingsStore } from '@grievance/sla';

/**
 * An admin changed an SLA policy or calendar (routing owns the admin API and publishes
 * sla.policy-changed.v1): this service's own copy follows, so tickets dispatched from now
 * on get the new budgets; running deadlines keep theirs. A replayed or older change is a no-op.
 */
@Injectable()
export class ApplySlaPolicyChange {
  constructor(
    private readonly sla: SlaEngine,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('sla-settings');
  }

  async execute(event: EventEnvelope<SlaPolicyChangedV1>, tx: OutboxTransaction): Promise<boolean> {
    const store = this.sla.settings;
    // Settings given to the engine from elsewhere (a fixed set) are not ours to change.
    if (!(store instanceof SlaSettingsStore)) return false;
    const { payload } = event;
    try {
      const applied = await store.applyReplicated(tx, {
        kind: payload.kind,
        id: payload.id,
        action: payload.action,
        version: payload.version,
        after: payload.after ?? null,
        actor: event.actor.id,
        reason: payload.reason ?? null,
      });
      this.logger.info({ kind: payload.kind, id: payload.id, version: payload.version, applied }, applied ? 'SLA settings change applied' : 'SLA settings change already known');
      return applied;
    } catch (error) {
      // A change this store cannot hold will not become valid by retrying: park it.
      if (isDomainError(error) && error.code === 'invalid') throw new PermanentEventError(error.message);
      throw error;
    }
  }
}
