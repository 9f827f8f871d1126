import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { AuthenticatedRequest } from '@grievance/auth';
import { from, Observable, switchMap } from 'rxjs';
import { AuditQueriesRepository } from './audit-queries.repository';

interface RoutedRequest extends AuthenticatedRequest {
  method: string;
  route?: { path?: string };
  params?: Record<string, string>;
  query?: Record<string, unknown>;
}

/**
 * Logs every authenticated call (who, which endpoint, with which parameters, when) before
 * it is answered: a query that cannot be logged is not answered. Unauthenticated and
 * refused calls never reach an interceptor (the guard stops them first).
 */
@Injectable()
export class AuditQueryInterceptor implements NestInterceptor {
  constructor(private readonly queries: AuditQueriesRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const principal = request.principal;
    if (!principal) return next.handle();
    const endpoint = `${request.method} ${request.route?.path ?? 'unknown'}`;
    const params = { ...(request.params ?? {}), ...(request.query ?? {}) };
    return from(this.queries.record({ auditorId: principal.sub, role: principal.role, endpoint, params })).pipe(switchMap(() => next.handle()));
  }
}
