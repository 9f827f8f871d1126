import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '@grievance/auth';
import { AuditQueriesRepository, AuditQueryRecord } from './audit-queries.repository';

export class ListAuditQueriesQuery {
  @ApiPropertyOptional({ description: 'only the queries of this auditor (their token sub)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  auditorId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

@ApiTags('audit-queries')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/audit-queries')
export class AuditQueriesController {
  constructor(private readonly queries: AuditQueriesRepository) {}

  /** Who looked at what, newest first (this query is logged too). */
  @Get()
  async list(@Query() query: ListAuditQueriesQuery): Promise<{ items: AuditQueryRecord[] }> {
    return { items: await this.queries.list({ auditorId: query.auditorId, limit: query.limit ?? 100 }) };
  }
}
