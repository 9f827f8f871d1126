import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { isDomainError, SlaPolicyChangedV1 } from '@grievance/contracts';
import { PermanentEventError, UnitOfWork } from '@grievance/messaging';
import { SlaEngine, SlaSettingsStore } from '@grievance/sla';

export interface ApplySlaPolicyChangeCommand {
  change: SlaPolicyChangedV1;
  /** Who made the change (an admin), kept in the settings' history. */
  actorId: string;
}

/**
 * An admin changed an SLA policy or calendar (routing owns the admin API and publishes
 * sla.policy-changed.v1): this service's own copy follows, so tickets dispatched from now
 * on get the new budgets; running deadlines keep theirs. A replayed or older change is a no-op.
 */
@Injectable()
export class ApplySlaPolicyChange {
  constructor(
    private readonly sla: SlaEngine,
    private readonly unitOfWork: UnitOfWork,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('sla-settings');
  }

  async execute({ change, actorId }: ApplySlaPolicyChangeCommand): Promise<boolean> {
    const store = this.sla.settings;
    // Settings given to the engine from elsewhere (a fixed set) are not ours to change.
    if (!(store instanceof SlaSettingsStore)) return false;
    try {
      const applied = await this.unitOfWork.run(() =>
        store.applyReplicated(this.unitOfWork.transaction(), {
          kind: change.kind,
          id: change.id,
          action: change.action,
          version: change.version,
          after: change.after ?? null,
          actor: actorId,
          reason: change.reason ?? null,
        }),
      );
      this.logger.info({ kind: change.kind, id: change.id, version: change.version, applied }, applied ? 'SLA settings change applied' : 'SLA settings change already known');
      return applied;
    } catch (error) {
      // A change this store cannot hold will not become valid by retrying: park it.
      if (isDomainError(error) && error.code === 'invalid') throw new PermanentEventError(error.message);
      throw error;
    }
  }
}
