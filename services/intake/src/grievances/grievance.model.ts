import type { GrievanceKind, Urgency } from '@grievance/contracts';
import type { TrackedState } from '../tracking/tracking-rules';

/** A matter as intake keeps it: what was reported, and where it stands now (TrackedState). */
export interface GrievanceRecord extends TrackedState {
  id: string;
  trackingNo: string;
  reporterId: string;
  kind: GrievanceKind;
  category: string;
  title: string;
  description: string;
  urgency: Urgency;
  location: { lat: number; lng: number; address?: string } | null;
  attachmentIds: string[];
  submittedAt: Date;
}

export interface HistoryEntry {
  at: string;
  type: string;
  actor: { id: string; role: string };
  summary: string;
}

export interface SubmissionAnswer {
  id: string;
  trackingNo: string;
  status: 'submitted';
}
