import { Injectable } from '@nestjs/common';
import { AuditQueriesRepository } from './audit-queries.repository';

export interface LogAuditQueryCommand {
  /** The auditor (their token's sub) and their role. */
  auditorId: string;
  role: string;
  /** The method and route, e.g. `GET /v1/trace/:grievanceId`. */
  endpoint: string;
  /** The path and query parameters that passed validation. */
  params: Record<string, unknown>;
}

/** Logs an answered query of the dossier: who asked, which endpoint, with which parameters, when (append-only, like the dossier). */
@Injectable()
export class LogAuditQuery {
  constructor(private readonly queries: AuditQueriesRepository) {}

  execute(command: LogAuditQueryCommand): Promise<void> {
    return this.queries.record(command);
  }
}
