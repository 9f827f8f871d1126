import type { GrievanceKind, Urgency } from '@grievance/contracts';
import type { Message } from '@grievance/i18n';
import type { TrackedState } from '../tracking/tracking-rules';

/** A grievance as intake keeps it: what was reported, and where it stands now (TrackedState). */
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

/** One line of a grievance's history as recorded: its summary is rendered when read, in the reader's language. */
export interface HistoryEntry {
  at: string;
  type: string;
  actor: { id: string; role: string };
  summary: Message;
}

/** One line of a grievance's history as its reader sees it. */
export interface HistoryLine extends Omit<HistoryEntry, 'summary'> {
  summary: string;
}

export interface SubmissionAnswer {
  id: string;
  trackingNo: string;
  status: 'submitted';
}
