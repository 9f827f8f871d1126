import type { Actor, DepartmentIssueV1, Holder } from '@grievance/contracts';
import type { MatterEntity } from './matter.entity';

/** Who signs the events routing emits by itself. */
export const ROUTING_ACTOR: Actor = { id: 'routing', role: 'system' };

/** The self-contained issue a department's own topic carries. */
export function departmentIssue(
  matter: Pick<MatterEntity, 'trackingNo' | 'kind' | 'category' | 'title' | 'description' | 'urgency' | 'location' | 'attachmentIds'>,
  departmentCode: string, routedAt: Date): DepartmentIssueV1 {
  return {
    trackingNo: matter.trackingNo,
    kind: matter.kind,
    category: matter.category,
    title: matter.title,
    description: matter.description,
    urgency: matter.urgency,
    ...(matter.location ? { location: matter.location } : {}),
    attachmentIds: matter.attachmentIds,
    departmentCode,
    routedAt: routedAt.toISOString(),
  };
}

export function departmentHolder(code: string, name: string | undefined): Holder {
  return { type: 'department', id: code, name: name ?? code };
}
