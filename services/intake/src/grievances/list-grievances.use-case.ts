import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type ListGrievancesQuery, summariesOf } from './grievance-views';
import { GrievancesRepository } from './grievances.repository';

/** The reporter's own grievances, newest first, a page at a time; a duplicate shows the status of the original it was joined to. */
@Injectable()
export class ListGrievances {
  constructor(private readonly grievances: GrievancesRepository) {}

  async execute(reporterId: string, query: ListGrievancesQuery) {
    const limit = query.limit ?? 20;
    const rows = await this.grievances.listByReporter(reporterId, limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined);
    const page = rows.slice(0, limit);
    return { items: await summariesOf(this.grievances, page), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
  }
}
