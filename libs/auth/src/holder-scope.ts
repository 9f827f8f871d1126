import { LEVELS, type Holder } from '@grievance/contracts';
import type { Principal } from './principal';

/**
 * Whether the caller is the holder of a grievance (API.md, "Identity"): the grid worker it was
 * dispatched to (by their id), the department by its code, or a rung of the chain by its
 * level and unit (a liaison member's unit is their own id). Station staff, auditors and admins hold
 * nothing; they read through the audit service and the directory.
 */
export function actsFor(principal: Principal, holder: Pick<Holder, 'type' | 'id' | 'level'> | null | undefined): boolean {
  if (!holder) return false;
  switch (principal.role) {
    case 'grid_worker':
      return holder.type === 'grid_worker' && holder.id === principal.sub;
    case 'department':
      return holder.type === 'department' && holder.id === principal.departmentCode;
    case 'worker':
    case 'station_staff':
    case 'auditor':
    case 'admin':
      return false;
    default:
      return (
        (LEVELS as readonly string[]).includes(principal.role) &&
        (holder.type === 'member' || holder.type === 'org_unit') &&
        holder.level === principal.role &&
        holder.id === principal.orgUnitId
      );
  }
}

/**
 * One string per holder, the same whichever event named it (a recipient key): `grid_worker:<id>`,
 * `department:<code>`, or `<level>:<unit id>` for a rung of the chain (a liaison member's unit is
 * their own id, so `member:<id>`). Undefined for a chain holder whose rung is not known.
 */
export function holderKey(holder: Pick<Holder, 'type' | 'id' | 'level'>): string | undefined {
  switch (holder.type) {
    case 'grid_worker':
    case 'department':
      return `${holder.type}:${holder.id}`;
    case 'member':
      return `member:${holder.id}`;
    default:
      return holder.level ? `${holder.level}:${holder.id}` : undefined;
  }
}

/**
 * The recipient key the caller acts for (see holderKey and actsFor): a grid worker by their id,
 * a department by its code, a rung of the chain by its role and unit; undefined for the roles
 * that hold nothing (workers, station staff, auditors, admins).
 */
export function holderKeyOf(principal: Principal): string | undefined {
  switch (principal.role) {
    case 'grid_worker':
      return `grid_worker:${principal.sub}`;
    case 'department':
      return principal.departmentCode ? `department:${principal.departmentCode}` : undefined;
    default:
      return (LEVELS as readonly string[]).includes(principal.role) && principal.orgUnitId ? `${principal.role}:${principal.orgUnitId}` : undefined;
  }
}
