import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@grievance/auth';
import { LimitParam } from '../shared/limit.query';
import { AuditQueriesRepository, AuditQueryRecord } from './audit-queries.repository';

export class ListAuditQueriesQuery {
  @ApiPropertyOptional({ description: 'only the queries of this auditor (their token sub)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  auditorId?: string;

  @LimitParam(1000, 100)
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
