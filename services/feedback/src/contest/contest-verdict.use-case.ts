import { Injectable } from '@nestjs/common';
import { createEnvelope } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { FeedbackConfig } from '../config';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { grievanceCaughtUp } from '../grievances/caught-up';
import { ContestRefusal, contestRefusal, verdictGiver } from './contest-rules';

export interface ContestVerdictCommand {
  grievanceId: string;
  reporterId: string;
  reason: string;
  correlationId: string;
}

export interface ContestVerdictResult {
  grievanceId: string;
  /** Routed again: it waits for another grid worker's check. */
  status: 'routed';
  contestedAt: string;
}

/**
 * The reporter contests the invalid verdict that closed their hazard (申请复核), once, with a
 * reason, within CONTEST_WINDOW_MS of the verdict. The grievance opens again (routed, its close
 * cleared) and grievance.contested.v1 tells grid-dispatch to send another grid worker and
 * routing to wait for that worker's verdict, which stands.
 */
@Injectable()
export class ContestVerdict {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly repository: FeedbackRepository,
    private readonly config: FeedbackConfig,
    private readonly clock: Clock,
  ) {}

  async execute(command: ContestVerdictCommand): Promise<ContestVerdictResult> {
    // The reporter saw the invalid verdict close their report (intake's view); feedback may apply it a moment later.
    await grievanceCaughtUp(
      (id) => this.repository.findGrievance(id),
      command.grievanceId,
      (grievance) => !!grievance && (grievance.reporterId !== command.reporterId || grievance.status === 'closed' || !!grievance.contestedAt),
    );
    return this.unitOfWork.run(async () => {
      const grievance = await this.repository.findGrievance(command.grievanceId, { lock: true });
      // Someone else's grievance reads as missing: its existence is not the caller's business.
      if (!grievance || grievance.reporterId !== command.reporterId) throw DomainError.notFound('grievance', command.grievanceId);
      const now = this.clock.now();
      const refusal = contestRefusal(grievance, now, this.config.CONTEST_WINDOW_MS);
      if (refusal) throw refusalError(refusal);
      const verdictBy = verdictGiver(grievance)!;
      const reason = command.reason.trim();
      await this.repository.updateGrievance(grievance.grievanceId, {
        status: 'routed',
        closeOutcome: null,
        closedAt: null,
        contested: { at: now, reason },
      });
      await this.outbox.publish(
        'grievance.contested.v1',
        createEnvelope({
          topic: 'grievance.contested.v1',
          grievanceId: grievance.grievanceId,
          actor: { id: command.reporterId, role: 'worker' },
          correlationId: command.correlationId,
          occurredAt: now,
          payload: { reporterId: command.reporterId, reason, verdictBy: { type: verdictBy.type, id: verdictBy.id, name: verdictBy.name } },
        }),
      );
      return { grievanceId: grievance.grievanceId, status: 'routed', contestedAt: now.toISOString() };
    });
  }
}

/** The refusal as the caller reads it, in their language. */
function refusalError(refusal: ContestRefusal): DomainError {
  switch (refusal.reason) {
    case 'already-contested':
      return new DomainError('conflict', refusal.message, refusal.details, { key: 'error.contest.alreadyContested' });
    case 'not-contestable':
      return new DomainError('conflict', refusal.message, refusal.details, { key: 'error.contest.notContestable', params: { status: refusal.details.status } });
    case 'window-passed':
      return new DomainError('unprocessable', refusal.message, refusal.details, { key: 'error.contest.windowPassed', params: { contestBy: refusal.details.contestBy } });
  }
}
