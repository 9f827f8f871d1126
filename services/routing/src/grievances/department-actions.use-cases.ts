import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, Language } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { EntityManager } from 'typeorm';
import { GrievanceEntity, GrievanceStatus } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { GrievanceView } from './grievance-view';

export { GrievanceView } from './grievance-view';

export function grievanceView(m: GrievanceEntity): GrievanceView {
  return {
    grievanceId: m.grievanceId,
    trackingNo: m.trackingNo,
    kind: m.kind,
    category: m.category,
    title: m.title,
    description: m.description,
    urgency: m.urgency,
    location: m.location,
    attachmentIds: m.attachmentIds,
    districtId: m.districtId,
    gridId: m.gridId,
    departmentCode: m.departmentCode,
    holder: m.holder,
    status: m.status,
    fallback: m.fallback,
    resolution: m.resolution,
    level: m.level,
    owner: m.owner,
    bounces: m.bounces,
    underSupervision: m.underSupervision,
    submittedAt: m.submittedAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** Inbox rows with the time left on each open deadline (its warning in `language`). */
export async function withDeadlines(rows: GrievanceEntity[], deadlines: GrievanceDeadlines, language: Language): Promise<GrievanceView[]> {
  const views = await deadlines.viewsOf(rows.map((m) => m.grievanceId), language);
  return rows.map((m) => ({ ...grievanceView(m), deadlines: views.get(m.grievanceId) ?? [] }));
}

export const INBOX_LIMIT = 500;
const INBOX_STATUSES: GrievanceStatus[] = ['assigned', 'in_progress'];

function departmentOf(principal: Principal): string {
  if (principal.role !== 'department' || !principal.departmentCode) throw DomainError.forbidden('only a department has this inbox', undefined, { key: 'error.department.onlyDepartment' });
  return principal.departmentCode;
}

/** What a department does with the grievances it holds: its inbox, accept (接单), resolve (办结). */
@Injectable()
export class DepartmentActions {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly outbox: TransactionalOutbox,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  async inbox(principal: Principal, language: Language): Promise<GrievanceView[]> {
    const rows = await this.grievances.departmentInbox(departmentOf(principal), INBOX_STATUSES, INBOX_LIMIT);
    return withDeadlines(rows, this.deadlines, language);
  }

  /** assigned → in_progress, grievance.accepted.v1. */
  accept(principal: Principal, grievanceId: string): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await this.theirs(tx.manager, principal, grievanceId);
      if (grievance.status !== 'assigned') throw DomainError.conflict(`the grievance is ${grievance.status}; only an assigned grievance can be accepted`, undefined, { key: 'error.grievance.notAssigned', params: { status: grievance.status } });
      grievance.status = 'in_progress';
      await this.grievances.save(tx.manager, grievance);
      await this.deadlines.responded(tx, grievanceId);
      await tx.publish(
        'grievance.accepted.v1',
        createEnvelope({
          topic: 'grievance.accepted.v1',
          grievanceId,
          actor: { id: principal.sub, role: principal.role },
          payload: { holder: grievance.holder },
          correlationId: correlationIdForNewWork(),
          causationId: currentCorrelationId() ?? null,
        }),
      );
      return grievanceView(grievance);
    });
  }

  /** assigned or in_progress → resolved, grievance.resolved.v1. */
  resolve(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<GrievanceView> {
    return this.outbox.run(async (tx) => {
      const grievance = await this.theirs(tx.manager, principal, grievanceId);
      if (grievance.status !== 'assigned' && grievance.status !== 'in_progress') {
        throw DomainError.conflict(`the grievance is ${grievance.status}; only an assigned or accepted grievance can be resolved`, undefined, { key: 'error.grievance.notResolvable', params: { status: grievance.status } });
      }
      grievance.status = 'resolved';
      grievance.resolution = resolution;
      await this.grievances.save(tx.manager, grievance);
      // For an appeal a rung asked it to act on, this is the rung's resolution too.
      await this.deadlines.resolved(tx, grievanceId);
      await tx.publish(
        'grievance.resolved.v1',
        createEnvelope({
          topic: 'grievance.resolved.v1',
          grievanceId,
          actor: { id: principal.sub, role: principal.role },
          payload: { resolvedBy: grievance.holder, resolution, attachmentIds },
          correlationId: correlationIdForNewWork(),
          causationId: currentCorrelationId() ?? null,
        }),
      );
      return grievanceView(grievance);
    });
  }

  private theirs(manager: EntityManager, principal: Principal, grievanceId: string): Promise<GrievanceEntity> {
    return heldByDepartment(this.grievances, manager, principal, grievanceId);
  }
}

/** The grievance if the caller's department holds it, locked; 404 otherwise (whether or not it exists). */
export async function heldByDepartment(grievances: GrievanceRepository, manager: EntityManager, principal: Principal, grievanceId: string): Promise<GrievanceEntity> {
  const code = departmentOf(principal);
  const grievance = await grievances.findForUpdate(manager, grievanceId);
  // An appeal is the department's only while a rung has asked it to act.
  if (!grievance || grievance.departmentCode !== code || (grievance.level && grievance.holder.id !== code)) throw DomainError.notFound('grievance', grievanceId);
  return grievance;
}
