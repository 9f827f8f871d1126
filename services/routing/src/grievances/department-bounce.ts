import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { EventEnvelope, Holder } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { RoutingConfig } from '../config';
import { DirectoryRepository } from '../directory/directory.repository';
import { needsArbitration } from '../escalation/chain-rules';
import { AssignToDepartment } from './assign-to-department.use-case';
import { grievanceView, heldByDepartment } from './department-rules';
import { departmentHolder } from './grievance-events';
import { GrievanceView } from './grievance-view';
import { GrievanceEntity } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';

/** Where a bounce sends the grievance, and whether the arbiter took it instead. */
export interface Destination {
  departmentCode: string;
  arbitration: boolean;
}

/**
 * What a department's return (退单) and transfer (转办) share: each is a bounce; one past
 * CHAIN_MAX_RETURNS and the district's fallback owner (兜底) takes the grievance to arbitrate
 * instead, and its own transfers then stand. The new holder gets it as any assignment (inbox,
 * topic, its clock starts); the old holder's deadlines end.
 */
@Injectable()
export class DepartmentBounce {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly directory: DirectoryRepository,
    private readonly assign: AssignToDepartment,
    private readonly config: RoutingConfig,
  ) {}

  /** The caller's hazard, in a state it can still send on. */
  async movable(principal: Principal, grievanceId: string): Promise<GrievanceEntity> {
    const grievance = await heldByDepartment(this.grievances, principal, grievanceId);
    if (grievance.level) throw DomainError.conflict('an appeal a rung asked this department to act on stays with that rung: answer it there', undefined, { key: 'error.grievance.appealStaysWithRung' });
    if (grievance.status !== 'assigned' && grievance.status !== 'in_progress') {
      throw DomainError.conflict(`the grievance is ${grievance.status}; only an assigned or accepted grievance can be returned or transferred`, undefined, { key: 'error.grievance.notMovable', params: { status: grievance.status } });
    }
    return grievance;
  }

  /** The wanted department, unless this bounce is one too many: then the arbiter (when there is one). */
  destination(grievance: GrievanceEntity, wanted: string, from: string, arbiter: string | undefined): Destination {
    const arbitration = arbiter !== undefined && arbiter !== wanted && needsArbitration(grievance.bounces + 1, this.config.CHAIN_MAX_RETURNS, from === arbiter);
    return arbitration ? { departmentCode: arbiter, arbitration } : { departmentCode: wanted, arbitration: false };
  }

  /** Counts the bounce, records it, then assigns the grievance to its new holder as caused by that record. */
  async move(
    tx: OutboxTransaction,
    grievance: GrievanceEntity,
    to: Destination,
    reason: 'returned' | 'transferred',
    record: (fromHolder: Holder, toHolder: Holder, bounces: number) => Promise<EventEnvelope>,
  ): Promise<GrievanceView> {
    const department = await this.directory.department(to.departmentCode);
    if (!department) throw DomainError.conflict(`the department ${to.departmentCode} routing would send it to is retired; transfer it to a live one`, undefined, { key: 'error.department.retired', params: { departmentCode: to.departmentCode } });
    const fromHolder = grievance.holder;
    grievance.bounces += 1;
    const cause = await record(fromHolder, departmentHolder(department.code, department.name), grievance.bounces);
    await this.assign.execute(cause, tx, grievance, department.code, reason);
    return grievanceView(grievance);
  }
}
