import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@grievance/contracts';
import { IS_PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './decorators';
import { JwtVerifier, TokenRejectedError, type TokenRejection } from './verifier';

interface ResponseWithHeaders {
  setHeader?(name: string, value: string): unknown;
}

/**
 * Registered as the global guard by AuthModule: every HTTP route needs a valid bearer
 * token unless marked @Public(), and @Roles() narrows who may call it.
 *
 * The 401 / 403 bodies follow API.md's error shape (`message` is an array) and are
 * thrown as Nest's own exceptions so any global exception filter passes them through.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Bearer tokens are an HTTP grievance; Kafka and job handlers are not called by people.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers['authorization']);
    if (!token) throw unauthorized(http.getResponse<ResponseWithHeaders>(), 'missing bearer token');

    let principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        throw unauthorized(http.getResponse<ResponseWithHeaders>(), error.reason, error);
      }
      throw error;
    }
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !allowed.includes(principal.role)) {
      const needed = allowed.length === 1 ? `role ${allowed[0]}` : `one of the roles ${allowed.join(', ')}`;
      throw new ForbiddenException(
        { statusCode: 403, error: 'Forbidden', message: [`this action needs ${needed}`] },
        { description: 'Forbidden' },
      );
    }
    return true;
  }
}

/** The token from `Authorization: Bearer <token>` (scheme case-insensitive, RFC 7235), if any. */
function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([^\s]+)\s*$/i.exec(header);
  return match?.[1];
}

function unauthorized(
  response: ResponseWithHeaders,
  reason: TokenRejection,
  cause?: TokenRejectedError,
): UnauthorizedException {
  // RFC 6750: tells clients (and curl users) which scheme is expected and why it failed.
  const error = reason === 'missing bearer token' ? '' : ', error="invalid_token"';
  response.setHeader?.('WWW-Authenticate', `Bearer realm="grievance"${error}`);
  return new UnauthorizedException(
    { statusCode: 401, error: 'Unauthorized', message: [reason] },
    // The cause carries the exact failure for logs; the body stays terse on purpose.
    { cause },
  );
}
