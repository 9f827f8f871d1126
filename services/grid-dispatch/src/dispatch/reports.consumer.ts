import { Injectable } from '@nestjs/common';
import { selfReporterOf } from '@grievance/contracts';
import { ConsumedEvent, HandlesEvent } from '@grievance/platform';
import { RecordSubmission } from './record-submission.use-case';

/** The consumer group that keeps the reports of submissions (see ReportsConsumer). */
export const GRID_DISPATCH_REPORTS_CONSUMER_GROUP = 'grid-dispatch-reports';

/**
 * How long the reports group gathers a fetch: a routing carries its hazard's report, so the
 * submission is kept late and in bulk, one transaction for what a fetch brings.
 */
export const REPORTS_FETCH_GATHER_MS = 250;

/**
 * `grievance.submitted.v1` → the report is kept for the ticket (RecordSubmission). A routing
 * carries its hazard's report and opens the ticket with it, so nobody waits on this group: it
 * keeps the report of a hazard routed before routings carried one, and hands such a report to
 * its ticket when the ticket came first. Its own group, gathering, so that each submission does
 * not cost a transaction of its own in the dispatch group (which applies each routing at once).
 */
@Injectable()
export class ReportsConsumer {
  constructor(private readonly recordSubmission: RecordSubmission) {}

  @HandlesEvent('grievance.submitted.v1')
  async submitted(event: ConsumedEvent<'grievance.submitted.v1'>): Promise<void> {
    const { grievanceId, eventId, payload } = event;
    await this.recordSubmission.execute({
      grievanceId,
      trackingNo: payload.trackingNo,
      kind: payload.kind,
      category: payload.category,
      title: payload.title,
      urgency: payload.urgency,
      location: payload.location ? { lat: payload.location.lat, lng: payload.location.lng, address: payload.location.address ?? null } : null,
      submittedAt: payload.submittedAt,
      reportedBy: selfReporterOf(event) ?? null,
      attachmentIds: payload.attachmentIds,
      // A walk-in: the grid workers posted at that station (驻点) take it first.
      loggedAtStationId: payload.loggedAt?.stationId ?? null,
      eventId,
    });
  }
}
