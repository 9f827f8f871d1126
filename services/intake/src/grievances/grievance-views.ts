import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '@grievance/platform';
import type { Resolution } from '../tracking/tracking-rules';
import type { GrievanceRecord, HistoryLine } from './grievance.model';
import type { GrievancesRepository } from './grievances.repository';

/** A page of a list of grievances: how many, and after which (the `nextCursor` of the previous page). */
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

export const encodeCursor = (g: GrievanceRecord) => encodePageCursor(g.submittedAt, g.id);

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
export const followed = (g: GrievanceRecord, original: GrievanceRecord | undefined) => {
  const worked = original ?? g;
  return { status: worked.status, level: worked.level, holder: worked.holder, underSupervision: worked.underSupervision, supervisionRound: worked.supervisionRound };
};

export const summary = (g: GrievanceRecord, original: GrievanceRecord | undefined) => ({
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

export const resolutionView = (r: Resolution | undefined) =>
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
export const SHARED_WITH_CO_REPORTERS = (line: HistoryLine) => line.type !== 'grievance.paused' && line.type !== 'grievance.replied';

/** A grievance's summary in a list, by the original it follows when it is a duplicate. */
export type GrievanceSummary = ReturnType<typeof summary>;

/** The list summaries of these grievances, in their order: a duplicate's by the original it follows (the originals read at once). */
export async function summariesOf(grievances: GrievancesRepository, records: readonly GrievanceRecord[]): Promise<GrievanceSummary[]> {
  const originals = new Map((await grievances.findByIds([...new Set(records.flatMap((g) => (g.duplicateOf ? [g.duplicateOf] : [])))])).map((o) => [o.id, o]));
  return records.map((g) => summary(g, g.duplicateOf ? originals.get(g.duplicateOf) : undefined));
}
