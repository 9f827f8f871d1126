import { MESSAGING_MIGRATIONS } from '@grievance/messaging';
import { SLA_MIGRATIONS } from '@grievance/sla';
import { CreateFeedbackTables1763950000000 } from './1763950000000-CreateFeedbackTables';
import { MatterKindAndSlaBreaches1795410000000 } from './1795410000000-MatterKindAndSlaBreaches';
import { WaitingEvents1797200000000 } from './1797200000000-WaitingEvents';
import { NotificationLanguages1798200000000 } from './1798200000000-NotificationLanguages';
import { ContestedVerdicts1798300000000 } from './1798300000000-ContestedVerdicts';
import { StationCataloguesAndRedemptions1798400000000 } from './1798400000000-StationCataloguesAndRedemptions';
import { WorkerCommitteesAndBenefits1798500000000 } from './1798500000000-WorkerCommitteesAndBenefits';
import { StaffNotifications1798600000000 } from './1798600000000-StaffNotifications';
import { StaffNotificationDelivery1798610000000 } from './1798610000000-StaffNotificationDelivery';
import { VolunteeringIdempotencyKey1798700000000 } from './1798700000000-VolunteeringIdempotencyKey';
import { RenameMattersToGrievances1803000000000 } from './1803000000000-RenameMattersToGrievances';

/** Every migration of the feedback database, oldest first. */
export const FEEDBACK_MIGRATIONS = [
  ...MESSAGING_MIGRATIONS,
  // The rating windows (auto-close) are deadlines of the SLA engine.
  ...SLA_MIGRATIONS,
  CreateFeedbackTables1763950000000,
  MatterKindAndSlaBreaches1795410000000,
  WaitingEvents1797200000000,
  NotificationLanguages1798200000000,
  ContestedVerdicts1798300000000,
  StationCataloguesAndRedemptions1798400000000,
  WorkerCommitteesAndBenefits1798500000000,
  StaffNotifications1798600000000,
  StaffNotificationDelivery1798610000000,
  VolunteeringIdempotencyKey1798700000000,
  RenameMattersToGrievances1803000000000,
];
