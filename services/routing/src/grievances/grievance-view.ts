import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRIEVANCE_KINDS, Level, LEVELS, SLA_TARGETS, SlaTarget, URGENCIES } from '@grievance/contracts';
import { HolderView, LocationView } from '@grievance/platform';
import { DEADLINE_STATUSES, DeadlineStatus } from '@grievance/sla';
import { GRIEVANCE_STATUSES, GrievanceStatus } from './grievance.entity';

// The answers of routing's grievances (GET /v1/inbox and each holder's action), for its OpenAPI document.

/** A deadline as an inbox shows it. */
export class DeadlineView {
  @ApiProperty({ enum: SLA_TARGETS })
  target!: SlaTarget;

  @ApiProperty({ enum: DEADLINE_STATUSES })
  status!: DeadlineStatus;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'budget left now in ms (negative once overdue); null while paused without a due moment' })
  remainingMs!: number | null;

  @ApiProperty()
  warned!: boolean;

  @ApiProperty()
  breached!: boolean;

  @ApiProperty({ type: String, nullable: true, description: "in the reader's language (Accept-Language): the time left once the warning fired, the time past once overdue; else null" })
  notice!: string | null;
}

/** A grievance as its holder works it. */
export class GrievanceView {
  @ApiProperty({ format: 'uuid' })
  grievanceId!: string;

  @ApiProperty({ example: 'NC-20261203-000042' })
  trackingNo!: string;

  @ApiProperty({ enum: GRIEVANCE_KINDS })
  kind!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: URGENCIES })
  urgency!: string;

  @ApiProperty({ type: () => LocationView, nullable: true })
  location!: LocationView | null;

  @ApiProperty({ type: [String], description: "the report's photos" })
  attachmentIds!: string[];

  @ApiProperty({ type: String, nullable: true })
  districtId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  gridId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  departmentCode!: string | null;

  @ApiProperty({ type: () => HolderView, description: 'who must act now' })
  holder!: HolderView;

  @ApiProperty({ enum: GRIEVANCE_STATUSES })
  status!: GrievanceStatus;

  @ApiProperty({ description: 'routed to the fallback owner: no route matched' })
  fallback!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'what the holder says was done' })
  resolution!: string | null;

  @ApiProperty({ enum: LEVELS, nullable: true, description: 'appeals: the rung that owns the grievance' })
  level!: Level | null;

  @ApiProperty({ type: () => HolderView, nullable: true, description: 'appeals: the rung that owns it (stays the owner while a department it asked acts)' })
  owner!: HolderView | null;

  @ApiProperty({ description: 'returns (退单) so far' })
  bounces!: number;

  @ApiProperty({ description: 'under supervision (督办)' })
  underSupervision!: boolean;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiPropertyOptional({ type: () => [DeadlineView], description: 'the open SLA deadlines of the holder, with the time left (inbox views)' })
  deadlines?: DeadlineView[];
}

/** What the caller's department or rung holds now, oldest first. */
export class InboxView {
  @ApiProperty({ type: () => [GrievanceView] })
  items!: GrievanceView[];
}
