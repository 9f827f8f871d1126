import { Injectable } from '@nestjs/common';
import { createEnvelope, Holder, Level, PayloadOf, SupervisionCause } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { SlaDeadline, SlaEngine } from '@grievance/sla';
import type { MoveCause } from '../escalation/chain-moves';
import { GrievanceEntity } from '../grievances/grievance.entity';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { FOLLOW_UP_TARGET, SUPERVISION_STAGE, SUPERVISION_SUBJECT } from './supervision-rules';

/** How a grievance comes under supervision: who is supervised, by whom, and why. */
export interface BeginSupervision {
  /** Who held the grievance and is supervised (the 两新工委 rung, the department). */
  holder: Holder;
  level?: Level;
  /** The supervising unit that owns the supervision and its follow-up deadline. */
  supervisor: Holder;
  cause: SupervisionCause;
  reason: string;
  districtId?: string;
  /** The round it starts: 1 (default), or the next one when a grievance supervised before came back. */
  round?: number;
}

/**
 * Supervision (督办) with an owner and a follow-up deadline: the grievance comes under the
 * supervising unit's supervision (round 1), whose follow-up clock (SLA stage `supervision`)
 * starts; a missed follow-up supervises it again (the next round) with a fresh clock. Each
 * round is one grievance.supervised.v1. Everything runs in the caller's transaction.
 */
@Injectable()
export class SupervisionMoves {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly sla: SlaEngine,
  ) {}

  /** Whether the grievance's follow-up deadline is open (a round runs). */
  async followUpOpen(tx: OutboxTransaction, grievanceId: string): Promise<boolean> {
    return (await this.sla.openFor(grievanceId, tx)).some((d) => d.subject === SUPERVISION_SUBJECT);
  }

  /** Round 1 (or `input.round`): the grievance is under the supervisor's supervision, whose follow-up deadline starts. */
  async begin(tx: OutboxTransaction, grievance: GrievanceEntity, input: BeginSupervision, cause: MoveCause): Promise<SlaDeadline> {
    const round = input.round ?? 1;
    grievance.underSupervision = true;
    grievance.supervisionRound = round;
    grievance.supervisor = input.supervisor;
    await this.grievances.save(grievance);
    const deadline = await this.sla.start(tx, {
      grievanceId: grievance.grievanceId,
      subject: SUPERVISION_SUBJECT,
      target: FOLLOW_UP_TARGET,
      holder: input.supervisor,
      grievance: { kind: grievance.kind, category: grievance.category, urgency: grievance.urgency, stage: SUPERVISION_STAGE },
      correlationId: cause.correlationId,
      causationId: cause.causationId,
    });
    await this.publish(tx, grievance, cause, {
      holder: input.holder,
      ...(input.level ? { level: input.level } : {}),
      cause: input.cause,
      reason: input.reason,
      supervisor: input.supervisor,
      round,
      ...dueOf(deadline),
      ...(input.districtId ? { districtId: input.districtId } : {}),
    });
    return deadline;
  }

  /** The supervisor missed its follow-up deadline (`missed`): supervised again in `round`, with a fresh deadline. */
  async followUp(tx: OutboxTransaction, grievance: GrievanceEntity, missed: SlaDeadline, round: number, reason: string, cause: MoveCause): Promise<SlaDeadline> {
    const supervisor = grievance.supervisor ?? missed.holder;
    grievance.supervisionRound = round;
    grievance.supervisor = supervisor;
    await this.grievances.save(grievance);
    const next = await this.sla.carryOver(tx, missed.id, { holder: supervisor, budget: 'fresh', stage: SUPERVISION_STAGE, correlationId: cause.correlationId, causationId: cause.causationId });
    const holder = grievance.owner ?? grievance.holder;
    await this.publish(tx, grievance, cause, {
      holder,
      ...(grievance.level ? { level: grievance.level } : {}),
      cause: 'follow_up_missed',
      reason,
      supervisor,
      round,
      ...dueOf(next),
      ...(grievance.kind === 'hazard' && grievance.districtId ? { districtId: grievance.districtId } : {}),
    });
    return next;
  }

  private async publish(tx: OutboxTransaction, grievance: GrievanceEntity, cause: MoveCause, payload: PayloadOf<'grievance.supervised.v1'>): Promise<void> {
    const topic = 'grievance.supervised.v1';
    await tx.publish(topic, createEnvelope({ topic, grievanceId: grievance.grievanceId, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.causationId, payload }));
  }
}

const dueOf = (d: SlaDeadline): { followUpDueAt?: string } => (d.dueAt ? { followUpDueAt: d.dueAt.toISOString() } : {});
