import { Injectable } from '@nestjs/common';
import {
  AssignmentReason,
  causedBy,
  departmentIssuesTopic,
  EventEnvelope,
  GrievanceClosedV1,
  GrievanceContestedV1,
  GrievanceReopenedV1,
  Holder,
  TicketVerifiedV1,
} from '@grievance/contracts';
import { OutboxTransaction, PermanentEventError } from '@grievance/messaging';
import { DepartmentTopics } from '../directory/department-topics';
import { DirectoryRepository } from '../directory/directory.repository';
import { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { reopeningTarget } from './hazard-reopening';
import { departmentHolder, departmentIssue, ROUTING_ACTOR } from './grievance-events';
import { GrievanceEntity } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';
import { DEFAULT_LANGUAGE, t } from '@grievance/i18n';
import { Clock } from '@grievance/platform';

export type Outcome = 'applied' | 'skipped';

/** Hands a grievance to a department: its inbox, grievance.assigned.v1 and its own topic. */
@Injectable()
export class AssignToDepartment {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
    private readonly clock: Clock,
  ) {}

  async execute(
    cause: EventEnvelope,
    tx: OutboxTransaction,
    grievance: GrievanceEntity,
    departmentCode: string,
    reason: AssignmentReason,
    note?: string,
  ): Promise<Holder> {
    await this.topics.ensure([departmentCode]);
    const department = await this.directory.department(departmentCode, tx.manager);
    const holder = departmentHolder(departmentCode, department?.name);
    grievance.departmentCode = departmentCode;
    grievance.holder = holder;
    grievance.status = 'assigned';
    await this.grievances.save(tx.manager, grievance);
    // The department's clock starts now: it owes an answer (accept) and a resolution.
    await this.deadlines.arrive(tx, grievance, holder, 'department', { correlationId: cause.correlationId, causationId: cause.eventId });
    await tx.publish(
      'grievance.assigned.v1',
      causedBy(cause, {
        topic: 'grievance.assigned.v1',
        actor: ROUTING_ACTOR,
        payload: { holder, departmentCode, reason, ...(note ? { note: note.slice(0, 2000) } : {}) },
      }),
    );
    const topic = departmentIssuesTopic(departmentCode);
    await tx.publish(topic, causedBy(cause, { topic, actor: ROUTING_ACTOR, payload: departmentIssue(grievance, departmentCode, this.clock.now()) }));
    return holder;
  }
}

/**
 * ticket.verified.v1 → confirmed: the department takes it (assigned, verified_on_site, and
 * its topic); invalid: rejected with the grid worker's note; duplicate: linked.
 * A confirmed check that corrected the category hands the grievance to the department that owns
 * the corrected category in its district (its route there, its default department, the
 * district's fallback owner); one that named a department hands it to that department. The
 * grievance keeps the corrected category (the department's issue and the SLA policies read it).
 * A verdict on a grievance no longer waiting for one changes nothing.
 */
@Injectable()
export class ApplyVerification {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly assign: AssignToDepartment,
    private readonly routing: RoutingDirectoryCache,
  ) {}

  async execute(event: EventEnvelope<TicketVerifiedV1>, tx: OutboxTransaction): Promise<Outcome> {
    const grievance = await this.grievances.findForUpdate(tx.manager, event.grievanceId);
    if (!grievance) throw new PermanentEventError(`ticket.verified.v1 for grievance ${event.grievanceId}, which routing never routed`);
    if (grievance.status !== 'routed') return 'skipped';
    const verified = event.payload;
    const gridWorker: Holder = { type: 'grid_worker', id: verified.gridWorkerId, name: verified.gridWorkerId };
    switch (verified.verdict) {
      case 'confirmed': {
        if (verified.correctedCategory) grievance.category = verified.correctedCategory;
        const departmentCode = await this.departmentAfterCheck(grievance, verified);
        if (!departmentCode) throw new PermanentEventError(`grievance ${grievance.grievanceId} has no department`);
        await this.assign.execute(event, tx, grievance, departmentCode, 'verified_on_site', verified.note || undefined);
        return 'applied';
      }
      case 'invalid': {
        grievance.status = 'rejected';
        await this.grievances.save(tx.manager, grievance);
        await tx.publish(
          'grievance.rejected.v1',
          causedBy(event, {
            topic: 'grievance.rejected.v1',
            actor: ROUTING_ACTOR,
            payload: { rejectedBy: gridWorker, reason: verified.note.trim() || t(DEFAULT_LANGUAGE, 'hazard.foundInvalid') },
          }),
        );
        return 'applied';
      }
      case 'duplicate': {
        if (!verified.duplicateOf) throw new PermanentEventError('a duplicate verdict without duplicateOf');
        grievance.status = 'linked';
        await this.grievances.save(tx.manager, grievance);
        await tx.publish(
          'grievance.linked.v1',
          causedBy(event, {
            topic: 'grievance.linked.v1',
            actor: ROUTING_ACTOR,
            payload: { duplicateOf: verified.duplicateOf, reporterId: grievance.reporterId, linkedBy: gridWorker },
          }),
        );
        return 'applied';
      }
    }
  }

  /** The department a confirmed check hands the grievance to: the one it named, else the corrected category's owner, else routing's first choice. */
  private async departmentAfterCheck(grievance: GrievanceEntity, verified: TicketVerifiedV1): Promise<string | null> {
    const directory = verified.correctedDepartment || verified.correctedCategory ? await this.routing.get() : undefined;
    if (verified.correctedDepartment && directory?.department(verified.correctedDepartment)) return verified.correctedDepartment;
    if (verified.correctedCategory && directory) {
      const owner = directory.ownersOf(verified.correctedCategory, grievance.districtId)[0];
      if (owner) return owner;
    }
    return grievance.departmentCode;
  }
}

