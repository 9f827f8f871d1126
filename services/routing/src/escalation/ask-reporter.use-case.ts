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

/** The rung asks the reporter something (grievance.paused.v1): its clocks stop until the reply. */
@Injectable()
export class AskReporter {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  execute(principal: Principal, grievanceId: string, question: string): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      if ((await this.deadlines.pause(tx, grievanceId)) === false) throw DomainError.conflict('the grievance is already waiting for the reporter', undefined, { key: 'error.grievance.alreadyPaused' });
      await this.moves.publish(tx, grievance, cause, 'grievance.paused.v1', { holder: grievance.owner!, question });
    }).then(grievanceView);
  }
}
