import { Module } from '@nestjs/common';
import { RATE_LIMIT_RULES, RateLimitGuard, RateLimiter } from '@grievance/platform';
import { IntakeConfig } from '../config';
import { GrievancesModule } from '../grievances/grievances.module';
import { Open311Controller } from './open311.controller';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { open311RateLimits } from './open311-rate-limits';
import { Open311Repository } from './open311.repository';
import { FindRequestIdByToken } from './find-request-id-by-token.use-case';
import { GetServiceDefinition } from './get-service-definition.use-case';
import { GetServiceRequest } from './get-service-request.use-case';
import { ListServiceRequests } from './list-service-requests.use-case';
import { ListServices } from './list-services.use-case';
import { SubmitOpen311Request } from './submit-open311-request.use-case';

/**
 * Open311 GeoReport v2 on intake. It builds on intake's own submission path and catalogue
 * (GrievancesModule); the platform (database, outbox, clock, config, Redis) is global. Its
 * rate limits are its own: public reads count by client address, posts by partner.
 */
@Module({
  imports: [GrievancesModule],
  controllers: [Open311Controller],
  providers: [
    { provide: RATE_LIMIT_RULES, useFactory: open311RateLimits, inject: [IntakeConfig] },
    RateLimitGuard,
    RateLimiter,
    Open311Repository,
    ListServices,
    GetServiceDefinition,
    SubmitOpen311Request,
    ListServiceRequests,
    GetServiceRequest,
    FindRequestIdByToken,
    Open311ExceptionFilter,
  ],
})
export class Open311Module {}
