import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { LEVELS, Level, SLA_TARGETS, SlaTarget } from '../vocabulary';
import { Holder, nested } from './common';

/** Which deadline an SLA event is about: its id, what it measures, whose it is, at which rung. */
export class SlaDeadlineRef {
  @IsString()
  @MaxLength(100)
  deadlineId!: string;

  @IsIn(SLA_TARGETS)
  target!: SlaTarget;

  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;
}

/** What sla.warned.v1 and sla.breached.v1 both carry: which deadline, whose, and when. */
export class SlaDeadlineFired extends SlaDeadlineRef {
  @IsISO8601()
  startedAt!: string;

  @IsISO8601()
  dueAt!: string;

  @IsISO8601()
  firedAt!: string;

  /** The budget the policy gave, in milliseconds of (working or calendar) time. */
  @IsInt()
  @Min(0)
  budgetMs!: number;
}

/** sla.warned.v1: a holder has used the warning share (default 80%) of its budget. */
export class SlaWarnedV1 extends SlaDeadlineFired {}

/** sla.breached.v1: a holder missed its deadline; the grievance passes up. */
export class SlaBreachedV1 extends SlaDeadlineFired {}

/**
 * sla.started.v1: a holder's deadline started (the grievance reached it, or passed to it with a
 * fresh or carried budget). Published by the engine that armed it, in the same transaction,
 * once per deadline: with the holder's later accept / resolve (or the ticket's accept /
 * verify) it shows a deadline that was met, which sla.warned.v1 / sla.breached.v1 never do.
 */
export class SlaStartedV1 extends SlaDeadlineRef {
  /** What within the grievance it is about: `grievance`, `ticket:<id>`, `supervision`. */
  @IsString()
  @MaxLength(200)
  subject!: string;

  /** The stage the policy was matched at (a rung, `department`, `grid`, `supervision`). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stage?: string;

  @IsString()
  @MaxLength(100)
  policyId!: string;

  @IsInt()
  @Min(0)
  policyVersion!: number;

  /** The deadline this one carries on (a hand-over along the chain), if any. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  previousDeadlineId?: string;

  /** When the holder's clock started (the grievance reached it), not when the event was written. */
  @IsISO8601()
  startedAt!: string;

  /** Absent while the clock starts stopped (waiting for the reporter). */
  @IsOptional()
  @IsISO8601()
  dueAt?: string;

  /** When the warning is due (absent when it is not planned). */
  @IsOptional()
  @IsISO8601()
  warnAt?: string;

  /** The budget the policy gave, in milliseconds of (working or calendar) time. */
  @IsInt()
  @Min(0)
  budgetMs!: number;

  /** Whether the clock starts stopped (the grievance already waits for the reporter). */
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}
