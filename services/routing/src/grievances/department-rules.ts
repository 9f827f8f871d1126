import { Principal } from '@grievance/auth';
import { createEnvelope, EventEnvelope, Language, PayloadOf, TopicName } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { GrievanceEntity, GrievanceStatus } from './grievance.entity';
import { GrievanceRepository } from './grievance.repository';
import { GrievanceView } from './grievance-view';

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

/** What the caller's department holds, assigned or accepted, with the time left on each deadline. */
export async function departmentInbox(grievances: GrievanceRepository, deadlines: GrievanceDeadlines, principal: Principal, language: Language): Promise<GrievanceView[]> {
  const rows = await grievances.departmentInbox(departmentOf(principal), INBOX_STATUSES, INBOX_LIMIT);
  return withDeadlines(rows, deadlines, language);
}

/** The grievance if the caller's department holds it, locked; 404 otherwise (whether or not it exists). */
export async function heldByDepartment(grievances: GrievanceRepository, principal: Principal, grievanceId: string): Promise<GrievanceEntity> {
  const code = departmentOf(principal);
  const grievance = await grievances.findForUpdate(grievanceId);
  // An appeal is the department's only while a rung has asked it to act.
  if (!grievance || grievance.departmentCode !== code || (grievance.level && grievance.holder.id !== code)) throw DomainError.notFound('grievance', grievanceId);
  return grievance;
}

/** Publishes what the caller (a department) did to the grievance, as new work caused by the request. */
export async function publishByCaller<T extends TopicName>(tx: OutboxTransaction, principal: Principal, grievanceId: string, topic: T, payload: PayloadOf<T>): Promise<EventEnvelope> {
  const envelope = createEnvelope({
    topic,
    grievanceId,
    actor: { id: principal.sub, role: principal.role },
    payload,
    correlationId: correlationIdForNewWork(),
    causationId: currentCorrelationId() ?? null,
  });
  await tx.publish(topic, envelope);
  return envelope as EventEnvelope;
}
