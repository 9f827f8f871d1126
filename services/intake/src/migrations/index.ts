import { MESSAGING_MIGRATIONS } from '@grievance/messaging';

/** Every migration of the intake database, oldest first. */
export const INTAKE_MIGRATIONS = [...MESSAGING_MIGRATIONS];
