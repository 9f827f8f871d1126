import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GRIEVANCE_KINDS, GrievanceKind, OCCUPATIONS, Occupation, URGENCIES, Urgency } from '../vocabulary';
import { GeoPoint, nested } from './common';

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
export class GrievanceSubmittedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  trackingNo!: string;

  @IsIn(GRIEVANCE_KINDS)
  kind!: GrievanceKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsString()
  @MaxLength(5000)
  description!: string;

  @IsIn(URGENCIES)
  urgency!: Urgency;

  @IsOptional()
  @ValidateNested()
  @nested(GeoPoint)
  location?: GeoPoint;

  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds!: string[];

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
