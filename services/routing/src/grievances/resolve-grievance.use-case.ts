import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ChainMoves } from '../escalation/chain-moves';
import { actOnOwnAppeal, isRung } from '../escalation/rung-rules';
import { grievanceView, heldByDepartment, publishByCaller } from './department-rules';
import { GrievanceView } from './grievance-view';
import { GrievanceRepository } from './grievance.repository';

/**
 * 办结: the holder says the grievance is dealt with (grievance.resolved.v1). A department resolves
 * what it was assigned or accepted; a rung of the chain resolves the appeal it owns, taking it back
 * from a department it asked to act. What the holder owed is done, in time or late.
 */
@Injectable()
export class ResolveGrievance {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
    private readonly moves: ChainMoves,
  ) {}

  execute(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<GrievanceView> {
    return isRung(principal) ? this.byRung(principal, grievanceId, resolution, attachmentIds) : this.byDepartment(principal, grievanceId, resolution, attachmentIds);
  }

  private byRung(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      grievance.status = 'resolved';
      grievance.resolution = resolution;
      grievance.holder = grievance.owner!;
      await this.grievances.save(grievance);
      await this.deadlines.resolved(tx, grievanceId);
      await this.moves.publish(tx, grievance, cause, 'grievance.resolved.v1', { resolvedBy: grievance.owner!, resolution, attachmentIds });
    }).then(grievanceView);
  }

  /** assigned or in_progress → resolved. */
  private byDepartment(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await heldByDepartment(this.grievances, principal, grievanceId);
      if (grievance.status !== 'assigned' && grievance.status !== 'in_progress') {
        throw DomainError.conflict(`the grievance is ${grievance.status}; only an assigned or accepted grievance can be resolved`, undefined, { key: 'error.grievance.notResolvable', params: { status: grievance.status } });
      }
      grievance.status = 'resolved';
      grievance.resolution = resolution;
      await this.grievances.save(grievance);
      // For an appeal a rung asked it to act on, this is the rung's resolution too.
      await this.deadlines.resolved(tx, grievanceId);
      await publishByCaller(tx, principal, grievanceId, 'grievance.resolved.v1', { resolvedBy: grievance.holder, resolution, attachmentIds });
      return grievanceView(grievance);
    });
  }
}
