import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OutboxTransaction } from '@grievance/messaging';
import { FiredDeadline, SlaHandlers } from '@grievance/sla';
import { ROUTING_ACTOR } from '../matters/matter-events';
import { WORKED_STATUSES } from '../matters/matter.entity';
import { MatterRepository } from '../matters/matter.repository';
import { ChainMoves, MoveCause } from './chain-moves';
import { TOP_LEVEL } from './chain-rules';
import { DEFAULT_LANGUAGE, formatDateTime, t } from '@grievance/i18n';

/**
 * The SLA check of the chain: a rung that misses its deadline cannot sit on the matter. A
 * breach passes it up to the next rung that has someone; at the 两新工委 it puts the matter
 * under supervision (督办). Runs inside the firing transaction, so the breach and its
 * consequence commit together; a breach that no longer matches the matter changes nothing.
 */
@Injectable()
export class EscalateOnBreach implements SlaHandlers {
  // Resolved lazily: the moves need the SLA engine, whose options hold these handlers.
  constructor(private readonly moduleRef: ModuleRef) {}

  async onBreached(fired: FiredDeadline, tx: OutboxTransaction): Promise<void> {
    const { deadline } = fired;
    if (deadline.subject !== 'grievance' || !deadline.level) return; // a department's or another subject's deadline: the breach event is the record
    const matters = this.moduleRef.get(MatterRepository, { strict: false });
    const matter = await matters.findForUpdate(tx.manager, deadline.grievanceId);
    if (!matter || !matter.level || !WORKED_STATUSES.includes(matter.status)) return;
    // Only the rung that owns the matter now can be passed over.
    if (matter.level !== deadline.level || matter.owner?.id !== deadline.holder.id) return;
    const moves = this.moduleRef.get(ChainMoves, { strict: false });
    const cause: MoveCause = { actor: ROUTING_ACTOR, correlationId: deadline.correlationId, causationId: fired.event.eventId };
    // Written for the rungs and the reporter, in the city's language.
    const missed = t(DEFAULT_LANGUAGE, 'chain.deadlineMissed', { holder: deadline.holder.name, target: deadline.target, due: formatDateTime(deadline.dueAt ?? fired.firedAt) });
    if (matter.level === TOP_LEVEL) {
      await moves.supervise(tx, matter, 'deadline_missed', missed, cause);
      return;
    }
    await moves.escalate(tx, matter, 'deadline_missed', missed, cause);
  }
}
