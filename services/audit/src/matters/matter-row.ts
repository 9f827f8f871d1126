import type { EventEnvelope, GrievanceStatus } from '@grievance/contracts';
import { byMatterTime, HolderRef, holderOf, levelOf, payloadField, reachesHolder, SUPERVISED_TYPE, TOP_LEVEL } from '../trace/event-facts';

/** One row of the matter index auditors search (`GET /v1/matters`). */
export interface MatterRow {
  grievanceId: string;
  trackingNo: string | null;
  kind: string | null;
  category: string | null;
  status: GrievanceStatus;
  level: string | null;
  holder: HolderRef | null;
  districtId: string | null;
  /** The department that holds, or last held, the matter. */
  departmentCode: string | null;
  gridId: string | null;
  /** When the reporter submitted it; before the submission is recorded, its earliest event. */
  submittedAt: string;
  breaches: number;
  underSupervision: boolean;
}

/** The status an event leaves the matter in (as the reporter's tracking view has it); absent: unchanged. */
const STATUS_AFTER: Record<string, GrievanceStatus> = {
  'grievance.submitted': 'submitted',
  'grievance.routed': 'routed',
  'ticket.dispatched': 'dispatched',
  'ticket.accepted': 'accepted',
  'grievance.accepted': 'in_progress',
  'grievance.reopened': 'in_progress',
  'grievance.rejected': 'rejected',
  'grievance.resolved': 'resolved',
  'grievance.closed': 'closed',
};
const ASSIGNED_STATUS: Record<string, GrievanceStatus> = { verified_on_site: 'verified', fallback: 'routed' };
/** Events after which nobody holds the matter. */
const ENDS_HOLDING = new Set(['grievance.rejected', 'grievance.closed']);

/**
 * Folds a matter's events (any order) into its index row. Pure; the consumer calls it in
 * the transaction that appends an event, over the matter's whole dossier, so a late event
 * lands in the right place.
 */
export function summariseMatter(grievanceId: string, events: readonly EventEnvelope[]): MatterRow {
  const ordered = [...events].sort(byMatterTime);
  const row: MatterRow = {
    grievanceId,
    trackingNo: null,
    kind: null,
    category: null,
    status: 'submitted',
    level: null,
    holder: null,
    districtId: null,
    departmentCode: null,
    gridId: null,
    submittedAt: ordered[0]?.occurredAt ?? new Date(0).toISOString(),
    breaches: 0,
    underSupervision: false,
  };
  for (const e of ordered) {
    const text = (field: string): string | undefined => {
      const value = payloadField(e, field);
      return typeof value === 'string' ? value : undefined;
    };
    if (e.type === 'grievance.submitted') {
      row.trackingNo = text('trackingNo') ?? row.trackingNo;
      row.submittedAt = new Date(text('submittedAt') ?? e.occurredAt).toISOString();
    }
    row.kind = text('kind') ?? row.kind;
    row.category = text('category') ?? row.category;
    row.districtId = text('districtId') ?? row.districtId;
    row.gridId = text('gridId') ?? row.gridId;
    row.departmentCode = text('departmentCode') ?? row.departmentCode;

    const holder = holderOf(e);
    if (holder && reachesHolder(e)) {
      row.holder = holder;
      row.level = levelOf(e) ?? (holder.type === 'department' ? row.level : null);
      if (holder.type === 'department') row.departmentCode = holder.id;
    }
    if (ENDS_HOLDING.has(e.type)) row.holder = null;

    const status = e.type === 'grievance.assigned' ? (ASSIGNED_STATUS[text('reason') ?? ''] ?? 'in_progress') : STATUS_AFTER[e.type];
    if (status) row.status = status;
    if (e.type === 'ticket.verified' && text('verdict') === 'confirmed') row.status = 'verified';

    if (e.type === 'sla.breached') {
      row.breaches += 1;
      const p = e.payload as { level?: string; holder?: HolderRef };
      if ((p.level ?? p.holder?.level) === TOP_LEVEL) row.underSupervision = true;
    }
    if (e.type === SUPERVISED_TYPE) row.underSupervision = true;
  }
  return row;
}
