import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, departmentIssuesTopic, Level, LEVELS } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { DepartmentTopics } from '../directory/department-topics';
import { DirectoryRepository } from '../directory/directory.repository';
import { departmentHolder, departmentIssue } from '../grievances/grievance-events';
import { GrievanceEntity, WORKED_STATUSES } from '../grievances/grievance.entity';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ChainMoves, MoveCause } from './chain-moves';

/** The rung of a chain role's caller, and their unit (their own id for a liaison member). */
export function rungOf(principal: Principal): { level: Level; unitId: string } {
  if (!(LEVELS as readonly string[]).includes(principal.role) || !principal.orgUnitId) throw DomainError.forbidden('only a rung of the escalation chain has this inbox', undefined, { key: 'error.chain.onlyRung' });
  return { level: principal.role as Level, unitId: principal.orgUnitId };
}

/**
 * What a rung of the chain does with an appeal it owns: acknowledge it, resolve it, ask a
 * department to act (it stays the owner), return it down (退单) or escalate it up, each with
 * a reason where the chain asks for one. There is no "not ours": a rung must hand it on.
 */
@Injectable()
export class RungActions {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievanceRepository,
    private readonly moves: ChainMoves,
    private readonly deadlines: GrievanceDeadlines,
    private readonly directory: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly clock: Clock,
  ) {}

  /** routed → in_progress (grievance.accepted.v1): the rung has answered the worker. */
  acknowledge(principal: Principal, grievanceId: string): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      if (grievance.status !== 'routed') throw DomainError.conflict(`the grievance is ${grievance.status}; only a grievance waiting for its rung can be acknowledged`, undefined, { key: 'error.grievance.notWaitingForRung', params: { status: grievance.status } });
      grievance.status = 'in_progress';
      await this.grievances.save(tx.manager, grievance);
      await this.deadlines.responded(tx, grievanceId);
      await this.moves.publish(tx, grievance, cause, 'grievance.accepted.v1', { holder: grievance.owner! });
    });
  }

  /** 办结 by the rung itself: grievance.resolved.v1; what it owed is done, in time or late. */
  resolve(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      grievance.status = 'resolved';
      grievance.resolution = resolution;
      grievance.holder = grievance.owner!;
      await this.grievances.save(tx.manager, grievance);
      await this.deadlines.resolved(tx, grievanceId);
      await this.moves.publish(tx, grievance, cause, 'grievance.resolved.v1', { resolvedBy: grievance.owner!, resolution, attachmentIds });
    });
  }

  /** Passes the grievance up by hand, with a reason. */
  escalate(principal: Principal, grievanceId: string, reason: string): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      await this.moves.escalate(tx, grievance, 'by_hand', reason, cause);
    });
  }

  /** 退单: hands the grievance back to the rung below, with a reason. */
  returnDown(principal: Principal, grievanceId: string, reason: string, attachmentIds: string[] = []): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      await this.moves.returnDown(tx, grievance, reason, attachmentIds, cause);
    });
  }

  /**
   * Asks a department to act: the department holds it now (its inbox and its topic), the
   * rung stays the owner, and its resolve deadline keeps running until the department answers.
   */
  assignDepartment(principal: Principal, grievanceId: string, departmentCode: string, note: string): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      const department = await this.directory.department(departmentCode, tx.manager);
      if (!department) throw DomainError.invalid(`departmentCode ${departmentCode} is not a department of the directory`, { field: 'departmentCode' }, { key: 'error.department.unknown', params: { departmentCode } });
      await this.topics.ensure([departmentCode]);
      const holder = departmentHolder(departmentCode, department.name);
      grievance.departmentCode = departmentCode;
      grievance.holder = holder;
      grievance.status = 'assigned';
      await this.grievances.save(tx.manager, grievance);
      await this.deadlines.responded(tx, grievanceId);
      await this.moves.publish(tx, grievance, cause, 'grievance.assigned.v1', { holder, departmentCode, reason: 'assigned_by_rung', ...(note ? { note } : {}) });
      const topic = departmentIssuesTopic(departmentCode);
      await tx.publish(topic, createEnvelope({ topic, grievanceId, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.causationId, payload: departmentIssue(grievance, departmentCode, this.clock.now()) }));
    });
  }

  /** Asks the reporter something (grievance.paused.v1): the rung's clocks stop until the reply. */
  askReporter(principal: Principal, grievanceId: string, question: string): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      if ((await this.deadlines.pause(tx, grievanceId)) === false) throw DomainError.conflict('the grievance is already waiting for the reporter', undefined, { key: 'error.grievance.alreadyPaused' });
      await this.moves.publish(tx, grievance, cause, 'grievance.paused.v1', { holder: grievance.owner!, question });
    });
  }

  /** The rung took the reporter's answer another way (by phone): it resumes the clocks itself. */
  resumeWithAnswer(principal: Principal, grievanceId: string, answer: string): Promise<GrievanceEntity> {
    return this.act(principal, grievanceId, async (tx, grievance, cause) => {
      if ((await this.deadlines.resume(tx, grievanceId)) === 0) throw DomainError.conflict('the grievance is not waiting for the reporter', undefined, { key: 'error.grievance.notPaused' });
      await this.moves.publish(tx, grievance, cause, 'grievance.replied.v1', { reporterId: grievance.reporterId, message: answer, resumedBy: grievance.owner! });
    });
  }

  async inbox(principal: Principal, limit: number): Promise<GrievanceEntity[]> {
    return this.grievances.rungInbox(rungOf(principal).unitId, limit);
  }

  /** Runs an action on a grievance the caller's rung owns now; anyone else's reads as missing. */
  private act(principal: Principal, grievanceId: string, action: (tx: OutboxTransaction, grievance: GrievanceEntity, cause: MoveCause) => Promise<void>): Promise<GrievanceEntity> {
    const rung = rungOf(principal);
    return this.outbox.run(async (tx) => {
      const grievance = await this.grievances.findForUpdate(tx.manager, grievanceId);
      if (!grievance || grievance.owner?.id !== rung.unitId || grievance.level !== rung.level) throw DomainError.notFound('grievance', grievanceId);
      if (!WORKED_STATUSES.includes(grievance.status)) throw DomainError.conflict(`the grievance is ${grievance.status}; nothing more can be done with it here`, undefined, { key: 'error.grievance.finished', params: { status: grievance.status } });
      const cause: MoveCause = { actor: { id: principal.sub, role: principal.role }, correlationId: correlationIdForNewWork(), causationId: currentCorrelationId() ?? null };
      await action(tx, grievance, cause);
      return grievance;
    });
  }
}
