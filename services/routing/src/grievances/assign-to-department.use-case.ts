import { Injectable } from '@nestjs/common';
import { AssignmentReason, causedBy, departmentIssuesTopic, EventEnvelope, Holder } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { DepartmentTopics } from '../directory/department-topics';
import { DirectoryRepository } from '../directory/directory.repository';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { departmentHolder, departmentIssue, ROUTING_ACTOR } from './grievance-events';
import { GrievanceEntity } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';
import { Clock } from '@grievance/platform';

/** Hands a grievance to a department: its inbox, grievance.assigned.v1 and its own topic. */
@Injectable()
export class AssignToDepartment {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
    private readonly clock: Clock,
  ) {}

  async execute(
    cause: EventEnvelope,
    tx: OutboxTransaction,
    grievance: GrievanceEntity,
    departmentCode: string,
    reason: AssignmentReason,
    note?: string,
  ): Promise<Holder> {
    await this.topics.ensure([departmentCode]);
    const department = await this.directory.department(departmentCode);
    const holder = departmentHolder(departmentCode, department?.name);
    grievance.departmentCode = departmentCode;
    grievance.holder = holder;
    grievance.status = 'assigned';
    await this.grievances.save(grievance);
    // The department's clock starts now: it owes an answer (accept) and a resolution.
    await this.deadlines.arrive(tx, grievance, holder, 'department', { correlationId: cause.correlationId, causationId: cause.eventId });
    await tx.publish(
      'grievance.assigned.v1',
      causedBy(cause, {
        topic: 'grievance.assigned.v1',
        actor: ROUTING_ACTOR,
        payload: { holder, departmentCode, reason, ...(note ? { note: note.slice(0, 2000) } : {}) },
      }),
    );
    const topic = departmentIssuesTopic(departmentCode);
    await tx.publish(topic, causedBy(cause, { topic, actor: ROUTING_ACTOR, payload: departmentIssue(grievance, departmentCode, this.clock.now()) }));
    return holder;
  }
}
