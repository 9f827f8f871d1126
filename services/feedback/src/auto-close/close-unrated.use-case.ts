import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { createEnvelope, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { FiredDeadline, SlaHandlers } from '@grievance/sla';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { RatingWindows, resolutionOf } from './rating-window';

export type CloseUnratedOutcome = 'closed' | 'no-longer-due';

/**
 * A resolved grievance nobody rated in time closes by itself, in the transaction of the
 * window's breach (the unit of work the firing joins). The firing re-reads the grievance: if it was rated, reopened, resolved
 * again or closed meanwhile, nothing happens to it.
 */
@Injectable()
export class CloseUnrated {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly repository: FeedbackRepository,
    private readonly windows: RatingWindows,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('auto-close');
  }

  async execute(fired: FiredDeadline): Promise<CloseUnratedOutcome | undefined> {
    const { deadline } = fired;
    const resolutionNo = resolutionOf(deadline);
    if (resolutionNo === undefined) return undefined;
    const grievance = await this.repository.findGrievance(deadline.grievanceId, { lock: true });
    if (!grievance || grievance.status !== 'resolved' || grievance.resolutionNo !== resolutionNo) {
      await this.windows.cancel(deadline.id);
      this.logger.info({ grievanceId: deadline.grievanceId, resolutionNo, outcome: 'no-longer-due' }, 'auto-close fired');
      return 'no-longer-due';
    }
    const now = fired.firedAt;
    await this.repository.updateGrievance(grievance.grievanceId, { status: 'closed', closeOutcome: 'resolved', closedAt: now });
    await this.outbox.publish(
      'grievance.closed.v1',
      createEnvelope({
        topic: 'grievance.closed.v1',
        grievanceId: grievance.grievanceId,
        actor: SYSTEM_ACTOR,
        correlationId: uuidv7(),
        occurredAt: now,
        payload: { outcome: 'resolved', slaMet: await this.repository.slaMet(grievance.grievanceId) },
      }),
    );
    await this.windows.end(grievance.grievanceId, resolutionNo);
    this.logger.info({ grievanceId: grievance.grievanceId, resolutionNo, outcome: 'closed' }, 'auto-close fired');
    return 'closed';
  }
}

/**
 * The engine's handlers, resolved when an alarm fires: the use case needs the engine (through
 * the rating windows), so it cannot be built before the engine is.
 */
export function feedbackSlaHandlers(moduleRef: ModuleRef): SlaHandlers {
  return {
    onBreached: async (fired, tx) => {
      await moduleRef.get(UnitOfWork, { strict: false }).join(tx, () => moduleRef.get(CloseUnrated, { strict: false }).execute(fired));
    },
  };
}
