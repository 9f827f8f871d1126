import { Module } from '@nestjs/common';
import { CategoryCatalogue } from '../categories/category-catalogue';
import { GrievancesRepository } from '../grievances/grievances.repository';
import { SubmitGrievanceUseCase } from '../grievances/submit-grievance.use-case';
import { TrackingSerials } from '../grievances/tracking-serials';
import { Open311Controller } from './open311.controller';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { Open311Repository } from './open311.repository';
import { ServiceRequestsView } from './service-requests.view';
import { SubmitOpen311Request } from './submit-open311-request.use-case';

/**
 * Open311 GeoReport v2 on intake. It builds on intake's own submission path and catalogue
 * (their providers are stateless but for the catalogue's read of its file and the tracking
 * counters' small pool, so this module holds its own instances); the platform (database,
 * outbox, clock, config) is global.
 */
@Module({
  controllers: [Open311Controller],
  providers: [CategoryCatalogue, GrievancesRepository, TrackingSerials, SubmitGrievanceUseCase, Open311Repository, ServiceRequestsView, SubmitOpen311Request, Open311ExceptionFilter],
})
export class Open311Module {}
