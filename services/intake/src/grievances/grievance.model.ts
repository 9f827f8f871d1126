import type { GrievanceKind, GrievanceStatus, Holder, Level, Urgency } from '@grievance/contracts';

/** A matter as intake keeps it: what was reported and where it stands now. */
export interface GrievanceRecord {
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
  status: GrievanceStatus;
  statusAt: Date;
  reopenedAt: Date | null;
  level: Level | null;
  levelAt: Date | null;
  holder: Holder | null;
  holderAt: Date | null;
  underSupervision: boolean;
  duplicateOf: string | null;
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
