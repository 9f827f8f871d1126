import { Injectable } from '@nestjs/common';
import { EventEnvelope, GrievanceClosedV1 } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { GrievanceRepository } from './grievance.repository';
import { Outcome } from './outcome';

/** grievance.closed.v1 → the grievance leaves every inbox. */
@Injectable()
export class CloseGrievance {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  async execute(event: EventEnvelope<GrievanceClosedV1>, tx: OutboxTransaction): Promise<Outcome> {
    const grievance = await this.grievances.findForUpdate(event.grievanceId);
    if (!grievance || grievance.status === 'closed') return 'skipped';
    grievance.status = 'closed';
    await this.grievances.save(grievance);
    await this.deadlines.cancelAll(tx, grievance.grievanceId);
    return 'applied';
  }
}
