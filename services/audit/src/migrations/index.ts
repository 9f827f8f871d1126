import { MESSAGING_MIGRATIONS } from '@grievance/messaging';

/** Every migration of the audit database, oldest first. */
export const AUDIT_MIGRATIONS = [...MESSAGING_MIGRATIONS];
