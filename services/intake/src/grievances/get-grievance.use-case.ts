import { Injectable } from '@nestjs/common';
import { actsFor, type Principal } from '@grievance/auth';
import type { Language } from '@grievance/i18n';
import { readConsistently } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { DataSource } from 'typeorm';
import { followed, resolutionView, SHARED_WITH_CO_REPORTERS } from './grievance-views';
import { GrievancesRepository } from './grievances.repository';

export interface GetGrievanceQuery {
  principal: Principal;
  grievanceId: string;
  /** The language of the history lines. */
  language: Language;
}

/**
 * The grievance for its reporter, a co-reporter, the station staff who logged it, or the staff
 * who hold it now; to anyone else a 404, so the answer does not even say that it exists. A
 * duplicate's reporter follows the original it was joined to. Its reads see one moment: the
 * tracking view writes a fetch's events at once, and a commit between reading the state and
 * reading the history showed a resolution's line beside the status from before it.
 */
@Injectable()
export class GetGrievance {
  constructor(
    private readonly grievances: GrievancesRepository,
    private readonly dataSource: DataSource,
  ) {}

  execute(query: GetGrievanceQuery) {
    return readConsistently(this.dataSource, () => this.read(query));
  }

  private async read({ principal, grievanceId: id, language }: GetGrievanceQuery) {
    const g = await this.grievances.findById(id);
    const allowed =
      g !== undefined &&
      (principal.role === 'worker'
        ? g.reporterId === principal.sub || (await this.grievances.isCoReporter(id, principal.sub))
        : principal.role === 'station_staff'
          ? // A station's staff follow the walk-ins logged at their station, and no others.
            (await this.grievances.stationOfWalkIn(id)) === principal.stationId
          : actsFor(principal, g.holder));
    if (!g || !allowed) throw DomainError.notFound('grievance', id);
    const coReporters = await this.grievances.coReporters(id);
    // A duplicate is not worked on by itself: its reporter follows the original, as one of its co-reporters.
    const original = g.duplicateOf ? await this.grievances.findById(g.duplicateOf) : undefined;
    const joinedAt = original ? await this.grievances.coReporterSince(original.id, g.reporterId) : undefined;
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
      resolution: resolutionView(await this.grievances.latestResolution((original ?? g).id)),
      duplicateOf: g.duplicateOf,
      ...(original
        ? {
            original: {
              id: original.id,
              trackingNo: original.trackingNo,
              joinedAt: (joinedAt ?? g.submittedAt).toISOString(),
              status: original.status,
              holder: original.holder,
              history: (await this.grievances.history(original.id, language)).filter(SHARED_WITH_CO_REPORTERS),
            },
          }
        : {}),
      submittedAt: g.submittedAt.toISOString(),
      ...(g.reporterId === principal.sub ? { coReporters } : {}),
      history: await this.grievances.history(id, language),
    };
  }
}
