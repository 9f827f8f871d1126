import { Injectable } from '@nestjs/common';
import { AuditQueriesRepository, AuditQueryRecord } from './audit-queries.repository';

/** Who looked at what, newest first, of one auditor or of all. */
@Injectable()
export class ListAuditQueries {
  constructor(private readonly queries: AuditQueriesRepository) {}

  execute(filter: { auditorId?: string; limit: number }): Promise<AuditQueryRecord[]> {
    return this.queries.list(filter);
  }
}
