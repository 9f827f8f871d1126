import type { Actor, DepartmentIssueV1, EventEnvelope, GrievanceSubmittedV1, Holder } from '@grievance/contracts';
import type { GrievanceEntity } from './grievance.entity';

/** Who signs the events routing emits by itself. */
export const ROUTING_ACTOR: Actor = { id: 'routing', role: 'system' };

/** The self-contained issue a department's own topic carries. */
export function departmentIssue(
  grievance: Pick<GrievanceEntity, 'trackingNo' | 'kind' | 'category' | 'title' | 'description' | 'urgency' | 'location' | 'attachmentIds'>,
  departmentCode: string, routedAt: Date): DepartmentIssueV1 {
  return {
    trackingNo: grievance.trackingNo,
    kind: grievance.kind,
    category: grievance.category,
    title: grievance.title,
    description: grievance.description,
    urgency: grievance.urgency,
    ...(grievance.location ? { location: grievance.location } : {}),
    attachmentIds: grievance.attachmentIds,
    departmentCode,
    routedAt: routedAt.toISOString(),
  };
}

export function departmentHolder(code: string, name: string | undefined): Holder {
  return { type: 'department', id: code, name: name ?? code };
}

/** What routing keeps of a submission, whoever takes it first (a grid, a department, a rung). */
export function submissionFacts(event: EventEnvelope<GrievanceSubmittedV1>) {
  const submitted = event.payload;
  return {
    grievanceId: event.grievanceId,
    trackingNo: submitted.trackingNo,
    kind: submitted.kind,
    category: submitted.category,
    title: submitted.title,
    description: submitted.description,
    urgency: submitted.urgency,
    location: submitted.location ?? null,
    attachmentIds: submitted.attachmentIds,
    reporterId: submitted.reporter.id,
    resolution: null,
    submittedAt: new Date(submitted.submittedAt),
  };
}
