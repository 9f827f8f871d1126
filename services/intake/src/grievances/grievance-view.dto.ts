import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRIEVANCE_KINDS, GRIEVANCE_STATUSES, GrievanceKind, LEVELS, URGENCIES } from '@grievance/contracts';
import { HolderView, LocationView } from '@grievance/platform';

// The answers of the tracking view, for its OpenAPI document (what GET /v1/grievances and
// GET /v1/grievances/:id return; the service builds them in TrackingViewService).

/** What a submission answers (201), and the same again for a request repeated under its Idempotency-Key. */
export class SubmissionAnswerView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'NC-20261207-000042' })
  trackingNo!: string;

  @ApiProperty({ enum: ['submitted'] })
  status!: 'submitted';
}

/** A category a reporter can choose. */
export class CategoryView {
  @ApiProperty({ example: 'road_damage' })
  code!: string;

  @ApiProperty({ description: 'its name in Chinese' })
  name!: string;

  @ApiProperty({ enum: GRIEVANCE_KINDS })
  kind!: GrievanceKind;

  @ApiProperty({ type: String, nullable: true, description: 'the department a grievance of this category goes to, unless a route says otherwise' })
  defaultDepartment!: string | null;
}

export class ActorView {
  @ApiProperty({ example: 'municipal_works' })
  id!: string;

  @ApiProperty({ example: 'department' })
  role!: string;
}

export class HistoryLineView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'grievance.resolved' })
  type!: string;

  @ApiProperty({ type: () => ActorView })
  actor!: ActorView;

  @ApiProperty({ description: 'the line in the Accept-Language' })
  summary!: string;
}

export class AttachmentLinkView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: "where the reader downloads it: intake's GET /v1/attachments/:id", example: '/v1/attachments/0195a8c4-1b2c-7d3e-8f40-123456789abc' })
  url!: string;
}

export class ResolutionView {
  @ApiProperty({ format: 'date-time' })
  resolvedAt!: string;

  @ApiProperty({ type: () => HolderView })
  resolvedBy!: HolderView;

  @ApiProperty({ description: 'what the holder says was done' })
  resolution!: string;

  @ApiProperty({ type: () => [AttachmentLinkView], description: 'the fix photos, downloadable by the reporter and the co-reporters' })
  attachments!: AttachmentLinkView[];
}

export class OriginalSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'NC-20261203-000042' })
  trackingNo!: string;

  @ApiProperty({ enum: GRIEVANCE_STATUSES })
  status!: string;
}

export class OriginalView extends OriginalSummaryView {
  @ApiProperty({ format: 'date-time', description: 'when the reader was joined to it as a co-reporter' })
  joinedAt!: string;

  @ApiProperty({ type: () => HolderView, nullable: true })
  holder!: HolderView | null;

  @ApiProperty({ type: () => [HistoryLineView], description: "the original's history (without the dialogue between its holder and its reporter)" })
  history!: HistoryLineView[];
}

export class GrievanceSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'NC-20261203-000042' })
  trackingNo!: string;

  @ApiProperty({ enum: GRIEVANCE_KINDS })
  kind!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: URGENCIES })
  urgency!: string;

  @ApiProperty({ enum: GRIEVANCE_STATUSES, description: "where the grievance stands; a duplicate's is the original's, which is the one worked on" })
  status!: string;

  @ApiProperty({ enum: LEVELS, nullable: true })
  level!: string | null;

  @ApiProperty({ type: () => HolderView, nullable: true, description: "who must act now (a duplicate's: the original's)" })
  holder!: HolderView | null;

  @ApiProperty()
  underSupervision!: boolean;

  @ApiProperty({ description: 'the round of supervision (督办): 0 none, 1 the first; each follow-up deadline the supervising unit missed adds one' })
  supervisionRound!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the original this grievance was joined to as a duplicate' })
  duplicateOf!: string | null;

  @ApiPropertyOptional({ type: () => OriginalSummaryView, description: 'for a duplicate: the grievance it was joined to' })
  original?: OriginalSummaryView;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;
}

export class GrievancePageView {
  @ApiProperty({ type: () => [GrievanceSummaryView] })
  items!: GrievanceSummaryView[];

  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

export class GrievanceView extends GrievanceSummaryView {
  @ApiProperty()
  description!: string;

  @ApiProperty({ type: () => LocationView, nullable: true })
  location!: LocationView | null;

  @ApiProperty({ type: [String], description: "the report's photos" })
  attachmentIds!: string[];

  @ApiProperty({ type: () => ResolutionView, nullable: true, description: "the latest resolution of the grievance worked on (a duplicate's: the original's), with the department's fix photos" })
  resolution!: ResolutionView | null;

  @ApiPropertyOptional({ type: () => OriginalView, description: "for a duplicate: the grievance it was joined to, its status and its history, which its reporter follows as a co-reporter" })
  declare original?: OriginalView;

  @ApiPropertyOptional({ type: [String], description: "the grievance's co-reporters (to its reporter only)" })
  coReporters?: string[];

  @ApiProperty({ type: () => [HistoryLineView], description: "this grievance's own history" })
  history!: HistoryLineView[];
}
