import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditQueriesController } from './audit-queries.controller';
import { AuditQueriesRepository } from './audit-queries.repository';
import { AuditQueryInterceptor } from './audit-query.interceptor';
import { ListAuditQueries } from './list-audit-queries.use-case';
import { LogAuditQuery } from './log-audit-query.use-case';

/** The log of who looked at what: every answered call of every endpoint is logged (the interceptor), and auditors read the log. */
@Module({
  controllers: [AuditQueriesController],
  providers: [AuditQueriesRepository, LogAuditQuery, ListAuditQueries, { provide: APP_INTERCEPTOR, useClass: AuditQueryInterceptor }],
})
export class QueriesModule {}
