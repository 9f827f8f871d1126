import { BadRequestException, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Roles } from '@grievance/auth';
import { maskPersonalData } from '@grievance/platform';
import { CsvColumn, csvHeader, HeaderSink, sendCsv, toCsv, wantsCsv } from '../shared/csv';
import { toDate } from '../shared/time-range.query';
import { GrievanceRow } from './grievance-row';
import { GrievanceCursor, GrievancesRepository } from './grievances.repository';
import { asBoolean, GrievancesQuery } from './grievances.query';
import { GrievancesViewSchema } from './grievances.view';

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

const encodeCursor = (row: GrievanceRow): string => Buffer.from(JSON.stringify([row.submittedAt, row.grievanceId])).toString('base64url');

function decodeCursor(cursor: string): GrievanceCursor {
  try {
    const [submittedAt, grievanceId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof submittedAt === 'string' && !Number.isNaN(Date.parse(submittedAt)) && typeof grievanceId === 'string' && /^[0-9a-f-]{36}$/i.test(grievanceId)) {
      return { submittedAt, grievanceId };
    }
  } catch {
    // falls through to the 400
  }
  throw new BadRequestException(['cursor must be the nextCursor of a previous page']);
}

export interface GrievancesView {
  items: GrievanceRow[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

@ApiTags('matters')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1')
export class GrievancesController {
  constructor(private readonly grievances: GrievancesRepository) {}

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
    const limit = query.limit ?? 50;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.grievances.search(
      {
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
      query.sort ?? 'desc',
      limit + 1,
      after,
    );
    // Holders who are people are shown masked to auditors (see the trace).
    const items = rows.slice(0, limit).map((row) => maskPersonalData(row));
    const nextCursor = rows.length > limit ? encodeCursor(rows[limit - 1]!) : null;
    if (wantsCsv(query.format, accept)) {
      if (nextCursor) response.setHeader('x-next-cursor', nextCursor);
      const flat = items.map((m) => ({ ...m, holderType: m.holder?.type, holderId: m.holder?.id, holderName: m.holder?.name }));
      return sendCsv(response, 'grievances.csv', toCsv(GRIEVANCE_COLUMNS, flat, csvHeader(acceptLanguage)));
    }
    return { items, nextCursor };
  }
}
