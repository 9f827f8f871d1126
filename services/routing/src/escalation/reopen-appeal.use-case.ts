import { Injectable } from '@nestjs/common';
import { EventEnvelope, FeedbackRatedV1 } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { ROUTING_ACTOR } from '../grievances/grievance-events';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves, MoveCause } from './chain-moves';
import { appealRung, TOP_LEVEL } from './chain-rules';
import { DEFAULT_LANGUAGE, t } from '@grievance/i18n';


/**
 * feedback.rated.v1, unsatisfied, on a resolved appeal → it reopens at the next rung up (an
 * appeal), not at the rung that failed the reporter. At the 两新工委 it reopens there, under
 * supervision (督办).
 */
@Injectable()
export class ReopenAppeal {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
  ) {}

  async execute(event: EventEnvelope<FeedbackRatedV1>, tx: OutboxTransaction): Promise<'applied' | 'skipped'> {
    if (event.payload.rating !== 'unsatisfied') return 'skipped';
    const grievance = await this.grievances.findForUpdate(event.grievanceId);
    if (!grievance || !grievance.level || grievance.status !== 'resolved') return 'skipped'; // a hazard, or already reopened
    const failed = grievance.level;
    const to = appealRung(grievance.chain, failed);
    const reason = event.payload.comment?.trim() || t(DEFAULT_LANGUAGE, 'reason.reporterUnsatisfied');
    const cause: MoveCause = { actor: ROUTING_ACTOR, correlationId: event.correlationId, causationId: event.eventId };
    const holder = await this.moves.arriveAt(tx, grievance, to, cause);
    await this.moves.publish(tx, grievance, cause, 'grievance.reopened.v1', { reason: t(DEFAULT_LANGUAGE, 'chain.reopened', { to, reason }).slice(0, 2000), reopenedTo: holder, level: to });
    if (failed === TOP_LEVEL) await this.moves.supervise(tx, grievance, 'reporter_unsatisfied', t(DEFAULT_LANGUAGE, 'chain.supervisedUnsatisfied', { reason }).slice(0, 2000), cause);
    return 'applied';
  }
}
