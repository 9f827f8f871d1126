import { Injectable } from '@nestjs/common';
import { causedBy, EventEnvelope, GrievanceReopenedV1, Holder } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { DirectoryRepository } from '../directory/directory.repository';
import { reopeningTarget } from './hazard-reopening';
import { departmentHolder, ROUTING_ACTOR } from './grievance-events';
import { GrievanceRepository } from './grievance.repository';
import { Outcome } from './outcome';
import { AssignToDepartment } from './assign-to-department.use-case';

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
    const grievance = await this.grievances.findForUpdate(event.grievanceId);
    // An appeal reopens on the chain (ReopenAppeal, from the rating), not at a department.
    if (!grievance || grievance.level) return 'skipped';
    if (grievance.status !== 'resolved' && grievance.status !== 'closed') return 'skipped';
    const to = event.payload.reopenedTo;
    const departmentCode = to.type === 'department' ? to.id : grievance.departmentCode;
    if (!departmentCode) return 'skipped';
    grievance.resolution = null;
    grievance.reopenings += 1;
    const office =
      grievance.kind === 'hazard' && grievance.reopenings >= 2 && grievance.districtId ? await this.directory.supervisingOffice(grievance.districtId) : null;
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
