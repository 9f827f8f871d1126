import { Injectable } from '@nestjs/common';
import { EventEnvelope, GrievanceContestedV1 } from '@grievance/contracts';
import { GrievanceRepository } from './grievance.repository';
import { Outcome } from './outcome';

/**
 * grievance.contested.v1 → the reporter contested the invalid verdict: the hazard, rejected (and
 * closed) on it, waits again for a grid worker's verdict (routed), which ApplyVerification applies
 * as it did the first. A grievance that is not rejected or closed (a repeat) stays as it is.
 */
@Injectable()
export class ReopenContested {
  constructor(private readonly grievances: GrievanceRepository) {}

  async execute(event: EventEnvelope<GrievanceContestedV1>): Promise<Outcome> {
    const grievance = await this.grievances.findForUpdate(event.grievanceId);
    if (!grievance || grievance.kind !== 'hazard' || grievance.level) return 'skipped';
    if (grievance.status !== 'rejected' && grievance.status !== 'closed') return 'skipped';
    grievance.status = 'routed';
    await this.grievances.save(grievance);
    return 'applied';
  }
}
