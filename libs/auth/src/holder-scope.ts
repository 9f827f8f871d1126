import { LEVELS, type Holder } from '@grievance/contracts';
import type { Principal } from './principal';

/**
 * Whether the caller is the holder of a matter (API.md, "Identity"): the grid worker it was
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
