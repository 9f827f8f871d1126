import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LANGUAGES, Language, OCCUPATIONS, Occupation } from '../vocabulary';
import { nested } from './common';
import { MatterSummary } from './matter-summary';

/** What is known of a reporter beyond their id: from their registration, or given with the submission. */
export class ReporterProfile {
  @IsOptional()
  @IsIn(OCCUPATIONS)
  occupation?: Occupation;

  /** The platform they work for (美团, 顺丰, 滴滴, 货拉拉, …), as they name it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  platform?: string;

  /** The language they read their notifications in. */
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class Reporter extends ReporterProfile {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id!: string;
}

/** grievance.submitted.v1: a worker handed in a hazard report, an appeal or a suggestion. */
export class GrievanceSubmittedV1 extends MatterSummary {
  @ValidateNested()
  @nested(Reporter)
  reporter!: Reporter;

  /** Set when intake linked the report to an open one nearby (the reporter becomes a co-reporter). */
  @IsOptional()
  @IsUUID()
  duplicateOf?: string;

  @IsISO8601()
  submittedAt!: string;
}
