import type { components as AuditSchemas } from './audit';
import type { components as FeedbackSchemas } from './feedback';
import type { components as GridDispatchSchemas } from './grid-dispatch';
import type { components as IntakeSchemas } from './intake';

/** What the services answer, as the console reads it (their OpenAPI documents do not describe answers yet). */
export interface Session {
  principal: { sub: string; role: Role; orgUnitId?: string; gridId?: string; departmentCode?: string };
  name: string;
}
export type Role = 'worker' | 'member' | 'branch' | 'industry_committee' | 'two_new_committee' | 'grid_worker' | 'department' | 'station_staff' | 'auditor' | 'admin';

export interface Persona {
  id: string;
  name: string;
  group: Role;
  principal: Session['principal'];
}

export interface Category {
  code: string;
  name: string;
  kind: 'hazard' | 'appeal' | 'suggestion';
}

export interface MatterSummary {
  id: string;
  trackingNo: string;
  kind: string;
  category: string;
  title: string;
  status: string;
  underSupervision: boolean;
  submittedAt: string;
  /** The original this matter was joined to as a duplicate (its status is then the original's). */
  duplicateOf?: string | null;
  original?: IntakeSchemas['schemas']['OriginalSummaryView'];
}

export interface HistoryEntry {
  at: string;
  type: string;
  actor: { id: string; role: string };
  summary: string;
}

export interface MatterDetail extends MatterSummary {
  description: string;
  urgency: string;
  location: { lat: number; lng: number; address?: string } | null;
  attachmentIds: string[];
  history: HistoryEntry[];
  /** For a duplicate: the matter it was joined to, its status and its history, which its reporter follows as a co-reporter. */
  original?: OriginalMatter;
  /** The latest resolution of the matter worked on (a duplicate's: the original's), with the department's fix photos. */
  resolution: Resolution | null;
}

export type OriginalMatter = IntakeSchemas['schemas']['OriginalView'];
export type Resolution = IntakeSchemas['schemas']['ResolutionView'];
/** A grid worker's duty (在岗), as dispatch sees it. */
export type Duty = GridDispatchSchemas['schemas']['DutyView'];
/** A holder's staff notifications (员工提醒): a page, newest first, and the unread count. */
export type StaffNotificationPage = FeedbackSchemas['schemas']['StaffNotificationPage'];
/** A station's walk-ins (GET /v1/stations/me/walk-ins). */
export type WalkInPage = IntakeSchemas['schemas']['WalkInPageView'];

// Points (积分), from feedback's OpenAPI document.
type FeedbackSchema<K extends keyof FeedbackSchemas['schemas']> = FeedbackSchemas['schemas'][K];
export type Points = FeedbackSchema<'PointsView'>;
export type Redemption = FeedbackSchema<'RedemptionView'>;
export type CatalogueItem = FeedbackSchema<'CatalogueItemView'>;
export type Catalogue = FeedbackSchema<'CatalogueView'>;
export type BenefitApplication = FeedbackSchema<'BenefitApplicationView'>;
export type VolunteeringAward = FeedbackSchema<'VolunteeringAwardView'>;

export interface WorkerRegistration {
  registered?: boolean;
  occupation: string;
  platform?: string | null;
  branchId?: string | null;
}

export interface OrgUnit {
  id: string;
  name: string;
  level?: string;
}

export interface Grid {
  id: string;
  name: string;
  polygon: { type: 'Polygon'; coordinates: number[][][] };
}

export interface Ticket {
  id: string;
  grievanceId: string;
  gridId: string;
  status: 'undispatched' | 'dispatched' | 'accepted' | 'verified' | string;
  acceptBy: string | null;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  verifiedAt: string | null;
  verdict: string | null;
  report: { trackingNo: string; category: string; title: string; location: { lat: number; lng: number; address?: string } | null } | null;
}

export interface Deadline {
  target: 'respond' | 'resolve' | 'accept' | 'verify';
  status: string;
  startedAt: string;
  dueAt: string | null;
  remainingMs: number | null;
  breached: boolean;
}

export interface Matter {
  grievanceId: string;
  trackingNo: string;
  kind: string;
  category: string;
  title: string;
  description: string;
  urgency: string;
  location: { lat: number; lng: number; address?: string } | null;
  attachmentIds: string[];
  districtId: string | null;
  status: string;
  resolution: string | null;
  submittedAt: string;
  deadlines?: Deadline[];
}

// The auditor's views, as the audit service's OpenAPI document gives them.
type AuditSchema<K extends keyof AuditSchemas['schemas']> = AuditSchemas['schemas'][K];
export type Trace = AuditSchema<'TraceViewSchema'>;
export type DeadlineReplay = AuditSchema<'DeadlineReplaySchema'>;
export type AuditHolder = AuditSchema<'HolderRefSchema'>;
export type MattersPage = AuditSchema<'MattersViewSchema'>;
export type AuditMatter = AuditSchema<'MatterRowSchema'>;
export type RatesPage = AuditSchema<'RatesViewSchema'>;
export type RankingsPage = AuditSchema<'RankingsViewSchema'>;
export type AssessmentPage = AuditSchema<'AssessmentViewSchema'>;
export type BreachesPage = AuditSchema<'BreachesViewSchema'>;
