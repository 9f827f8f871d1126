import { Inject, Injectable } from '@nestjs/common';
import { BenefitDecision, createEnvelope, pointsAccountId } from '@grievance/contracts';
import { message } from '@grievance/i18n';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { GrievanceWrites } from '../grievances/grievance-writes';
import { NOTIFICATION_SENDER, NotificationSender } from '../notifications/notification-sender';
import { BenefitApplication, BenefitsRepository } from './benefits.repository';

export interface DecideBenefitCommand {
  committeeId: string;
  officerId: string;
  applicationId: string;
  decision: BenefitDecision;
  reason: string;
  correlationId: string;
}

/**
 * The industry committee that owns the worker approves or refuses their application, with a
 * reason, once; another committee's application reads as missing. The worker is notified in
 * the same transaction (benefit.decided.v1 and their notification).
 */
@Injectable()
export class DecideBenefit {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly benefits: BenefitsRepository,
    private readonly feedback: FeedbackRepository,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
  ) {}

  execute(command: DecideBenefitCommand): Promise<BenefitApplication> {
    return this.unitOfWork.run(async () => {
      const application = await this.benefits.findForCommittee(command.committeeId, command.applicationId);
      if (!application) throw DomainError.notFound('benefit application', command.applicationId);
      if (application.state !== 'pending') {
        throw DomainError.conflict('this application was already decided', { state: application.state }, { key: 'error.benefit.alreadyDecided', params: { state: application.state } });
      }
      const now = this.clock.now();
      const reason = command.reason.trim();
      const decided = await this.benefits.decide(application.id, { state: command.decision, by: command.officerId, reason, at: now });
      const event = createEnvelope({
        topic: 'benefit.decided.v1',
        grievanceId: pointsAccountId(application.workerId),
        actor: { id: command.officerId, role: 'industry_committee' },
        correlationId: command.correlationId,
        occurredAt: now,
        payload: {
          applicationId: application.id,
          workerId: application.workerId,
          kind: application.kind,
          committeeId: application.committeeId,
          decision: command.decision,
          reason,
          decidedBy: command.officerId,
        },
      });
      await this.outbox.publish('benefit.decided.v1', event);
      // Written right before the commit (the unit of work flushes its transaction's batch writers).
      GrievanceWrites.of(this.unitOfWork.transaction(), this.feedback).notify(
        [
          {
            recipientId: application.workerId,
            grievanceId: event.grievanceId,
            eventId: event.eventId,
            eventType: event.type,
            message:
              command.decision === 'approved'
                ? message('notification.benefit.approved', { kind: application.kind, reason })
                : message('notification.benefit.refused', { kind: application.kind, reason }),
          },
        ],
        this.sender.enabled ? 'pending' : 'off',
      );
      return decided;
    });
  }
}
