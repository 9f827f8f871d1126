import { Injectable } from '@nestjs/common';
import { BenefitKind, createEnvelope, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { FeedbackConfig } from '../config';
import { BenefitApplication, BenefitsRepository } from './benefits.repository';
import { benefitRefusal } from './points-rules';
import { PointsRepository } from './points.repository';

export interface ApplyForBenefitCommand {
  workerId: string;
  kind: BenefitKind;
  note?: string;
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
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly points: PointsRepository,
    private readonly benefits: BenefitsRepository,
    private readonly config: FeedbackConfig,
    private readonly clock: Clock,
  ) {}

  execute(command: ApplyForBenefitCommand): Promise<BenefitApplication> {
    return this.unitOfWork.run(async () => {
      const threshold = this.config.BENEFITS_POINTS_THRESHOLD;
      const balance = await this.points.balanceOf(command.workerId);
      const committeeId = await this.benefits.committeeOf(command.workerId);
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
      const application = await this.benefits.insertApplication({ id: uuidv7(), workerId: command.workerId, kind: command.kind, note, committeeId: committeeId!, balance }, now);
      if (!application) {
        throw DomainError.conflict(`an application for ${command.kind} is already waiting for its decision`, { reason: 'alreadyPending' }, { key: 'error.benefit.alreadyPending', params: { kind: command.kind } });
      }
      await this.outbox.publish(
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
