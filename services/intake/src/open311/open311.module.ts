import { Module } from '@nestjs/common';
import { SubmissionModule } from '../grievances/submission.module';
import { Open311Controller } from './open311.controller';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { Open311Repository } from './open311.repository';
import { ServiceRequestsView } from './service-requests.view';
import { SubmitOpen311Request } from './submit-open311-request.use-case';

/**
 * Open311 GeoReport v2 on intake. It builds on intake's own submission path and catalogue
 * (SubmissionModule); the platform (database, outbox, clock, config) is global.
 */
@Module({
  imports: [SubmissionModule],
  controllers: [Open311Controller],
  providers: [Open311Repository, ServiceRequestsView, SubmitOpen311Request, Open311ExceptionFilter],
})
export class Open311Module {}
