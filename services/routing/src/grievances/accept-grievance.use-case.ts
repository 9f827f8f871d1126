import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { grievanceView, heldByDepartment, publishByCaller } from './department-rules';
import { GrievanceView } from './grievance-view';
import { GrievanceRepository } from './grievance.repository';

/** 接单: the department takes the grievance it was assigned; assigned → in_progress, grievance.accepted.v1. */
@Injectable()
export class AcceptGrievance {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly outbox: TransactionalOutbox,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  execute(principal: Principal, grievanceId: string): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await heldByDepartment(this.grievances, principal, grievanceId);
      if (grievance.status !== 'assigned') throw DomainError.conflict(`the grievance is ${grievance.status}; only an assigned grievance can be accepted`, undefined, { key: 'error.grievance.notAssigned', params: { status: grievance.status } });
      grievance.status = 'in_progress';
      await this.grievances.save(grievance);
      await this.deadlines.responded(tx, grievanceId);
      await publishByCaller(tx, principal, grievanceId, 'grievance.accepted.v1', { holder: grievance.holder });
      return grievanceView(grievance);
    });
  }
}
