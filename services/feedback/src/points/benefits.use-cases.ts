import { Inject, Injectable } from '@nestjs/common';
import { BenefitDecision, BenefitKind, createEnvelope, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { message } from '@grievance/i18n';
import { TransactionalOutbox } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { FeedbackConfig } from '../config';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { GrievanceWrites } from '../grievances/grievance-writes';
import { NOTIFICATION_SENDER, NotificationSender } from '../notifications/notification-sender';
import { BenefitApplication, BenefitsRepository } from './benefits.repository';
import { benefitRefusal } from './points-rules';
import { PointsRepository } from './points.repository';

export interface ApplyForBenefitCommand {
  workerId: string;
  kind: BenefitKind;
  note?: string;
  correlationId: string;
}

export interface DecideBenefitCommand {
  committeeId: string;
  officerId: string;
  applicationId: string;
  decision: BenefitDecision;
  reason: string;
  correlationId: string;
}

/**
 * 五入积分法: a worker whose balance reached BENEFITS_POINTS_THRESHOLD applies for a
 * public-service benefit (入学, 入医, 入职, 入托, 入网). The application goes to the industry
 * committee that owns the worker, as routing last told it (worker.registered.v1); applying
 * spends no points. One pending application per kind.
 */
@Injectable()
export class ApplyForBenefit {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly points: PointsRepository,
    private readonly benefits: BenefitsRepository,
    private readonly config: FeedbackConfig,
    private readonly clock: Clock,
  ) {}

  execute(command: ApplyForBenefitCommand): Promise<BenefitApplication> {
    return this.outbox.run(async (tx) => {
      const m = tx.manager;
      const threshold = this.config.BENEFITS_POINTS_THRESHOLD;
      const balance = await this.points.balanceOf(m, command.workerId);
      const committeeId = await this.benefits.committeeOf(m, command.workerId);
      const refusal = benefitRefusal(balance, threshold, committeeId);
      if (refusal === 'belowThreshold') {
        throw DomainError.unprocessable(
          `a benefit needs ${threshold} points; the balance is ${balance}`,
          { reason: refusal, threshold, balance },
          { key: 'error.benefit.belowThreshold', params: { threshold, balance } },
        );
      }
      if (refusal === 'notRegistered') {
        throw DomainError.unprocessable('no industry committee is known to own this worker: register first (PUT /v1/workers/me)', { reason: refusal }, { key: 'error.benefit.notRegistered' });
      }
      const now = this.clock.now();
      const note = command.note?.trim() || null;
      const application = await this.benefits.insertApplication(m, { id: uuidv7(), workerId: command.workerId, kind: command.kind, note, committeeId: committeeId!, balance }, now);
      if (!application) {
        throw DomainError.conflict(`an application for ${command.kind} is already waiting for its decision`, { reason: 'alreadyPending' }, { key: 'error.benefit.alreadyPending', params: { kind: command.kind } });
      }
      await tx.publish(
        'benefit.applied.v1',
        createEnvelope({
          topic: 'benefit.applied.v1',
          grievanceId: pointsAccountId(command.workerId),
          actor: { id: command.workerId, role: 'worker' },
          correlationId: command.correlationId,
          occurredAt: now,
          payload: { applicationId: application.id, workerId: command.workerId, kind: command.kind, committeeId: application.committeeId, balance, threshold },
        }),
      );
      return application;
    });
  }
}

/**
 * The industry committee that owns the worker approves or refuses their application, with a
 * reason, once; another committee's application reads as missing. The worker is notified in
 * the same transaction (benefit.decided.v1 and their notification).
 */
@Injectable()
export class DecideBenefit {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly benefits: BenefitsRepository,
    private readonly feedback: FeedbackRepository,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
  ) {}

  execute(command: DecideBenefitCommand): Promise<BenefitApplication> {
    return this.outbox.run(async (tx) => {
      const application = await this.benefits.findForCommittee(tx.manager, command.committeeId, command.applicationId);
      if (!application) throw DomainError.notFound('benefit application', command.applicationId);
      if (application.state !== 'pending') {
        throw DomainError.conflict('this application was already decided', { state: application.state }, { key: 'error.benefit.alreadyDecided', params: { state: application.state } });
      }
      const now = this.clock.now();
      const reason = command.reason.trim();
      const decided = await this.benefits.decide(tx.manager, application.id, { state: command.decision, by: command.officerId, reason, at: now });
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
      await tx.publish('benefit.decided.v1', event);
      // Written right before the commit (TransactionalOutbox.run flushes the transaction's batch writers).
      GrievanceWrites.of(tx, this.feedback).notify(
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
