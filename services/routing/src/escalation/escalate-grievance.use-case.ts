import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { grievanceView } from '../grievances/department-rules';
import { GrievanceView } from '../grievances/grievance-view';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves } from './chain-moves';
import { actOnOwnAppeal } from './rung-rules';

/** The rung that owns the appeal passes it up to the next rung by hand, with a reason. */
@Injectable()
export class EscalateGrievance {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
  ) {}

  execute(principal: Principal, grievanceId: string, reason: string): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      await this.moves.escalate(tx, grievance, 'by_hand', reason, cause);
    }).then(grievanceView);
  }
}
