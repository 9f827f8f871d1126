import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { correlationIdForNewWork } from '@grievance/platform';
import { ContestVerdict, ContestVerdictResult } from './contest-verdict.use-case';

export class ContestVerdictDto {
  /** Why the reporter thinks the grid worker got it wrong (what is still there, where exactly). */
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ContestVerdictResponse implements ContestVerdictResult {
  @ApiProperty({ format: 'uuid' })
  grievanceId!: string;

  @ApiProperty({ enum: ['routed'], description: 'open again, waiting for another grid worker to check it on site' })
  status!: 'routed';

  @ApiProperty({ format: 'date-time' })
  contestedAt!: string;
}

@ApiTags('contest')
@ApiBearerAuth()
@Controller('v1/grievances')
export class ContestController {
  constructor(private readonly contestVerdict: ContestVerdict) {}

  /**
   * The reporter contests the invalid verdict that closed their hazard (申请复核): once, with a
   * reason, within the contest window. Another grid worker of the same grid checks it again.
   */
  @Post(':id/contest')
  @HttpCode(201)
  @Roles('worker')
  @ApiCreatedResponse({ type: ContestVerdictResponse })
  @ApiConflictResponse({ description: 'already contested once, or not a hazard closed on a grid worker’s invalid verdict' })
  @ApiUnprocessableEntityResponse({ description: 'the contest window has passed (details.contestBy)' })
  contest(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ContestVerdictDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ContestVerdictResult> {
    return this.contestVerdict.execute({ grievanceId: id, reporterId: principal.sub, reason: body.reason, correlationId: correlationIdForNewWork() });
  }
}
