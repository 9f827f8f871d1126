import { MESSAGING_MIGRATIONS } from '@grievance/messaging';

/** Every migration of the routing database, oldest first. */
export const ROUTING_MIGRATIONS = [...MESSAGING_MIGRATIONS];
