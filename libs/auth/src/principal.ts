import { ROLES, type Role } from '@grievance/contracts';

/** Who is calling, as read from a verified token. */
export interface Principal {
  /** The person's id. */
  sub: string;
  role: Role;
  /** The org unit a member, branch, industry_committee or two_new_committee acts for. */
  orgUnitId?: string;
  /** The grid a grid_worker covers. */
  gridId?: string;
  /** The department (by code) a department user acts for. */
  departmentCode?: string;
  /** The station (驿站) a station_staff user works at. */
  stationId?: string;
}

export type ScopeClaim = 'orgUnitId' | 'gridId' | 'departmentCode' | 'stationId';

/**
 * The scope claim each role cannot work without (API.md, "Identity"). A role mapped to
 * undefined is either personal (worker) or city-wide (auditor, admin).
 */
export const SCOPE_CLAIM_BY_ROLE: Readonly<Record<Role, ScopeClaim | undefined>> = {
  worker: undefined,
  member: 'orgUnitId',
  branch: 'orgUnitId',
  industry_committee: 'orgUnitId',
  two_new_committee: 'orgUnitId',
  grid_worker: 'gridId',
  department: 'departmentCode',
  station_staff: 'stationId',
  auditor: undefined,
  admin: undefined,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The claims do not describe a usable principal; `problems` says why, for logs. */
export class InvalidPrincipalError extends Error {
  override readonly name = 'InvalidPrincipalError';
  constructor(readonly problems: string[]) {
    super(`invalid principal claims: ${problems.join('; ')}`);
  }
}

/**
 * Turns verified token claims into a Principal, or throws InvalidPrincipalError.
 *
 * Only the scope claim the role needs is kept: a scope that means nothing for the role
 * (say, a gridId on a worker) is dropped so it can never widen what the caller sees.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const problems: string[] = [];
  const { sub, role } = claims;
  if (!isNonEmptyString(sub)) problems.push('sub must be a non-empty string');
  if (!isRole(role)) {
    problems.push(`role must be one of ${ROLES.join(', ')}`);
    throw new InvalidPrincipalError(problems);
  }
  const scopeClaim = SCOPE_CLAIM_BY_ROLE[role];
  const scopeValue = scopeClaim ? claims[scopeClaim] : undefined;
  if (scopeClaim && !isNonEmptyString(scopeValue)) {
    problems.push(`role ${role} needs a non-empty ${scopeClaim} claim`);
  }
  if (problems.length > 0) throw new InvalidPrincipalError(problems);

  const principal: Principal = { sub: sub as string, role };
  if (scopeClaim) principal[scopeClaim] = scopeValue as string;
  return principal;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
