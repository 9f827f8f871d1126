import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ASSESSED_UNITS, AssessedUnit } from './assessment';
import { ExportableTimeRangeQuery, EXPORT_FORMATS, ExportFormat } from '../shared/time-range.query';
import { RANK_BYS, RankBy } from './rankings';
import { GROUP_BYS, GroupBy } from './rates';

export class RatesQuery extends ExportableTimeRangeQuery {
  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'department' })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy?: GroupBy;
}

export class RankingsQuery {
  @ApiProperty({ example: '2026-04', description: 'the month, cut at REPORTING_UTC_OFFSET_MINUTES' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'department' })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy?: GroupBy;

  @ApiPropertyOptional({ enum: RANK_BYS, default: 'score', description: 'score: the mean of the defined rates' })
  @IsOptional()
  @IsIn(RANK_BYS)
  by?: RankBy;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export class AssessmentsQuery {
  @ApiProperty({ example: 2026, description: 'the year, cut at REPORTING_UTC_OFFSET_MINUTES' })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year (YYYY)' })
  @Min(2000, { message: 'year must be a year (YYYY)' })
  @Max(2100, { message: 'year must be a year (YYYY)' })
  year!: number;

  @ApiProperty({ enum: ASSESSED_UNITS, description: 'committee: the industry committees; branch: the branches' })
  @IsIn(ASSESSED_UNITS)
  unit!: AssessedUnit;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
