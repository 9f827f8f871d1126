import { Injectable } from '@nestjs/common';
import { maskPersonalData } from '@grievance/platform';
import { encodeCursor } from './grievance-cursor';
import { GrievanceRow } from './grievance-row';
import { GrievanceCursor, GrievanceFilter, GrievancesRepository, SortOrder } from './grievances.repository';

export interface SearchGrievancesCommand {
  filter: GrievanceFilter;
  order: SortOrder;
  limit: number;
  /** Where the page starts (a previous page's nextCursor, read back). */
  after?: GrievanceCursor;
}

export interface GrievancesView {
  items: GrievanceRow[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** A page of the grievance index, every filter combined, in submission order; holders who are people masked (as in the trace). */
@Injectable()
export class SearchGrievances {
  constructor(private readonly grievances: GrievancesRepository) {}

  async execute({ filter, order, limit, after }: SearchGrievancesCommand): Promise<GrievancesView> {
    // One row more than the page: whether there is a next one.
    const rows = await this.grievances.search(filter, order, limit + 1, after);
    const items = rows.slice(0, limit).map((row) => maskPersonalData(row));
    return { items, nextCursor: rows.length > limit ? encodeCursor(rows[limit - 1]!) : null };
  }
}
