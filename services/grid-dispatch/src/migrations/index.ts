import { MESSAGING_MIGRATIONS } from '@grievance/messaging';

/** Every migration of the grid-dispatch database, oldest first. */
export const GRID_DISPATCH_MIGRATIONS = [...MESSAGING_MIGRATIONS];
