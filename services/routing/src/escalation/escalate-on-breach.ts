import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OutboxTransaction } from '@grievance/messaging';
import { FiredDeadline, SlaHandlers } from '@grievance/sla';
import { RoutingConfig } from '../config';
import { DirectoryRepository } from '../directory/directory.repository';
import { departmentHolder, ROUTING_ACTOR } from '../grievances/grievance-events';
import { GrievanceEntity, WORKED_STATUSES } from '../grievances/grievance.entity';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { SupervisionMoves } from '../supervision/supervision-moves';
import { SUPERVISION_SUBJECT, supervisionStep } from '../supervision/supervision-rules';
import { ChainMoves, MoveCause } from './chain-moves';
import { TOP_LEVEL } from './chain-rules';
import { DEFAULT_LANGUAGE, formatDateTime, t } from '@grievance/i18n';

/**
 * The SLA check of the chain: a rung that misses its deadline cannot sit on the grievance. A
 * breach passes it up to the next rung that has someone; at the 两新工委 it puts the grievance
 * under supervision (督办). A department that misses its deadline on a hazard is supervised by
 * its district's supervising office; a supervising unit that misses its follow-up deadline is
 * supervised again, up to SUPERVISION_MAX_ROUNDS. Runs inside the firing transaction, so the
 * breach and its consequence commit together; a breach that no longer matches the grievance
 * changes nothing.
 */
@Injectable()
export class EscalateOnBreach implements SlaHandlers {
  private readonly logger = new Logger('EscalateOnBreach');

  // Resolved lazily: the moves need the SLA engine, whose options hold these handlers.
  constructor(private readonly moduleRef: ModuleRef) {}

  async onBreached(fired: FiredDeadline, tx: OutboxTransaction): Promise<void> {
    const { deadline } = fired;
    if (deadline.subject === SUPERVISION_SUBJECT || (deadline.subject === 'grievance' && !deadline.level && deadline.holder.type === 'department')) {
      await this.supervisionBreach(fired, tx);
      return;
    }
    if (deadline.subject !== 'grievance' || !deadline.level) return; // another subject's deadline: the breach event is the record
    const grievances = this.moduleRef.get(GrievanceRepository, { strict: false });
    const grievance = await grievances.findForUpdate(deadline.grievanceId);
    if (!grievance || !grievance.level || !WORKED_STATUSES.includes(grievance.status)) return;
    // Only the rung that owns the grievance now can be passed over.
    if (grievance.level !== deadline.level || grievance.owner?.id !== deadline.holder.id) return;
    const moves = this.moduleRef.get(ChainMoves, { strict: false });
    const cause = causeOf(fired);
    const missed = missedText(fired);
    if (grievance.level === TOP_LEVEL) {
      await moves.supervise(tx, grievance, 'deadline_missed', missed, cause);
      return;
    }
    await moves.escalate(tx, grievance, 'deadline_missed', missed, cause);
  }

  /** A follow-up deadline missed, or a department's deadline on a hazard missed: supervision (督办). */
  private async supervisionBreach(fired: FiredDeadline, tx: OutboxTransaction): Promise<void> {
    const { deadline } = fired;
    const grievances = this.moduleRef.get(GrievanceRepository, { strict: false });
    const grievance = await grievances.findForUpdate(deadline.grievanceId);
    if (!grievance) return;
    const office = await this.supervisingOfficeOf(grievance, deadline.subject);
    const config = this.moduleRef.get(RoutingConfig, { strict: false });
    const moves = this.moduleRef.get(SupervisionMoves, { strict: false });
    const step = supervisionStep({
      subject: deadline.subject,
      target: deadline.target,
      holder: deadline.holder,
      level: deadline.level,
      grievance,
      followUpOpen: grievance.supervisionRound > 0 && deadline.subject !== SUPERVISION_SUBJECT ? await moves.followUpOpen(tx, grievance.grievanceId) : false,
      supervisingOffice: office?.code ?? null,
      maxRounds: config.SUPERVISION_MAX_ROUNDS,
    });
    const cause = causeOf(fired);
    const where = { grievanceId: grievance.grievanceId, deadlineId: deadline.id, holder: deadline.holder.id };
    switch (step.kind) {
      case 'none':
        return;
      case 'follow_up':
        await moves.followUp(tx, grievance, deadline, step.round, followUpMissedText(fired, step.round), cause);
        return;
      case 'rounds_exhausted':
        this.logger.warn({ ...where, round: step.round, maxRounds: config.SUPERVISION_MAX_ROUNDS }, 'supervision follow-up missed in the last round: recorded (sla.breached.v1), no further round');
        return;
      case 'already_supervised':
        this.logger.log({ ...where, round: step.round }, 'a department missed another deadline on a hazard already under supervision: its follow-up deadline covers it');
        return;
      case 'no_office':
        this.logger.warn({ ...where, districtId: grievance.districtId, why: step.why }, 'a department missed its deadline on a hazard and no supervising office can supervise it: recorded (sla.breached.v1) only');
        return;
      case 'supervise':
        await moves.begin(
          tx,
          grievance,
          {
            holder: deadline.holder,
            supervisor: departmentHolder(step.officeCode, office?.name),
            cause: 'department_deadline_missed',
            reason: missedText(fired),
            districtId: step.districtId,
            round: step.round,
          },
          cause,
        );
        return;
    }
  }

  /** The district's supervising office, looked up only for a hazard's own deadline. */
  private async supervisingOfficeOf(grievance: GrievanceEntity, subject: string) {
    if (subject !== 'grievance' || grievance.kind !== 'hazard' || !grievance.districtId) return null;
    return this.moduleRef.get(DirectoryRepository, { strict: false }).supervisingOffice(grievance.districtId);
  }
}

const causeOf = (fired: FiredDeadline): MoveCause => ({ actor: ROUTING_ACTOR, correlationId: fired.deadline.correlationId, causationId: fired.event.eventId });

/** Written for the holders and the reporter, in the city's language. */
const missedText = ({ deadline, firedAt }: FiredDeadline): string =>
  t(DEFAULT_LANGUAGE, 'chain.deadlineMissed', { holder: deadline.holder.name, target: deadline.target, due: formatDateTime(deadline.dueAt ?? firedAt) });

/** The follow-up the supervising unit missed, and the round it starts. */
const followUpMissedText = ({ deadline, firedAt }: FiredDeadline, round: number): string =>
  t(DEFAULT_LANGUAGE, 'chain.followUpMissed', { supervisor: deadline.holder.name, due: formatDateTime(deadline.dueAt ?? firedAt), round });
