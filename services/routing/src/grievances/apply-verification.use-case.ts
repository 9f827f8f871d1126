import { Injectable } from '@nestjs/common';
import { causedBy, EventEnvelope, Holder, TicketVerifiedV1 } from '@grievance/contracts';
import { OutboxTransaction, PermanentEventError } from '@grievance/messaging';
import { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { ROUTING_ACTOR } from './grievance-events';
import { GrievanceEntity } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';
import { DEFAULT_LANGUAGE, t } from '@grievance/i18n';
import { Outcome } from './outcome';
import { AssignToDepartment } from './assign-to-department.use-case';

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
    const grievance = await this.grievances.findForUpdate(event.grievanceId);
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
        await this.grievances.save(grievance);
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
        await this.grievances.save(grievance);
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
