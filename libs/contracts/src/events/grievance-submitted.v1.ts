import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { OCCUPATIONS, Occupation } from '../vocabulary';
import { nested } from './common';
import { MatterSummary } from './matter-summary';

export class Reporter {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id!: string;

  @IsOptional()
  @IsIn(OCCUPATIONS)
  occupation?: Occupation;
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
