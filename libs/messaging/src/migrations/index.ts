import { CreateOutboxAndInbox1763900000000 } from './1763900000000-CreateOutboxAndInbox';

/** Migrations every publishing or consuming service includes in its own list. */
export const MESSAGING_MIGRATIONS = [CreateOutboxAndInbox1763900000000];
