import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { CreateIntakeTables1764000000000 } from './1764000000000-CreateIntakeTables';
import { IndexAttachmentIds1797000000000 } from './1797000000000-IndexAttachmentIds';
import { HistoryMessages1798000000000 } from './1798000000000-HistoryMessages';
import { Open311Requests1799000000000 } from '../open311/1799000000000-Open311Requests';
import { Resolutions1800000000000 } from './1800000000000-Resolutions';
import { Deadlines1801000000000 } from './1801000000000-Deadlines';
import { WalkIns1802000000000 } from './1802000000000-WalkIns';
import { SupervisionRound1802500000000 } from './1802500000000-SupervisionRound';

/** Every migration of the intake database, oldest first. */
export const INTAKE_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  CreateIntakeTables1764000000000,
  IndexAttachmentIds1797000000000,
  HistoryMessages1798000000000,
  Open311Requests1799000000000,
  Resolutions1800000000000,
  Deadlines1801000000000,
  WalkIns1802000000000,
  SupervisionRound1802500000000,
];
