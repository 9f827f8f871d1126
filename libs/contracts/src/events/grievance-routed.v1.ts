import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GRIEVANCE_KINDS, GrievanceKind, LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';
import { GrievanceSubmittedV1, ReporterProfile, selfReporterOf } from './grievance-submitted.v1';
import { GrievanceSummary } from './grievance-summary';

/**
 * A hazard's report, carried by its routing: whoever acts on the routed hazard (grid-dispatch
 * opens its ticket) has the report with it, without waiting for grievance.submitted.v1 or
 * reading it at all. The submission's own words, as handed in.
 */
export class RoutedReport extends GrievanceSummary {
  @IsISO8601()
  submittedAt!: string;

  /** The reporter's id when they handed it in themself (not logged for them by a station's staff or anybody else). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reportedBy?: string;

  /** A walk-in (驿站代办): the station whose staff logged it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  loggedAtStationId?: string;
}

/** The report a routing of this submission carries (see RoutedReport). */
export function routedReportOf(submission: { actor: { id: string; role: string }; payload: GrievanceSubmittedV1 }): RoutedReport {
  const { payload } = submission;
  const reportedBy = selfReporterOf(submission);
  return {
    trackingNo: payload.trackingNo,
    kind: payload.kind,
    category: payload.category,
    title: payload.title,
    description: payload.description,
    urgency: payload.urgency,
    ...(payload.location ? { location: payload.location } : {}),
    attachmentIds: payload.attachmentIds,
    submittedAt: payload.submittedAt,
    ...(reportedBy ? { reportedBy } : {}),
    ...(payload.loggedAt ? { loggedAtStationId: payload.loggedAt.stationId } : {}),
  };
}

/** grievance.routed.v1: routing decided who owns a grievance first. */
export class GrievanceRoutedV1 {
  @IsIn(GRIEVANCE_KINDS)
  kind!: GrievanceKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  districtId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  gridId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentCode?: string;

  /** For appeals: the rung of the escalation chain that holds it first. */
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  /** True when no rule matched and the fallback owner (兜底) took it. */
  @IsBoolean()
  fallback!: boolean;

  /**
   * The reporter as routing knows them: their registration (PUT /v1/workers/me) where they
   * registered, else what the submission said. Absent when nothing is known.
   */
  @IsOptional()
  @ValidateNested()
  @nested(ReporterProfile)
  reporter?: ReporterProfile;

  /** For a hazard: its report (see RoutedReport). Absent on an appeal, and on hazards routed before it was carried. */
  @IsOptional()
  @ValidateNested()
  @nested(RoutedReport)
  report?: RoutedReport;
}
