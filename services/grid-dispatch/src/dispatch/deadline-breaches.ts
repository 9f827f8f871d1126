import { ModuleRef } from '@nestjs/core';
import { UnitOfWork } from '@grievance/messaging';
import { SlaHandlers } from '@grievance/sla';
import { RedispatchOnLapse } from './redispatch-on-lapse.use-case';

/**
 * The SLA engine's handlers (an entry point, like a consumer's): a breach becomes a command,
 * run in the firing transaction the engine hands over. Resolved when an alarm fires: the use
 * case needs the engine (through the ticket deadlines), so it cannot be built before the engine is.
 */
export function gridDispatchSlaHandlers(moduleRef: ModuleRef): SlaHandlers {
  return {
    onBreached: ({ deadline, event }, tx) =>
      moduleRef.get(UnitOfWork, { strict: false }).join(tx, () =>
        moduleRef
          .get(RedispatchOnLapse, { strict: false })
          .execute({ subject: deadline.subject, target: deadline.target, lapsedBy: deadline.holder.id, causationId: event.eventId }),
      ),
  };
}
