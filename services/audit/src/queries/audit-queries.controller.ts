import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@grievance/auth';
import { LimitParam } from '../shared/limit.query';
import { AuditQueryRecord } from './audit-queries.repository';
import { ListAuditQueries } from './list-audit-queries.use-case';

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
  constructor(private readonly listAuditQueries: ListAuditQueries) {}

  /** Who looked at what, newest first (this query is logged too). */
  @Get()
  async list(@Query() query: ListAuditQueriesQuery): Promise<{ items: AuditQueryRecord[] }> {
    return { items: await this.listAuditQueries.execute({ auditorId: query.auditorId, limit: query.limit ?? 100 }) };
  }
}
