import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, departmentIssuesTopic, Level, LEVELS } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { MatterDeadlines } from '../deadlines/matter-deadlines';
import { DepartmentTopics } from '../directory/department-topics';
import { DirectoryRepository } from '../directory/directory.repository';
import { departmentHolder, departmentIssue } from '../matters/matter-events';
import { MatterEntity, WORKED_STATUSES } from '../matters/matter.entity';
import { MatterRepository } from '../matters/matter.repository';
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
    private readonly matters: MatterRepository,
    private readonly moves: ChainMoves,
    private readonly deadlines: MatterDeadlines,
    private readonly directory: DirectoryRepository,
    private readonly topics: DepartmentTopics,
    private readonly clock: Clock,
  ) {}

  /** routed → in_progress (grievance.accepted.v1): the rung has answered the worker. */
  acknowledge(principal: Principal, grievanceId: string): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      if (matter.status !== 'routed') throw DomainError.conflict(`the matter is ${matter.status}; only a matter waiting for its rung can be acknowledged`, undefined, { key: 'error.matter.notWaitingForRung', params: { status: matter.status } });
      matter.status = 'in_progress';
      await this.matters.save(tx.manager, matter);
      await this.deadlines.responded(tx, grievanceId);
      await this.moves.publish(tx, matter, cause, 'grievance.accepted.v1', { holder: matter.owner! });
    });
  }

  /** 办结 by the rung itself: grievance.resolved.v1; what it owed is done, in time or late. */
  resolve(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      matter.status = 'resolved';
      matter.resolution = resolution;
      matter.holder = matter.owner!;
      await this.matters.save(tx.manager, matter);
      await this.deadlines.resolved(tx, grievanceId);
      await this.moves.publish(tx, matter, cause, 'grievance.resolved.v1', { resolvedBy: matter.owner!, resolution, attachmentIds });
    });
  }

  /** Passes the matter up by hand, with a reason. */
  escalate(principal: Principal, grievanceId: string, reason: string): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      await this.moves.escalate(tx, matter, 'by_hand', reason, cause);
    });
  }

  /** 退单: hands the matter back to the rung below, with a reason. */
  returnDown(principal: Principal, grievanceId: string, reason: string, attachmentIds: string[] = []): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      await this.moves.returnDown(tx, matter, reason, attachmentIds, cause);
    });
  }

  /**
   * Asks a department to act: the department holds it now (its inbox and its topic), the
   * rung stays the owner, and its resolve deadline keeps running until the department answers.
   */
  assignDepartment(principal: Principal, grievanceId: string, departmentCode: string, note: string): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      const department = await this.directory.department(departmentCode, tx.manager);
      if (!department) throw DomainError.invalid(`departmentCode ${departmentCode} is not a department of the directory`, { field: 'departmentCode' }, { key: 'error.department.unknown', params: { departmentCode } });
      await this.topics.ensure([departmentCode]);
      const holder = departmentHolder(departmentCode, department.name);
      matter.departmentCode = departmentCode;
      matter.holder = holder;
      matter.status = 'assigned';
      await this.matters.save(tx.manager, matter);
      await this.deadlines.responded(tx, grievanceId);
      await this.moves.publish(tx, matter, cause, 'grievance.assigned.v1', { holder, departmentCode, reason: 'assigned_by_rung', ...(note ? { note } : {}) });
      const topic = departmentIssuesTopic(departmentCode);
      await tx.publish(topic, createEnvelope({ topic, grievanceId, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.causationId, payload: departmentIssue(matter, departmentCode, this.clock.now()) }));
    });
  }

  /** Asks the reporter something (grievance.paused.v1): the rung's clocks stop until the reply. */
  askReporter(principal: Principal, grievanceId: string, question: string): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      if ((await this.deadlines.pause(tx, grievanceId)) === false) throw DomainError.conflict('the matter is already waiting for the reporter', undefined, { key: 'error.matter.alreadyPaused' });
      await this.moves.publish(tx, matter, cause, 'grievance.paused.v1', { holder: matter.owner!, question });
    });
  }

  /** The rung took the reporter's answer another way (by phone): it resumes the clocks itself. */
  resumeWithAnswer(principal: Principal, grievanceId: string, answer: string): Promise<MatterEntity> {
    return this.act(principal, grievanceId, async (tx, matter, cause) => {
      if ((await this.deadlines.resume(tx, grievanceId)) === 0) throw DomainError.conflict('the matter is not waiting for the reporter', undefined, { key: 'error.matter.notPaused' });
      await this.moves.publish(tx, matter, cause, 'grievance.replied.v1', { reporterId: matter.reporterId, message: answer, resumedBy: matter.owner! });
    });
  }

  async inbox(principal: Principal, limit: number): Promise<MatterEntity[]> {
    return this.matters.rungInbox(rungOf(principal).unitId, limit);
  }

  /** Runs an action on a matter the caller's rung owns now; anyone else's reads as missing. */
  private act(principal: Principal, grievanceId: string, action: (tx: OutboxTransaction, matter: MatterEntity, cause: MoveCause) => Promise<void>): Promise<MatterEntity> {
    const rung = rungOf(principal);
    return this.outbox.run(async (tx) => {
      const matter = await this.matters.findForUpdate(tx.manager, grievanceId);
      if (!matter || matter.owner?.id !== rung.unitId || matter.level !== rung.level) throw DomainError.notFound('matter', grievanceId);
      if (!WORKED_STATUSES.includes(matter.status)) throw DomainError.conflict(`the matter is ${matter.status}; nothing more can be done with it here`, undefined, { key: 'error.matter.finished', params: { status: matter.status } });
      const cause: MoveCause = { actor: { id: principal.sub, role: principal.role }, correlationId: correlationIdForNewWork(), causationId: currentCorrelationId() ?? null };
      await action(tx, matter, cause);
      return matter;
    });
  }
}
