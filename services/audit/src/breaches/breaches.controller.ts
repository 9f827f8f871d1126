import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { Roles } from '@grievance/auth';
import { LEVELS, Level, SLA_TARGETS, SlaTarget } from '@grievance/contracts';
import { LimitParam } from '../shared/limit.query';
import { CsvColumn, csvHeader, HeaderSink, sendCsv, toCsv, wantsCsv } from '../shared/csv';
import { ExportableTimeRangeQuery, toDate } from '../shared/time-range.query';
import { BreachView, SupervisedGrievance } from './breaches';
import { BreachesViewSchema, SupervisionViewSchema } from './breaches.view';
import { ListBreaches } from './list-breaches.use-case';
import { ListSupervisedGrievances } from './list-supervised-grievances.use-case';

export class BreachesQuery extends ExportableTimeRangeQuery {
  @ApiPropertyOptional({ enum: LEVELS, description: 'the rung of the deadline (or of its holder)' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional({ description: 'a department code: breaches of deadlines that department held' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,40}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  grievanceId?: string;

  @ApiPropertyOptional({ enum: SLA_TARGETS })
  @IsOptional()
  @IsIn(SLA_TARGETS)
  target?: SlaTarget;

  @LimitParam(5000, 500)
  limit?: number;
}

const BREACH_COLUMNS = ['firedAt', 'grievanceId', 'target', 'level', 'holderType', 'holderId', 'holderName', 'startedAt', 'dueAt', 'budgetMs', 'deadlineId', 'eventId'] as const satisfies readonly CsvColumn[];

@ApiTags('breaches')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1')
export class BreachesController {
  constructor(
    private readonly listBreaches: ListBreaches,
    private readonly listSupervisedGrievances: ListSupervisedGrievances,
  ) {}

  /** SLA breaches fired in [from, to), newest first, with their holder, rung, target, due and fired times; `?format=csv` to export. */
  @Get('breaches')
  @ApiOkResponse({ type: BreachesViewSchema, description: 'JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  async list(
    @Query() query: BreachesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<{ items: BreachView[] } | string> {
    const items = await this.listBreaches.execute({
      from: toDate(query.from),
      to: toDate(query.to),
      level: query.level,
      department: query.department,
      grievanceId: query.grievanceId,
      target: query.target,
      limit: query.limit ?? 500,
    });
    if (wantsCsv(query.format, accept)) {
      const flat = items.map((b) => ({ ...b, holderType: b.holder.type, holderId: b.holder.id, holderName: b.holder.name }));
      return sendCsv(response, 'breaches.csv', toCsv(BREACH_COLUMNS, flat, csvHeader(acceptLanguage)));
    }
    return { items };
  }

  /** Grievances under supervision (督办): the top rung missed its deadline, or grievance.supervised says so. */
  @Get('supervision')
  @ApiOkResponse({ type: SupervisionViewSchema })
  async supervision(): Promise<{ items: SupervisedGrievance[] }> {
    return { items: await this.listSupervisedGrievances.execute() };
  }
}
