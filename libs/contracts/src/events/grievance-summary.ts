import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GRIEVANCE_KINDS, GrievanceKind, URGENCIES, Urgency } from '../vocabulary';
import { GeoPoint, nested } from './common';

/**
 * What a grievance is about, as its reporter handed it in: carried by the submission and,
 * self-contained, by the issue a department receives.
 */
export class GrievanceSummary {
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
}
