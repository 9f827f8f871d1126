import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, EventEnvelope, Holder, PayloadOf } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { RoutingConfig } from '../config';
import { rerouteAfterReturn } from '../decision/route-decision';
import { DirectoryRepository } from '../directory/directory.repository';
import { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { needsArbitration } from '../escalation/chain-rules';
import { heldByDepartment, GrievanceView, grievanceView } from './department-actions.use-cases';
import { AssignToDepartment } from './hazard-loop.use-cases';
import { departmentHolder } from './grievance-events';
import { GrievanceEntity } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';

/** Where a bounce sends the grievance, and whether the arbiter took it instead. */
interface Destination {
  departmentCode: string;
  arbitration: boolean;
}

/**
 * A department sends on a hazard that is not its own: a return (退单, with a reason and
 * evidence) goes back to routing's decision, a transfer (转办) to the department it names.
 * Each is a bounce; one past CHAIN_MAX_RETURNS and the district's fallback owner (兜底)
 * takes the grievance to arbitrate instead, and its own transfers then stand. The new holder
 * gets it as any assignment (inbox, topic, its clock starts); the old holder's deadlines end.
 */
@Injectable()
export class DepartmentMoves {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly routing: RoutingDirectoryCache,
    private readonly directory: DirectoryRepository,
    private readonly assign: AssignToDepartment,
    private readonly config: RoutingConfig,
  ) {}

  /** 退单: re-routed to the category's next owner that is not this department (rerouteAfterReturn). */
  returnGrievance(principal: Principal, grievanceId: string, reason: string, attachmentIds: string[]): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await this.movable(tx, principal, grievanceId);
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
      const to = this.destination(grievance, next, from, arbiter);
      return this.move(tx, grievance, to, 'returned', (fromHolder, toHolder, bounces) =>
        this.publish(tx, principal, grievance, 'grievance.department-returned.v1', { fromHolder, toHolder, departmentCode: to.departmentCode, reason, bounces, arbitration: to.arbitration, attachmentIds }),
      );
    });
  }

  /** 转办: straight to the named department (a live one, not this one). */
  transfer(principal: Principal, grievanceId: string, departmentCode: string, reason: string): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await this.movable(tx, principal, grievanceId);
      const from = grievance.departmentCode!;
      if (departmentCode === from) throw DomainError.invalid(`departmentCode ${departmentCode} is the department that holds the grievance already`, { field: 'departmentCode' }, { key: 'error.department.alreadyHolds', params: { departmentCode } });
      if (!(await this.directory.department(departmentCode, tx.manager))) {
        throw DomainError.invalid(`departmentCode ${departmentCode} is not a live department of the directory`, { field: 'departmentCode' }, { key: 'error.department.notLive', params: { departmentCode } });
      }
      const to = this.destination(grievance, departmentCode, from, (await this.routing.get()).fallbackOwner(grievance.districtId));
      return this.move(tx, grievance, to, 'transferred', (fromHolder, toHolder, bounces) =>
        this.publish(tx, principal, grievance, 'grievance.transferred.v1', { fromHolder, toHolder, departmentCode: to.departmentCode, reason, bounces, arbitration: to.arbitration }),
      );
    });
  }

  /** The caller's hazard, in a state it can still send on. */
  private async movable(tx: OutboxTransaction, principal: Principal, grievanceId: string): Promise<GrievanceEntity> {
    const grievance = await heldByDepartment(this.grievances, tx.manager, principal, grievanceId);
    if (grievance.level) throw DomainError.conflict('an appeal a rung asked this department to act on stays with that rung: answer it there', undefined, { key: 'error.grievance.appealStaysWithRung' });
    if (grievance.status !== 'assigned' && grievance.status !== 'in_progress') {
      throw DomainError.conflict(`the grievance is ${grievance.status}; only an assigned or accepted grievance can be returned or transferred`, undefined, { key: 'error.grievance.notMovable', params: { status: grievance.status } });
    }
    return grievance;
  }

  /** The wanted department, unless this bounce is one too many: then the arbiter (when there is one). */
  private destination(grievance: GrievanceEntity, wanted: string, from: string, arbiter: string | undefined): Destination {
    const arbitration = arbiter !== undefined && arbiter !== wanted && needsArbitration(grievance.bounces + 1, this.config.CHAIN_MAX_RETURNS, from === arbiter);
    return arbitration ? { departmentCode: arbiter, arbitration } : { departmentCode: wanted, arbitration: false };
  }

  /** Counts the bounce, records it, then assigns the grievance to its new holder as caused by that record. */
  private async move(
    tx: OutboxTransaction,
    grievance: GrievanceEntity,
    to: Destination,
    reason: 'returned' | 'transferred',
    record: (fromHolder: Holder, toHolder: Holder, bounces: number) => Promise<EventEnvelope>,
  ): Promise<GrievanceView> {
    const department = await this.directory.department(to.departmentCode, tx.manager);
    if (!department) throw DomainError.conflict(`the department ${to.departmentCode} routing would send it to is retired; transfer it to a live one`, undefined, { key: 'error.department.retired', params: { departmentCode: to.departmentCode } });
    const fromHolder = grievance.holder;
    grievance.bounces += 1;
    const cause = await record(fromHolder, departmentHolder(department.code, department.name), grievance.bounces);
    await this.assign.execute(cause, tx, grievance, department.code, reason);
    return grievanceView(grievance);
  }

  private async publish<T extends 'grievance.department-returned.v1' | 'grievance.transferred.v1'>(
    tx: OutboxTransaction,
    principal: Principal,
    grievance: GrievanceEntity,
    topic: T,
    payload: PayloadOf<T>,
  ): Promise<EventEnvelope> {
    const envelope = createEnvelope({
      topic,
      grievanceId: grievance.grievanceId,
      actor: { id: principal.sub, role: principal.role },
      payload,
      correlationId: correlationIdForNewWork(),
      causationId: currentCorrelationId() ?? null,
    });
    await tx.publish(topic, envelope);
    return envelope as EventEnvelope;
  }
}
