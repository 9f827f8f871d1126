import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { CreateDirectoryAndMatters1763990000000 } from './1763990000000-CreateDirectoryAndMatters';

/** Every migration of the routing database, oldest first. */
export const ROUTING_MIGRATIONS = [...MESSAGING_MIGRATIONS, CreateDirectoryAndMatters1763990000000];
