import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, Language } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { EntityManager } from 'typeorm';
import { MatterEntity, MatterStatus } from './matter.entity';
import { MatterRepository } from './matter.repository';
import { MatterDeadlines } from '../deadlines/matter-deadlines';
import { MatterView } from './matter-view';

export { MatterView } from './matter-view';

export function matterView(m: MatterEntity): MatterView {
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
export async function withDeadlines(rows: MatterEntity[], deadlines: MatterDeadlines, language: Language): Promise<MatterView[]> {
  const views = await deadlines.viewsOf(rows.map((m) => m.grievanceId), language);
  return rows.map((m) => ({ ...matterView(m), deadlines: views.get(m.grievanceId) ?? [] }));
}

export const INBOX_LIMIT = 500;
const INBOX_STATUSES: MatterStatus[] = ['assigned', 'in_progress'];

function departmentOf(principal: Principal): string {
  if (principal.role !== 'department' || !principal.departmentCode) throw DomainError.forbidden('only a department has this inbox', undefined, { key: 'error.department.onlyDepartment' });
  return principal.departmentCode;
}

/** What a department does with the matters it holds: its inbox, accept (接单), resolve (办结). */
@Injectable()
export class DepartmentActions {
  constructor(
    private readonly matters: MatterRepository,
    private readonly outbox: TransactionalOutbox,
    private readonly deadlines: MatterDeadlines,
  ) {}

  async inbox(principal: Principal, language: Language): Promise<MatterView[]> {
    const rows = await this.matters.departmentInbox(departmentOf(principal), INBOX_STATUSES, INBOX_LIMIT);
    return withDeadlines(rows, this.deadlines, language);
  }

  /** assigned → in_progress, grievance.accepted.v1. */
  accept(principal: Principal, grievanceId: string): Promise<MatterView> {
    return this.outbox.run(async (tx) => {
      const matter = await this.theirs(tx.manager, principal, grievanceId);
      if (matter.status !== 'assigned') throw DomainError.conflict(`the matter is ${matter.status}; only an assigned matter can be accepted`, undefined, { key: 'error.matter.notAssigned', params: { status: matter.status } });
      matter.status = 'in_progress';
      await this.matters.save(tx.manager, matter);
      await this.deadlines.responded(tx, grievanceId);
      await tx.publish(
        'grievance.accepted.v1',
        createEnvelope({
          topic: 'grievance.accepted.v1',
          grievanceId,
          actor: { id: principal.sub, role: principal.role },
          payload: { holder: matter.holder },
          correlationId: correlationIdForNewWork(),
          causationId: currentCorrelationId() ?? null,
        }),
      );
      return matterView(matter);
    });
  }

  /** assigned or in_progress → resolved, grievance.resolved.v1. */
  resolve(principal: Principal, grievanceId: string, resolution: string, attachmentIds: string[]): Promise<MatterView> {
    return this.outbox.run(async (tx) => {
      const matter = await this.theirs(tx.manager, principal, grievanceId);
      if (matter.status !== 'assigned' && matter.status !== 'in_progress') {
        throw DomainError.conflict(`the matter is ${matter.status}; only an assigned or accepted matter can be resolved`, undefined, { key: 'error.matter.notResolvable', params: { status: matter.status } });
      }
      matter.status = 'resolved';
      matter.resolution = resolution;
      await this.matters.save(tx.manager, matter);
      // For an appeal a rung asked it to act on, this is the rung's resolution too.
      await this.deadlines.resolved(tx, grievanceId);
      await tx.publish(
        'grievance.resolved.v1',
        createEnvelope({
          topic: 'grievance.resolved.v1',
          grievanceId,
          actor: { id: principal.sub, role: principal.role },
          payload: { resolvedBy: matter.holder, resolution, attachmentIds },
          correlationId: correlationIdForNewWork(),
          causationId: currentCorrelationId() ?? null,
        }),
      );
      return matterView(matter);
    });
  }

  private theirs(manager: EntityManager, principal: Principal, grievanceId: string): Promise<MatterEntity> {
    return heldByDepartment(this.matters, manager, principal, grievanceId);
  }
}

/** The matter if the caller's department holds it, locked; 404 otherwise (whether or not it exists). */
export async function heldByDepartment(matters: MatterRepository, manager: EntityManager, principal: Principal, grievanceId: string): Promise<MatterEntity> {
  const code = departmentOf(principal);
  const matter = await matters.findForUpdate(manager, grievanceId);
  // An appeal is the department's only while a rung has asked it to act.
  if (!matter || matter.departmentCode !== code || (matter.level && matter.holder.id !== code)) throw DomainError.notFound('matter', grievanceId);
  return matter;
}
