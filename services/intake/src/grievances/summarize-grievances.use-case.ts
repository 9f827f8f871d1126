import { Injectable } from '@nestjs/common';
import { type GrievanceSummary, summariesOf } from './grievance-views';
import { GrievancesRepository } from './grievances.repository';

/** The list summaries of these grievances (a duplicate's status is its original's), by id; an id intake does not hold has none. */
@Injectable()
export class SummarizeGrievances {
  constructor(private readonly grievances: GrievancesRepository) {}

  async execute(ids: readonly string[]): Promise<Map<string, GrievanceSummary>> {
    const records = await this.grievances.findByIds(ids);
    const summaries = await summariesOf(this.grievances, records);
    return new Map(records.map((g, i) => [g.id, summaries[i]!]));
  }
}