/**
 * grievance.reopened.v1 → the grievance goes back to the department's inbox (assigned, reason
 * reopened). A hazard the reporter sends back a second time goes up instead, to the district's
 * supervising office (督办; reopeningTarget): grievance.referred-to-supervision.v1 says so, and
 * the office gets it as a department does (its inbox, its topic, its deadlines).
 */
@Injectable()
export class ReopenGrievance {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly assign: AssignToDepartment,
    private readonly directory: DirectoryRepository,
  ) {}

  async execute(event: EventEnvelope<GrievanceReopenedV1>, tx: OutboxTransaction): Promise<Outcome> {
    const grievance = await this.grievances.findForUpdate(tx.manager, event.grievanceId);
    // An appeal reopens on the chain (ReopenAppeal, from the rating), not at a department.
    if (!grievance || grievance.level) return 'skipped';
    if (grievance.status !== 'resolved' && grievance.status !== 'closed') return 'skipped';
    const to = event.payload.reopenedTo;
    const departmentCode = to.type === 'department' ? to.id : grievance.departmentCode;
    if (!departmentCode) return 'skipped';
    grievance.resolution = null;
    grievance.reopenings += 1;
    const office =
      grievance.kind === 'hazard' && grievance.reopenings >= 2 && grievance.districtId ? await this.directory.supervisingOffice(grievance.districtId, tx.manager) : null;
    const target = reopeningTarget({ unsatisfiedRatings: grievance.reopenings, departmentCode, districtId: grievance.districtId, supervisingOffice: office?.code ?? null });
    if (target.kind === 'supervising_office') {
      const fromHolder: Holder = to.type === 'department' ? to : departmentHolder(departmentCode, undefined);
      grievance.underSupervision = true;
      await tx.publish(
        'grievance.referred-to-supervision.v1',
        causedBy(event, {
          topic: 'grievance.referred-to-supervision.v1',
          actor: ROUTING_ACTOR,
          payload: {
            fromHolder,
            toHolder: departmentHolder(target.departmentCode, office?.name),
            districtId: target.districtId,
            unsatisfiedRatings: grievance.reopenings,
            reason: event.payload.reason,
          },
        }),
      );
    }
    await this.assign.execute(event, tx, grievance, target.departmentCode, 'reopened', event.payload.reason);
    return 'applied';
  }
}

/**
 * grievance.contested.v1 → the reporter contested the invalid verdict: the hazard, rejected (and
 * closed) on it, waits again for a grid worker's verdict (routed), which ApplyVerification applies
 * as it did the first. A grievance that is not rejected or closed (a repeat) stays as it is.
 */
@Injectable()
export class ReopenContested {
  constructor(private readonly grievances: GrievanceRepository) {}

  async execute(event: EventEnvelope<GrievanceContestedV1>, tx: OutboxTransaction): Promise<Outcome> {
    const grievance = await this.grievances.findForUpdate(tx.manager, event.grievanceId);
    if (!grievance || grievance.kind !== 'hazard' || grievance.level) return 'skipped';
    if (grievance.status !== 'rejected' && grievance.status !== 'closed') return 'skipped';
    grievance.status = 'routed';
    await this.grievances.save(tx.manager, grievance);
    return 'applied';
  }
}

/** grievance.closed.v1 → the grievance leaves every inbox. */
@Injectable()
export class CloseGrievance {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  async execute(event: EventEnvelope<GrievanceClosedV1>, tx: OutboxTransaction): Promise<Outcome> {
    const grievance = await this.grievances.findForUpdate(tx.manager, event.grievanceId);
    if (!grievance || grievance.status === 'closed') return 'skipped';
    grievance.status = 'closed';
    await this.grievances.save(tx.manager, grievance);
    await this.deadlines.cancelAll(tx, grievance.grievanceId);
    return 'applied';
  }
}
