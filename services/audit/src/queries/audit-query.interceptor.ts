import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { AuthenticatedRequest } from '@grievance/auth';
import { catchError, concatMap, from, map, Observable, throwError } from 'rxjs';
import { DomainError } from '@grievance/platform';
import { LogAuditQuery } from './log-audit-query.use-case';

interface RoutedRequest extends AuthenticatedRequest {
  method: string;
  route?: { path?: string };
  params?: Record<string, string>;
  query?: Record<string, unknown>;
}

/**
 * Logs every answered call (who, which endpoint, with which parameters, when) before the
 * answer leaves: a query that cannot be logged is not answered. Calls refused by the guard
 * (401, 403) or by validation (400) are not queries of the dossier and write nothing; the
 * request log still has them.
 */
@Injectable()
export class AuditQueryInterceptor implements NestInterceptor {
  constructor(private readonly logAuditQuery: LogAuditQuery) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const principal = request.principal;
    if (!principal) return next.handle();
    const endpoint = `${request.method} ${request.route?.path ?? 'unknown'}`;
    const params = { ...(request.params ?? {}), ...(request.query ?? {}) };
    const record = () => from(this.logAuditQuery.execute({ auditorId: principal.sub, role: principal.role, endpoint, params }));
    // After validation, so only parameters that passed it are stored; a lookup that found
    // nothing (404) was still a query and is logged.
    return next.handle().pipe(
      concatMap((answer) => record().pipe(map(() => answer))),
      catchError((error: unknown) => (refusedInput(error) ? throwError(() => error) : record().pipe(concatMap(() => throwError(() => error))))),
    );
  }
}

/** A 400: the parameters were refused, so no query of the dossier was made. */
function refusedInput(error: unknown): boolean {
  return error instanceof BadRequestException || (error instanceof DomainError && error.code === 'invalid');
}
