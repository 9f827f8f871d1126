import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, departmentIssuesTopic } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { DepartmentTopics } from '../directory/department-topics';
import { DirectoryRepository } from '../directory/directory.repository';
import { grievanceView } from '../grievances/department-rules';
import { departmentHolder, departmentIssue } from '../grievances/grievance-events';
import { GrievanceView } from '../grievances/grievance-view';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves } from './chain-moves';
import { actOnOwnAppeal } from './rung-rules';

/**
 * The rung asks a department to act: the department holds it now (its inbox and its topic), the
 * rung stays the owner, and its resolve deadline keeps running until the department answers.
 */
@Injectable()
export class AskDepartment {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
    private readonly deadlines: GrievanceDeadlines,
    private readonly directory: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, grievanceId: string, departmentCode: string, note: string): Promise<GrievanceView> {
    return actOnOwnAppeal(this.outbox, this.grievances, principal, grievanceId, async (tx, grievance, cause) => {
      const department = await this.directory.department(departmentCode);
      if (!department) throw DomainError.invalid(`departmentCode ${departmentCode} is not a department of the directory`, { field: 'departmentCode' }, { key: 'error.department.unknown', params: { departmentCode } });
      await this.topics.ensure([departmentCode]);
      const holder = departmentHolder(departmentCode, department.name);
      grievance.departmentCode = departmentCode;
      grievance.holder = holder;
      grievance.status = 'assigned';
      await this.grievances.save(grievance);
      await this.deadlines.responded(tx, grievanceId);
      await this.moves.publish(tx, grievance, cause, 'grievance.assigned.v1', { holder, departmentCode, reason: 'assigned_by_rung', ...(note ? { note } : {}) });
      const topic = departmentIssuesTopic(departmentCode);
      await tx.publish(topic, createEnvelope({ topic, grievanceId, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.causationId, payload: departmentIssue(grievance, departmentCode, this.clock.now()) }));
    }).then(grievanceView);
  }
}
