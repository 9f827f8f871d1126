import { grievanceStateAfterEnvelope, submittedGrievanceState, type EventEnvelope, type GrievanceStatus } from '@grievance/contracts';
import { byGrievanceTime, HolderRef, payloadField } from '../trace/event-facts';

/** One row of the grievance index auditors search (`GET /v1/matters`). */
export interface GrievanceRow {
  grievanceId: string;
  trackingNo: string | null;
  kind: string | null;
  category: string | null;
  status: GrievanceStatus;
  level: string | null;
  holder: HolderRef | null;
  districtId: string | null;
  /** The department that holds, or last held, the grievance. */
  departmentCode: string | null;
  gridId: string | null;
  /** When the reporter submitted it; before the submission is recorded, its earliest event. */
  submittedAt: string;
  breaches: number;
  underSupervision: boolean;
}

/**
 * Folds a grievance's events (any order) into its index row. Pure; the consumer calls it in
 * the transaction that appends an event, over the grievance's whole dossier, so a late event
 * lands in the right place. Status, holder, rung and supervision are the grievance's state as
 * the contracts read it; the rest are the index's own columns.
 */
export function summariseGrievance(grievanceId: string, events: readonly EventEnvelope[]): GrievanceRow {
  const ordered = [...events].sort(byGrievanceTime);
  const row: GrievanceRow = {
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
  let state = submittedGrievanceState();
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
    // A confirmed on-site check may correct the category (ticket.verified's correctedCategory).
    row.category = text('category') ?? (e.type === 'ticket.verified' && text('verdict') === 'confirmed' ? text('correctedCategory') : undefined) ?? row.category;
    row.districtId = text('districtId') ?? row.districtId;
    row.gridId = text('gridId') ?? row.gridId;
    row.departmentCode = text('departmentCode') ?? row.departmentCode;
    if (e.type === 'sla.breached') row.breaches += 1;

    const before = state;
    state = grievanceStateAfterEnvelope(state, e);
    // The department that holds it now, or held it last.
    if (state.holder !== before.holder && state.holder?.type === 'department') row.departmentCode = state.holder.id;
  }
  return { ...row, status: state.status, level: state.level, holder: state.holder, underSupervision: state.underSupervision };
}
