import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Roles } from '@grievance/auth';
import { CsvColumn, csvHeader, HeaderSink, sendCsv, toCsv, wantsCsv } from '../shared/csv';
import { toDate } from '../shared/time-range.query';
import { decodeCursor } from './grievance-cursor';
import { asBoolean, GrievancesQuery } from './grievances.query';
import { GrievancesViewSchema } from './grievances.view';
import { GrievancesView, SearchGrievances } from './search-grievances.use-case';

const GRIEVANCE_COLUMNS = [
  'grievanceId',
  'trackingNo',
  'kind',
  'category',
  'status',
  'level',
  'holderType',
  'holderId',
  'holderName',
  'districtId',
  'departmentCode',
  'submittedAt',
  'breaches',
  'underSupervision',
] as const satisfies readonly CsvColumn[];

@ApiTags('matters')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1')
export class GrievancesController {
  constructor(private readonly searchGrievances: SearchGrievances) {}

  /** Search over every grievance by tracking number, submission time, kind, category, district, department, rung, status, breached, supervised; paged by cursor, sorted by submission time; `?format=csv` to export the page. */
  @ApiOperation({ operationId: 'MattersController_search' }) // the published operation id
  @Get('matters')
  @ApiOkResponse({ type: GrievancesViewSchema, description: 'JSON; with `?format=csv` (or Accept: text/csv) the page as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  async search(
    @Query() query: GrievancesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: HeaderSink,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<GrievancesView | string> {
    const { items, nextCursor } = await this.searchGrievances.execute({
      filter: {
        trackingNo: query.trackingNo,
        from: toDate(query.from),
        to: toDate(query.to),
        kind: query.kind,
        category: query.category,
        district: query.district,
        department: query.department,
        level: query.level,
        status: query.status,
        breached: asBoolean(query.breached),
        supervised: asBoolean(query.supervised),
      },
      order: query.sort ?? 'desc',
      limit: query.limit ?? 50,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    if (wantsCsv(query.format, accept)) {
      if (nextCursor) response.setHeader('x-next-cursor', nextCursor);
      const flat = items.map((m) => ({ ...m, holderType: m.holder?.type, holderId: m.holder?.id, holderName: m.holder?.name }));
      return sendCsv(response, 'grievances.csv', toCsv(GRIEVANCE_COLUMNS, flat, csvHeader(acceptLanguage)));
    }
    return { items, nextCursor };
  }
}
