import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OutboxTransaction } from '@grievance/messaging';
import { FiredDeadline, SlaHandlers } from '@grievance/sla';
import { RoutingConfig } from '../config';
import { DirectoryRepository } from '../directory/directory.repository';
import { departmentHolder, ROUTING_ACTOR } from '../matters/matter-events';
import { MatterEntity, WORKED_STATUSES } from '../matters/matter.entity';
import { MatterRepository } from '../matters/matter.repository';
import { SupervisionMoves } from '../supervision/supervision-moves';
import { SUPERVISION_SUBJECT, supervisionStep } from '../supervision/supervision-rules';
import { ChainMoves, MoveCause } from './chain-moves';
import { TOP_LEVEL } from './chain-rules';
import { DEFAULT_LANGUAGE, formatDateTime, t } from '@grievance/i18n';

/**
 * The SLA check of the chain: a rung that misses its deadline cannot sit on the matter. A
 * breach passes it up to the next rung that has someone; at the 两新工委 it puts the matter
 * under supervision (督办). A department that misses its deadline on a hazard is supervised by
 * its district's supervising office; a supervising unit that misses its follow-up deadline is
 * supervised again, up to SUPERVISION_MAX_ROUNDS. Runs inside the firing transaction, so the
 * breach and its consequence commit together; a breach that no longer matches the matter
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
    const matters = this.moduleRef.get(MatterRepository, { strict: false });
    const matter = await matters.findForUpdate(tx.manager, deadline.grievanceId);
    if (!matter || !matter.level || !WORKED_STATUSES.includes(matter.status)) return;
    // Only the rung that owns the matter now can be passed over.
    if (matter.level !== deadline.level || matter.owner?.id !== deadline.holder.id) return;
    const moves = this.moduleRef.get(ChainMoves, { strict: false });
    const cause = causeOf(fired);
    const missed = missedText(fired);
    if (matter.level === TOP_LEVEL) {
      await moves.supervise(tx, matter, 'deadline_missed', missed, cause);
      return;
    }
    await moves.escalate(tx, matter, 'deadline_missed', missed, cause);
  }

  /** A follow-up deadline missed, or a department's deadline on a hazard missed: supervision (督办). */
  private async supervisionBreach(fired: FiredDeadline, tx: OutboxTransaction): Promise<void> {
    const { deadline } = fired;
    const matters = this.moduleRef.get(MatterRepository, { strict: false });
    const matter = await matters.findForUpdate(tx.manager, deadline.grievanceId);
    if (!matter) return;
    const office = await this.supervisingOfficeOf(matter, deadline.subject, tx);
    const config = this.moduleRef.get(RoutingConfig, { strict: false });
    const moves = this.moduleRef.get(SupervisionMoves, { strict: false });
    const step = supervisionStep({
      subject: deadline.subject,
      target: deadline.target,
      holder: deadline.holder,
      level: deadline.level,
      matter,
      followUpOpen: matter.supervisionRound > 0 && deadline.subject !== SUPERVISION_SUBJECT ? await moves.followUpOpen(tx, matter.grievanceId) : false,
      supervisingOffice: office?.code ?? null,
      maxRounds: config.SUPERVISION_MAX_ROUNDS,
    });
    const cause = causeOf(fired);
    const where = { grievanceId: matter.grievanceId, deadlineId: deadline.id, holder: deadline.holder.id };
    switch (step.kind) {
      case 'none':
        return;
      case 'follow_up':
        await moves.followUp(tx, matter, deadline, step.round, followUpMissedText(fired, step.round), cause);
        return;
      case 'rounds_exhausted':
        this.logger.warn({ ...where, round: step.round, maxRounds: config.SUPERVISION_MAX_ROUNDS }, 'supervision follow-up missed in the last round: recorded (sla.breached.v1), no further round');
        return;
      case 'already_supervised':
        this.logger.log({ ...where, round: step.round }, 'a department missed another deadline on a hazard already under supervision: its follow-up deadline covers it');
        return;
      case 'no_office':
        this.logger.warn({ ...where, districtId: matter.districtId, why: step.why }, 'a department missed its deadline on a hazard and no supervising office can supervise it: recorded (sla.breached.v1) only');
        return;
      case 'supervise':
        await moves.begin(
          tx,
          matter,
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
  private async supervisingOfficeOf(matter: MatterEntity, subject: string, tx: OutboxTransaction) {
    if (subject !== 'grievance' || matter.kind !== 'hazard' || !matter.districtId) return null;
    return this.moduleRef.get(DirectoryRepository, { strict: false }).supervisingOffice(matter.districtId, tx.manager);
  }
}

const causeOf = (fired: FiredDeadline): MoveCause => ({ actor: ROUTING_ACTOR, correlationId: fired.deadline.correlationId, causationId: fired.event.eventId });

/** Written for the holders and the reporter, in the city's language. */
const missedText = ({ deadline, firedAt }: FiredDeadline): string =>
  t(DEFAULT_LANGUAGE, 'chain.deadlineMissed', { holder: deadline.holder.name, target: deadline.target, due: formatDateTime(deadline.dueAt ?? firedAt) });

/** The follow-up the supervising unit missed, and the round it starts. */
const followUpMissedText = ({ deadline, firedAt }: FiredDeadline, round: number): string =>
  t(DEFAULT_LANGUAGE, 'chain.followUpMissed', { supervisor: deadline.holder.name, due: formatDateTime(deadline.dueAt ?? firedAt), round });
