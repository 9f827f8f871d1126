import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { grievanceView } from '../grievances/department-rules';
import { GrievanceView } from '../grievances/grievance-view';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves } from './chain-moves';
import { actOnOwnAppeal } from './rung-rules';

/** The rung took the reporter's answer another way (by phone): it resumes the clocks itself (grievance.replied.v1). */
@Injectable()
export class ResumeGrievance {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  execute(principal: Principal, grievanceId: string, answer: string): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      if ((await this.deadlines.resume(tx, grievanceId)) === 0) throw DomainError.conflict('the grievance is not waiting for the reporter', undefined, { key: 'error.grievance.notPaused' });
      await this.moves.publish(tx, grievance, cause, 'grievance.replied.v1', { reporterId: grievance.reporterId, message: answer, resumedBy: grievance.owner! });
    }).then(grievanceView);
  }
}
