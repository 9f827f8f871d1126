import { CreateSlaTables1795392000000 } from './1795392000000-CreateSlaTables';

/** Migrations every service that owns deadlines adds to its own list (after MESSAGING_MIGRATIONS). */
export const SLA_MIGRATIONS = [CreateSlaTables1795392000000];
