import { MESSAGING_MIGRATIONS } from '@grievance/messaging';

/** Every migration of the feedback database, oldest first. */
export const FEEDBACK_MIGRATIONS = [...MESSAGING_MIGRATIONS];
