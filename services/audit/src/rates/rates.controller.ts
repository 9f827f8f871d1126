import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@grievance/auth';
import { CsvColumn, csvHeader, HeaderSink, sendCsv, toCsv, wantsCsv } from '../shared/csv';
import { toDate } from '../shared/time-range.query';
import { RankedGroup } from './rankings';
import { GroupBy, GroupRates } from './rates';
import { AssessedUnit, AssessedUnitRow } from './assessment';
import { AssessmentsQuery, RankingsQuery, RatesQuery } from './rates.query';
import { AssessYear } from './assess-year.use-case';
import { ComputeRates } from './compute-rates.use-case';
import { RankMonth } from './rank-month.use-case';
import { AssessmentViewSchema, RankingsViewSchema, RatesViewSchema } from './rates.view';

const RATE_COLUMNS = ['group', 'received', 'responded', 'resolved', 'rated', 'satisfied', 'bounces', 'breaches', 'responseRate', 'resolutionRate', 'satisfactionRate'] as const satisfies readonly CsvColumn[];
const RANK_COLUMNS = ['rank', ...RATE_COLUMNS, 'score'] as const satisfies readonly CsvColumn[];
const ASSESSMENT_COLUMNS = ['rank', 'unit', 'received', 'responseRate', 'resolutionRate', 'satisfactionRate', 'breaches', 'score', 'responded', 'resolved', 'rated', 'satisfied', 'bounces'] as const satisfies readonly CsvColumn[];

export interface RatesView {
  groupBy: GroupBy;
  from: string | null;
  to: string | null;
  items: GroupRates[];
}

export interface RankingsView {
  month: string;
  groupBy: GroupBy;
  by: string;
  from: string;
  to: string;
  items: RankedGroup[];
}

export interface AssessmentView {
  year: number;
  unit: AssessedUnit;
  from: string;
  to: string;
  items: AssessedUnitRow[];
}

@ApiTags('rates')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1')
export class RatesController {
  constructor(
    private readonly computeRates: ComputeRates,
    private readonly rankMonth: RankMonth,
    private readonly assessYear: AssessYear,
  ) {}

  /** Received, responded in time, resolved, satisfied and the three rates per group; `?format=csv` to export (its header line in the Accept-Language, Chinese by default). */
  @Get('rates')
  @ApiOkResponse({ type: RatesViewSchema, description: 'JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  async rates(
    @Query() query: RatesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<RatesView | string> {
    const groupBy = query.groupBy ?? 'department';
    const items = await this.computeRates.execute({ groupBy, from: toDate(query.from), to: toDate(query.to) });
    if (wantsCsv(query.format, accept)) return sendCsv(response, `rates-${groupBy}.csv`, toCsv(RATE_COLUMNS, items, csvHeader(acceptLanguage)));
    return { groupBy, from: query.from ?? null, to: query.to ?? null, items };
  }

  /** The month's ranking of departments, rungs, industries or districts; `?format=csv` to export. */
  @Get('rankings')
  @ApiOkResponse({ type: RankingsViewSchema, description: 'JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  async rankings(
    @Query() query: RankingsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<RankingsView | string> {
    const groupBy = query.groupBy ?? 'department';
    const by = query.by ?? 'score';
    const { from, to, items } = await this.rankMonth.execute({ month: query.month, groupBy, by });
    if (wantsCsv(query.format, accept)) return sendCsv(response, `ranking-${query.month}-${groupBy}.csv`, toCsv(RANK_COLUMNS, items, csvHeader(acceptLanguage)));
    return { month: query.month, groupBy, by, from: from.toISOString(), to: to.toISOString(), items };
  }

  /** The yearly assessment (年度考核) of the industry committees or the branches: rates, breaches, satisfaction, score and rank; `?format=csv` to export. */
  @Get('assessments')
  @ApiOkResponse({ type: AssessmentViewSchema, description: 'JSON; with `?format=csv` (or Accept: text/csv) the same rows as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  async assessments(
    @Query() query: AssessmentsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AssessmentView | string> {
    const { from, to, items } = await this.assessYear.execute({ year: query.year, unit: query.unit });
    if (wantsCsv(query.format, accept)) return sendCsv(response, `assessment-${query.year}-${query.unit}.csv`, toCsv(ASSESSMENT_COLUMNS, items, csvHeader(acceptLanguage)));
    return { year: query.year, unit: query.unit, from: from.toISOString(), to: to.toISOString(), items };
  }
}
