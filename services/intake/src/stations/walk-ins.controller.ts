import { Body, Controller, Get, Headers, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@grievance/auth';
import { DomainError, RateLimit, RateLimitGuard } from '@grievance/platform';
import { IDEMPOTENCY_KEY_PATTERN } from '../grievances/submit-grievance.dto';
import { ListGrievancesQuery } from '../grievances/grievance-views';
import { ListWalkIns } from './list-walk-ins.use-case';
import { LogWalkIn } from './log-walk-in.use-case';
import { LogWalkInDto } from './walk-in.dto';
import { SubmissionAnswerView } from '../grievances/grievance-view.dto';
import { WalkInPageView } from './walk-ins.view';

/**
 * Walk-ins (驿站代办): a station's staff log a grievance for a worker who walked in, and list
 * their station's. The station is always the caller's own (their token's stationId).
 */
@Controller('v1/stations/me')
@UseGuards(RateLimitGuard)
@RateLimit('read')
@Roles('station_staff')
export class WalkInsController {
  constructor(
    private readonly logWalkIn: LogWalkIn,
    private readonly listWalkIns: ListWalkIns,
  ) {}

  /** Logs a grievance for `workerId` with their consent; the same Idempotency-Key again answers the same grievance. */
  @Post('walk-ins')
  @HttpCode(201)
  @RateLimit('submit')
  @ApiCreatedResponse({ type: SubmissionAnswerView })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: LogWalkInDto, @Headers('idempotency-key') idempotencyKey?: string) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.invalid('Idempotency-Key must be 1 to 128 letters, digits, dots, dashes, underscores or colons', undefined, { key: 'error.grievance.idempotencyKey' });
    }
    const { answer } = await this.logWalkIn.execute({ stationId: principal.stationId!, staffId: principal.sub, idempotencyKey, body });
    return answer;
  }

  /** The station's walk-ins, newest first, with where each stands. */
  @Get('walk-ins')
  @ApiOkResponse({ type: WalkInPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListGrievancesQuery) {
    return this.listWalkIns.execute(principal.stationId!, query);
  }
}
