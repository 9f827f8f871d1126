import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { RoutingConfig } from '../config';
import { rerouteAfterReturn } from '../decision/route-decision';
import { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { ChainMoves } from '../escalation/chain-moves';
import { actOnOwnAppeal, isRung } from '../escalation/rung-rules';
import { DepartmentBounce } from './department-bounce';
import { grievanceView, publishByCaller } from './department-rules';
import { GrievanceView } from './grievance-view';
import { GrievanceRepository } from './grievance.repository';

/**
 * 退单, with a reason and evidence: a rung hands the appeal it owns back to the rung below; a
 * department returns a hazard that is not its own and routing re-routes it to the category's
 * next owner that is not this department (rerouteAfterReturn), or its fallback owner arbitrates.
 */
@Injectable()
export class ReturnGrievance {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
    private readonly routing: RoutingDirectoryCache,
    private readonly bounce: DepartmentBounce,
    private readonly config: RoutingConfig,
  ) {}

  execute(principal: Principal, grievanceId: string, reason: string, attachmentIds: string[]): Promise<GrievanceView> {
    return isRung(principal) ? this.downTheChain(principal, grievanceId, reason, attachmentIds) : this.toRouting(principal, grievanceId, reason, attachmentIds);
  }

  private downTheChain(principal: Principal, grievanceId: string, reason: string, attachmentIds: string[]): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      await this.moves.returnDown(tx, grievance, reason, attachmentIds, cause);
    }).then(grievanceView);
  }

  private toRouting(principal: Principal, grievanceId: string, reason: string, attachmentIds: string[]): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await this.bounce.movable(principal, grievanceId);
      const from = grievance.departmentCode!;
      const directory = await this.routing.get();
      const arbiter = directory.fallbackOwner(grievance.districtId);
      if (from === arbiter && grievance.bounces > this.config.CHAIN_MAX_RETURNS) {
        throw DomainError.conflict(`the grievance bounced ${grievance.bounces} times and its fallback owner arbitrates: resolve it or transfer it to the department that must act`, undefined, {
          key: 'error.grievance.arbitrating',
          params: { bounces: grievance.bounces },
        });
      }
      const next = rerouteAfterReturn(grievance, from, directory);
      if (!next) throw DomainError.conflict('routing knows no other owner for this category here: transfer it to the department that must act', undefined, { key: 'error.grievance.noOtherOwner' });
      const to = this.bounce.destination(grievance, next, from, arbiter);
      return this.bounce.move(tx, grievance, to, 'returned', (fromHolder, toHolder, bounces) =>
        publishByCaller(tx, principal, grievance.grievanceId, 'grievance.department-returned.v1', { fromHolder, toHolder, departmentCode: to.departmentCode, reason, bounces, arbitration: to.arbitration, attachmentIds }),
      );
    });
  }
}
