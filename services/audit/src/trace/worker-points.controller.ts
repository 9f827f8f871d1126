import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Roles } from '@grievance/auth';
import { TraceWorkerPoints, WorkerPointsView } from './trace-worker-points.use-case';

export class WorkerPointsParams {
  @ApiProperty({ maxLength: 100, description: "the worker's id (their token's sub)" })
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, { message: 'workerId must be letters, digits, dots, dashes, underscores, colons or @' })
  workerId!: string;
}

@ApiTags('trace')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/workers')
export class WorkerPointsController {
  constructor(private readonly traceWorkerPoints: TraceWorkerPoints) {}

  /**
   * Every points movement of a worker (earned for verified reports and volunteering, spent on
   * redemptions, handed over) in time order with the running balance, each with the chain
   * that holds it; `verified` says whether those chains hold. Phone numbers in free text are masked.
   */
  @Get(':workerId/points')
  points(@Param() params: WorkerPointsParams): Promise<WorkerPointsView> {
    return this.traceWorkerPoints.execute({ workerId: params.workerId });
  }
}
