import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { CreateAuditTables1764300000000 } from './1764300000000-CreateAuditTables';
import { CreateMatterIndex1764900000000 } from './1764900000000-CreateMatterIndex';
import { WorkerPointsIndex1798500000000 } from './1798500000000-WorkerPointsIndex';
import { RenameMattersToGrievances1803000000000 } from './1803000000000-RenameMattersToGrievances';

/** Every migration of the audit database, oldest first. */
export const AUDIT_MIGRATIONS = [...MESSAGING_MIGRATIONS, CreateAuditTables1764300000000, CreateMatterIndex1764900000000, WorkerPointsIndex1798500000000, RenameMattersToGrievances1803000000000];
