import { Module } from '@nestjs/common';
import { GrievancesModule } from '../grievances/grievances.module';
import { RecordDeadline } from './record-deadline.use-case';
import { TrackEvent } from './track-event.use-case';
import { TrackingConsumer } from './tracking.consumer';
import { TrackingRepository } from './tracking.repository';

/**
 * The reporter's tracking view kept current from the events of every service: each
 * grievance's state, history, resolutions and co-reporters, and the holder's deadline, written
 * once per consumed group (TrackingWrites).
 */
@Module({
  imports: [GrievancesModule],
  providers: [TrackingRepository, TrackEvent, RecordDeadline, TrackingConsumer],
})
export class TrackingModule {}
