import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { GrievanceKind, RoutedReport, uuidv7 } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { GrievanceSnapshot, TicketsRepository } from '../tickets/tickets.repository';
import { DispatchTicket } from './dispatch-ticket.use-case';
import { SelfCheck } from './self-check.use-case';

export interface OpenTicketCommand {
  grievanceId: string;
  /** The routing event: the dispatch's cause. */
  eventId: string;
  correlationId: string;
  /** The grievance's facts its SLA policies are matched on. */
  kind: GrievanceKind;
  category: string;
  /** The grid routing placed it in; none: not a grievance for a grid worker. */
  gridId?: string;
  /** The report the routing carried (absent from a routing made before it was carried: the submission's is used). */
  report?: RoutedReport;
}

/**
 * A routed hazard with a grid gets its ticket (one per grievance: a redelivered or repeated
 * routing changes nothing) and is dispatched in the same transaction. The report comes with
 * the routing and is kept with the ticket; a routing without one takes the submission's
 * snapshot when it has arrived (urgency normal otherwise, until it does). A report its grid's
 * own part-time grid worker handed in, with a photo, is checked already (SelfCheck): not dispatched.
 */
@Injectable()
export class OpenTicket {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly dispatchTicket: DispatchTicket,
    private readonly selfCheck: SelfCheck,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  async execute(command: OpenTicketCommand): Promise<void> {
    const { gridId } = command;
    if (command.kind !== 'hazard' || !gridId) return;
    await this.unitOfWork.run(async () => {
      const opening = { id: uuidv7(), grievanceId: command.grievanceId, gridId, correlationId: command.correlationId, kind: command.kind, category: command.category };
      const carried = command.report ? snapshotOf(command, command.report) : undefined;
      const ticket = carried ? await this.tickets.openWithReport(opening, carried) : await this.tickets.open(opening);
      if (!ticket) {
        this.logger.info({ grievanceId: command.grievanceId }, 'the grievance already has a ticket; routing ignored');
        return;
      }
      const snapshot = carried ?? (await this.tickets.snapshotOf(command.grievanceId)) ?? null;
      if (await this.selfCheck.execute(ticket, snapshot ?? undefined, command.eventId)) return;
      await this.dispatchTicket.execute({ ticket, causationId: command.eventId, snapshot, opened: true });
    });
  }
}

/** The report a routing carried, as the ticket keeps it (grievance_snapshots). */
function snapshotOf(command: OpenTicketCommand, report: RoutedReport): GrievanceSnapshot {
  return {
    grievanceId: command.grievanceId,
    trackingNo: report.trackingNo,
    kind: command.kind,
    category: command.category,
    title: report.title,
    urgency: report.urgency,
    lat: report.location?.lat ?? null,
    lng: report.location?.lng ?? null,
    address: report.location?.address ?? null,
    submittedAt: new Date(report.submittedAt),
    reportedBy: report.reportedBy ?? null,
    attachmentIds: report.attachmentIds,
    loggedAtStationId: report.loggedAtStationId ?? null,
  };
}
