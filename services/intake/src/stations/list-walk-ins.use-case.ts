import { Injectable } from '@nestjs/common';
import { DomainError, maskPhone } from '@grievance/platform';
import { decodeCursor, encodePageCursor, type ListGrievancesQuery } from '../grievances/grievance-views';
import { SummarizeGrievances } from '../grievances/summarize-grievances.use-case';
import { StationsRepository } from './stations.repository';

/**
 * A station's walk-ins, newest first, each with where it stands now (from intake's tracking
 * view) and who logged it for whom. Only the caller's own station: the station id is the
 * token's. A retired station still lists what it logged.
 */
@Injectable()
export class ListWalkIns {
  constructor(
    private readonly stations: StationsRepository,
    private readonly summarizeGrievances: SummarizeGrievances,
  ) {}

  async execute(stationId: string, query: ListGrievancesQuery) {
    const station = await this.stations.findStation(stationId);
    if (!station) throw DomainError.notFound('station', stationId);
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.stations.listByStation(stationId, limit + 1, after ? { at: after.submittedAt, id: after.id } : undefined);
    const page = rows.slice(0, limit);
    const summaries = await this.summarizeGrievances.execute(page.map((w) => w.grievanceId));
    const items = page.flatMap((w) => {
      const grievance = summaries.get(w.grievanceId);
      return grievance
        ? [{
            ...grievance,
            workerId: w.workerId,
            workerPhone: w.workerPhone === null ? null : maskPhone(w.workerPhone),
            staffId: w.staffId,
            consentMethod: w.consentMethod,
            consentAt: w.consentAt.toISOString(),
            loggedAt: w.loggedAt.toISOString(),
          }]
        : [];
    });
    const last = page[page.length - 1];
    return {
      stationId,
      stationName: station.name,
      ...(station.retired ? { retired: true } : {}),
      items,
      nextCursor: rows.length > limit && last ? encodePageCursor(last.loggedAt, last.grievanceId) : null,
    };
  }
}
