import { IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { LEVELS, Level, SLA_TARGETS, SlaTarget } from '../vocabulary';
import { Holder, nested } from './common';

/** What sla.warned.v1 and sla.breached.v1 both carry: which deadline, whose, and when. */
export class SlaDeadlineFired {
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

/** sla.breached.v1: a holder missed its deadline; the matter passes up. */
export class SlaBreachedV1 extends SlaDeadlineFired {}
