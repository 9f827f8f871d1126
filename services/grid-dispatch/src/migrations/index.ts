import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { GridDispatchSchema1763990000000 } from './1763990000000-GridDispatchSchema';

/** Every migration of the grid-dispatch database, oldest first. */
export const GRID_DISPATCH_MIGRATIONS = [...MESSAGING_MIGRATIONS, GridDispatchSchema1763990000000];
