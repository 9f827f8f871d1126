import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRIEVANCE_KINDS, URGENCIES } from '@grievance/contracts';

// The answers of routing's SLA settings (GET /v1/sla/*, the admin's changes), for its OpenAPI document.

const DURATION = { oneOf: [{ type: 'number', description: 'milliseconds' }, { type: 'string', description: 'an ISO-8601 duration', example: 'P2D' }] };

/** Which grievances a policy applies to; an absent key matches anything. */
export class PolicyMatchView {
  @ApiPropertyOptional({ enum: GRIEVANCE_KINDS })
  kind?: string;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'one category code or several' })
  category?: string | string[];

  @ApiPropertyOptional({ enum: URGENCIES })
  urgency?: string;

  @ApiPropertyOptional({ description: 'the rung of the escalation chain (member, branch, …) or a ticket stage (grid, department)' })
  stage?: string;
}

/** A budget per target: milliseconds or an ISO-8601 duration. */
export class PolicyTargetsView {
  @ApiPropertyOptional(DURATION)
  respond?: number | string;

  @ApiPropertyOptional(DURATION)
  resolve?: number | string;

  @ApiPropertyOptional(DURATION)
  accept?: number | string;

  @ApiPropertyOptional(DURATION)
  verify?: number | string;
}

export class PolicyView {
  @ApiProperty({ example: 'appeal.member' })
  id!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ type: () => PolicyMatchView })
  match!: PolicyMatchView;

  @ApiProperty({ type: () => PolicyTargetsView })
  targets!: PolicyTargetsView;

  @ApiPropertyOptional({ description: 'share of the budget at which the warning fires, in (0, 1]; default 0.8' })
  warnShare?: number;

  @ApiProperty({ description: 'the calendar the budget is counted in', example: 'cn-working' })
  calendar!: string;

  @ApiPropertyOptional({ description: 'overrides specificity: a higher priority wins first; default 0' })
  priority?: number;

  @ApiProperty({ description: 'the version to send back as expectedVersion' })
  version!: number;
}

export class WorkingHoursView {
  @ApiProperty({ example: '09:00' })
  from!: string;

  @ApiProperty({ example: '12:00' })
  to!: string;
}

export class CalendarView {
  @ApiProperty({ example: 'cn-working' })
  id!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ enum: ['calendar', 'working'], description: 'calendar: every minute counts; working: only working hours of working days' })
  kind!: 'calendar' | 'working';

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  timeZone?: string;

  @ApiPropertyOptional({ type: () => [WorkingHoursView] })
  workingHours?: WorkingHoursView[];

  @ApiPropertyOptional({ type: [Number], description: 'ISO weekdays off (1 = Monday … 7 = Sunday)' })
  weekend?: number[];

  @ApiPropertyOptional({ type: [String], description: 'public holidays (YYYY-MM-DD)' })
  holidays?: string[];

  @ApiPropertyOptional({ type: [String], description: 'make-up working days (调休, YYYY-MM-DD)' })
  workdays?: string[];

  @ApiProperty({ description: 'the version to send back as expectedVersion' })
  version!: number;
}

/** A change of a policy or calendar: who, when, why, and the entry before and after it. */
export class SettingsChangeView {
  @ApiProperty({ enum: ['policy', 'calendar'] })
  kind!: 'policy' | 'calendar';

  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['seed', 'put', 'retire'] })
  action!: 'seed' | 'put' | 'retire';

  @ApiProperty()
  version!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the policy or calendar before the change (null: new)' })
  before!: object | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the policy or calendar after the change (null: retired)' })
  after!: object | null;

  @ApiProperty({ description: 'who changed it' })
  actor!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  changedAt!: Date;
}

export class PoliciesView {
  @ApiProperty({ type: () => [PolicyView] })
  items!: PolicyView[];
}

export class CalendarsView {
  @ApiProperty({ type: () => [CalendarView] })
  items!: CalendarView[];
}

export class SettingsHistoryView {
  @ApiProperty({ type: () => [SettingsChangeView] })
  items!: SettingsChangeView[];
}
