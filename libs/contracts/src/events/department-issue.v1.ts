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
import { GRIEVANCE_KINDS, GrievanceKind, URGENCIES, Urgency } from '../vocabulary';
import { GeoPoint, nested } from './common';

/**
 * department.<code>.issues.v1: a matter routed to a department, self-contained so that a
 * department's own systems can act on it with any Kafka client.
 */
export class DepartmentIssueV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  departmentCode!: string;

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

  @IsISO8601()
  routedAt!: string;
}
