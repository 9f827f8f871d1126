import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ROLES, type Role } from '@grievance/contracts';
import type { Principal } from './principal';

export const IS_PUBLIC_KEY = 'grievance:auth:public';
export const ROLES_KEY = 'grievance:auth:roles';

/** The request the guard has authenticated: the Principal sits on `request.principal`. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Opens a handler or a whole controller to callers without a token (health checks,
 * docs). Everything else needs a bearer token by default, so forgetting a decorator
 * fails closed.
 */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only these roles may call the handler (or every handler of the controller); others
 * get a 403. A handler's @Roles replaces its controller's, it does not add to it.
 */
export const Roles = (...roles: Role[]) => {
  // Checked when the class is defined, so a typo or an empty list breaks start-up, not a request.
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new Error(`@Roles() got unknown roles: ${unknown.join(', ')}`);
  return SetMetadata(ROLES_KEY, roles);
};

/**
 * The caller's Principal. Throws (a 500) on a route the guard did not authenticate,
 * i.e. a @Public() one: that is a programming mistake, and an undefined principal
 * would otherwise slip into a use case.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) {
    throw new Error('@CurrentPrincipal() used on a route without an authenticated caller (is it @Public()?)');
  }
  return request.principal;
});
