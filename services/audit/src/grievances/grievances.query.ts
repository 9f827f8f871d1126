import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { GRIEVANCE_KINDS, GRIEVANCE_STATUSES, GrievanceKind, GrievanceStatus, LEVELS, Level } from '@grievance/contracts';
import { LimitParam } from '../shared/limit.query';
import { ExportableTimeRangeQuery } from '../shared/time-range.query';
import type { SortOrder } from './grievances.repository';

const BOOLEANS = ['true', 'false'] as const;
const CODE = /^[a-z][a-z0-9_-]{0,63}$/;

/** `GET /v1/matters`: every filter optional; `from`/`to` bound the submission time. */
export class GrievancesQuery extends ExportableTimeRangeQuery {
  @ApiPropertyOptional({ description: 'the tracking number, exactly' })
  @IsOptional()
  @MaxLength(40, { message: 'trackingNo must be a tracking number' })
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'trackingNo must be a tracking number' })
  trackingNo?: string;

  @ApiPropertyOptional({ enum: GRIEVANCE_KINDS })
  @IsOptional()
  @IsIn(GRIEVANCE_KINDS)
  kind?: GrievanceKind;

  @ApiPropertyOptional({ description: 'a category code' })
  @IsOptional()
  @Matches(CODE, { message: 'category must be a category code' })
  category?: string;

  @ApiPropertyOptional({ description: 'a district id' })
  @IsOptional()
  @Matches(CODE, { message: 'district must be a district id' })
  district?: string;

  @ApiPropertyOptional({ description: 'a department code: grievances it holds or last held' })
  @IsOptional()
  @Matches(CODE, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ enum: LEVELS, description: 'the rung holding it now' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ enum: GRIEVANCE_STATUSES })
  @IsOptional()
  @IsIn(GRIEVANCE_STATUSES)
  status?: GrievanceStatus;

  @ApiPropertyOptional({ enum: BOOLEANS, description: 'true: at least one SLA deadline breached' })
  @IsOptional()
  @IsIn(BOOLEANS, { message: 'breached must be true or false' })
  breached?: (typeof BOOLEANS)[number];

  @ApiPropertyOptional({ enum: BOOLEANS, description: 'true: under supervision (督办)' })
  @IsOptional()
  @IsIn(BOOLEANS, { message: 'supervised must be true or false' })
  supervised?: (typeof BOOLEANS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc', description: 'by submission time' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  sort?: SortOrder;

  @LimitParam(1000, 50)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export const asBoolean = (value: 'true' | 'false' | undefined): boolean | undefined => (value === undefined ? undefined : value === 'true');
