import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@grievance/auth';
import { TraceGrievance, TraceView } from './trace-grievance.use-case';
import { TraceViewSchema } from './trace.view';

@ApiTags('trace')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/trace')
export class TraceController {
  constructor(private readonly traceGrievance: TraceGrievance) {}

  /**
   * Every event of the grievance in order, each with its link in the hash chain; `verified` says
   * whether the chain holds. An auditor is neither the reporter nor the holder, so phone
   * numbers and people's names are masked; the hashes are over the records as stored.
   */
  @Get(':grievanceId')
  @ApiOkResponse({ type: TraceViewSchema })
  trace(@Param('grievanceId', new ParseUUIDPipe()) grievanceId: string): Promise<TraceView> {
    return this.traceGrievance.execute({ grievanceId });
  }
}
