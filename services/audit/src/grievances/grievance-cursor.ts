import { BadRequestException } from '@nestjs/common';
import { GrievanceRow } from './grievance-row';
import { GrievanceCursor } from './grievances.repository';

/** The `nextCursor` of a page: where the next one starts (after this row, in the sort order). */
export const encodeCursor = (row: GrievanceRow): string => Buffer.from(JSON.stringify([row.submittedAt, row.grievanceId])).toString('base64url');

/** A `cursor` parameter read back; a 400 naming it when it is not the nextCursor of a previous page. */
export function decodeCursor(cursor: string): GrievanceCursor {
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
