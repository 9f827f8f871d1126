import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { SLA_MIGRATIONS } from '@grievance/sla';
import { CreateDirectoryAndMatters1763990000000 } from './1763990000000-CreateDirectoryAndMatters';
import { EscalationChain1796000000000 } from './1796000000000-EscalationChain';
import { DirectoryVersions1797300000000 } from './1797300000000-DirectoryVersions';
import { WorkerLanguage1798100000000 } from './1798100000000-WorkerLanguage';
import { HazardReopenings1798300000000 } from './1798300000000-HazardReopenings';
import { SupervisionRounds1798500000000 } from './1798500000000-SupervisionRounds';
import { SupervisionPolicy1798600000000 } from './1798600000000-SupervisionPolicy';
import { RenameMattersToGrievances1803000000000 } from './1803000000000-RenameMattersToGrievances';

/** Every migration of the routing database, oldest first. */
export const ROUTING_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  ...SLA_MIGRATIONS,
  CreateDirectoryAndMatters1763990000000,
  EscalationChain1796000000000,
  DirectoryVersions1797300000000,
  WorkerLanguage1798100000000,
  HazardReopenings1798300000000,
  SupervisionRounds1798500000000,
  SupervisionPolicy1798600000000,
  RenameMattersToGrievances1803000000000,
];
