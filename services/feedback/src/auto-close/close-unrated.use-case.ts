import { Injectable } from '@nestjs/common';
import { createEnvelope, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { FeedbackRepository } from '../matters/feedback.repository';
import { AutoCloseJob } from './auto-close.scheduler';

/** The resolution the job was armed for is not committed yet: the job is retried. */
export class ResolutionNotYetStoredError extends Error {
  override readonly name = 'ResolutionNotYetStoredError';
}

export type CloseUnratedOutcome = 'closed' | 'no-longer-due';

/**
 * A resolved matter nobody rated in time closes by itself. The firing re-reads the
 * matter: if it was rated, reopened, resolved again or closed meanwhile, nothing happens.
 */
@Injectable()
export class CloseUnrated {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly repository: FeedbackRepository,
  ) {}

  async execute(job: AutoCloseJob): Promise<CloseUnratedOutcome> {
    return this.outbox.run(async (tx) => {
      const matter = await this.repository.findMatter(tx.manager, job.grievanceId, { lock: true });
      if (!matter || matter.resolutionNo < job.resolutionNo) {
        throw new ResolutionNotYetStoredError(`resolution ${job.resolutionNo} of ${job.grievanceId} is not stored yet`);
      }
      if (matter.status !== 'resolved' || matter.resolutionNo !== job.resolutionNo) return 'no-longer-due';
      const now = new Date();
      await this.repository.updateMatter(tx.manager, matter.grievanceId, { status: 'closed', closeOutcome: 'resolved', closedAt: now });
      await tx.publish(
        'grievance.closed.v1',
        createEnvelope({
          topic: 'grievance.closed.v1',
          grievanceId: matter.grievanceId,
          actor: SYSTEM_ACTOR,
          correlationId: uuidv7(),
          occurredAt: now,
          payload: { outcome: 'resolved', slaMet: await this.repository.slaMet(tx.manager, matter.grievanceId) },
        }),
      );
      return 'closed';
    });
  }
}
