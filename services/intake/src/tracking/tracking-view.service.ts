import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { actsFor, type Principal } from '@grievance/auth';
import type { Language } from '@grievance/i18n';
import { DomainError } from '@grievance/platform';
import type { GrievanceRecord, HistoryLine } from '../grievances/grievance.model';
import type { Resolution } from './tracking-rules';
import { GrievancesRepository } from '../grievances/grievances.repository';
import { StationsRepository } from '../stations/stations.repository';

export class ListGrievancesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}

const encodeCursor = (g: GrievanceRecord) => encodePageCursor(g.submittedAt, g.id);

/** A page's cursor: the time and id of its last item. */
export const encodePageCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const submittedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(submittedAt.getTime())) {
    throw DomainError.invalid('cursor must be a nextCursor from a previous page', undefined, { key: 'error.tracking.badCursor' });
  }
  return { submittedAt, id };
}

/**
 * Where a grievance stands as its reporter follows it: a duplicate is not worked on by itself,
 * so its status, holder, level and supervision are those of the original it was joined to.
 */
const followed = (g: GrievanceRecord, original: GrievanceRecord | undefined) => {
  const worked = original ?? g;
  return { status: worked.status, level: worked.level, holder: worked.holder, underSupervision: worked.underSupervision, supervisionRound: worked.supervisionRound };
};

const summary = (g: GrievanceRecord, original: GrievanceRecord | undefined) => ({
  id: g.id,
  trackingNo: g.trackingNo,
  kind: g.kind,
  category: g.category,
  title: g.title,
  urgency: g.urgency,
  ...followed(g, original),
  duplicateOf: g.duplicateOf,
  ...(original ? { original: { id: original.id, trackingNo: original.trackingNo, status: original.status } } : {}),
  submittedAt: g.submittedAt.toISOString(),
});

/** Where a photo of a grievance is downloaded from (intake's GET /v1/attachments/:id). */
export const attachmentUrl = (id: string) => `/v1/attachments/${id}`;

const resolutionView = (r: Resolution | undefined) =>
  r
    ? {
        resolvedAt: r.resolvedAt.toISOString(),
        resolvedBy: r.resolvedBy,
        resolution: r.resolution,
        attachments: r.attachmentIds.map((id) => ({ id, url: attachmentUrl(id) })),
      }
    : null;

/**
 * The lines of the original a co-reporter reads: everything but the dialogue between the
 * holder and the original's reporter (a question to them and their answer), which is theirs.
 */
const SHARED_WITH_CO_REPORTERS = (line: HistoryLine) => line.type !== 'grievance.paused' && line.type !== 'grievance.replied';

/** The reporter's tracking view of their grievances. */
@Injectable()
export class TrackingViewService {
  constructor(
    private readonly repository: GrievancesRepository,
    private readonly stations: StationsRepository,
  ) {}

  /**
   * The grievance for its reporter, a co-reporter, or the staff who hold it now; to anyone
   * else a 404, so the answer does not even say that it exists.
   */
  async get(principal: Principal, id: string, language: Language) {
    const g = await this.repository.findById(id);
    const allowed =
      g !== undefined &&
      (principal.role === 'worker'
        ? g.reporterId === principal.sub || (await this.repository.isCoReporter(id, principal.sub))
        : principal.role === 'station_staff'
          ? // A station's staff follow the walk-ins logged at their station, and no others.
            (await this.stations.findWalkIn(id))?.stationId === principal.stationId
          : actsFor(principal, g.holder));
    if (!g || !allowed) throw DomainError.notFound('grievance', id);
    const coReporters = await this.repository.coReporters(undefined, id);
    // A duplicate is not worked on by itself: its reporter follows the original, as one of its co-reporters.
    const original = g.duplicateOf ? await this.repository.findById(g.duplicateOf) : undefined;
    const joinedAt = original ? await this.repository.coReporterSince(original.id, g.reporterId) : undefined;
    return {
      id: g.id,
      trackingNo: g.trackingNo,
      kind: g.kind,
      category: g.category,
      title: g.title,
      description: g.description,
      urgency: g.urgency,
      location: g.location,
      attachmentIds: g.attachmentIds,
      ...followed(g, original),
      resolution: resolutionView(await this.repository.latestResolution((original ?? g).id)),
      duplicateOf: g.duplicateOf,
      ...(original
        ? {
            original: {
              id: original.id,
              trackingNo: original.trackingNo,
              joinedAt: (joinedAt ?? g.submittedAt).toISOString(),
              status: original.status,
              holder: original.holder,
              history: (await this.repository.history(original.id, language)).filter(SHARED_WITH_CO_REPORTERS),
            },
          }
        : {}),
      submittedAt: g.submittedAt.toISOString(),
      ...(g.reporterId === principal.sub ? { coReporters } : {}),
      history: await this.repository.history(id, language),
    };
  }

  /** The list summaries of these grievances (a duplicate's status is its original's), by id. */
  async summaries(ids: readonly string[]): Promise<Map<string, ReturnType<typeof summary>>> {
    const records = await this.repository.findByIds(ids);
    const originals = new Map((await this.repository.findByIds([...new Set(records.flatMap((g) => (g.duplicateOf ? [g.duplicateOf] : [])))])).map((o) => [o.id, o]));
    return new Map(records.map((g) => [g.id, summary(g, g.duplicateOf ? originals.get(g.duplicateOf) : undefined)]));
  }

  async list(reporterId: string, query: ListGrievancesQuery) {
    const limit = query.limit ?? 20;
    const rows = await this.repository.listByReporter(reporterId, limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined);
    const page = rows.slice(0, limit);
    const originals = new Map((await this.repository.findByIds([...new Set(page.flatMap((g) => (g.duplicateOf ? [g.duplicateOf] : [])))])).map((o) => [o.id, o]));
    return { items: page.map((g) => summary(g, g.duplicateOf ? originals.get(g.duplicateOf) : undefined)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
  }
}
