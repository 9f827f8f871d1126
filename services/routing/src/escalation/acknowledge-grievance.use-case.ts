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

/** routed → in_progress (grievance.accepted.v1): the rung that owns the appeal has answered the worker. */
@Injectable()
export class AcknowledgeGrievance {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  execute(principal: Principal, grievanceId: string): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      if (grievance.status !== 'routed') throw DomainError.conflict(`the grievance is ${grievance.status}; only a grievance waiting for its rung can be acknowledged`, undefined, { key: 'error.grievance.notWaitingForRung', params: { status: grievance.status } });
      grievance.status = 'in_progress';
      await this.grievances.save(grievance);
      await this.deadlines.responded(tx, grievanceId);
      await this.moves.publish(tx, grievance, cause, 'grievance.accepted.v1', { holder: grievance.owner! });
    }).then(grievanceView);
  }
}
