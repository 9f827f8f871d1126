import { holderKeyOf, Principal } from '@grievance/auth';
import { DomainError } from '@grievance/platform';

/** The holder key of a staff caller; a role that holds nothing has no notifications (its scope is empty). */
export function recipientKeyOf(principal: Principal): string {
  const key = holderKeyOf(principal);
  if (!key) throw DomainError.forbidden('only grid workers, departments and the rungs of the chain have staff notifications', undefined, { key: 'error.staffNotifications.noHolder' });
  return key;
}
