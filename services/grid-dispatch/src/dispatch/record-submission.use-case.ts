import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { GrievanceKind, Urgency } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { Ticket, TicketsRepository } from '../tickets/tickets.repository';
import { DispatchTicket } from './dispatch-ticket.use-case';
import { SelfCheck } from './self-check.use-case';

export interface RecordSubmissionCommand {
  grievanceId: string;
  trackingNo: string;
  kind: GrievanceKind;
  category: string;
  title: string;
  urgency: Urgency;
  location: { lat: number; lng: number; address: string | null } | null;
  submittedAt: string;
  /** The reporter, when they handed it in as themself (the envelope's actor, role worker, is them). */
  reportedBy?: string | null;
  attachmentIds?: string[];
  /** A walk-in: the station whose staff logged it (its posted grid workers take it first). */
  loggedAtStationId?: string | null;
  /** The submission event: the cause of a self-check it makes. */
  eventId?: string;
}

/**
 * A hazard was submitted: its report is kept for the ticket (what the grid worker sees, where
 * they check). The submission may arrive after the routing (the two topics are consumed
 * independently): then the ticket takes its urgency, and deadlines already running are
 * planned again with it; and a report of the grid's own part-time grid worker is their on-site
 * check (SelfCheck) even when its ticket went to somebody else meanwhile, as long as nobody
 * accepted it. Likewise a walk-in (logged at a station) whose ticket went, before its report
 * came, to somebody not posted at that station moves to an on-duty grid worker posted there
 * (驻点), as long as nobody accepted it. Other kinds of grievance are not this service's.
 */
@Injectable()
export class RecordSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly selfCheck: SelfCheck,
    private readonly dispatchTicket: DispatchTicket,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  async execute(command: RecordSubmissionCommand): Promise<void> {
    if (command.kind !== 'hazard') return;
    const { grievanceId, urgency, location } = command;
    await this.unitOfWork.run(async () => {
      // Kept with the other reports of the transaction right before it commits; a ticket opened before its report is handed to `reportCame` then.
      await this.tickets.saveSnapshot(
        {
          grievanceId,
          trackingNo: command.trackingNo,
          kind: command.kind,
          category: command.category,
          title: command.title,
          urgency,
          lat: location?.lat ?? null,
          lng: location?.lng ?? null,
          address: location?.address ?? null,
          submittedAt: command.submittedAt,
          reportedBy: command.reportedBy ?? null,
          attachmentIds: command.attachmentIds ?? [],
          loggedAtStationId: command.loggedAtStationId ?? null,
        },
        (ticket) => this.reportCame(command, ticket),
      );
    });
  }

  /** The report of a ticket opened before it came (read, not locked first: see below). */
  private async reportCame(command: RecordSubmissionCommand, ticket: Ticket): Promise<void> {
    const { grievanceId, urgency } = command;
    // Not locked first: the deadlines are (a firing takes them in that order); a firing in between makes the replan refuse, and the event is retried.
    if (command.reportedBy) {
      const locked = (await this.tickets.findForUpdate(ticket.id))!;
      if (await this.selfCheck.execute(locked, await this.tickets.snapshotOf(grievanceId), command.eventId ?? null)) return;
    }
    if (command.loggedAtStationId && ticket.status === 'dispatched') {
      const locked = await this.tickets.findForUpdate(ticket.id);
      if (locked?.status === 'dispatched' && (await this.dispatchTicket.execute({ ticket: locked, causationId: command.eventId ?? null, toStationOnly: true }))) {
        this.logger.info({ ticketId: ticket.id, stationId: command.loggedAtStationId }, 'a walk-in\'s report came after its ticket; it went to the grid worker posted at the station');
      }
    }
    if (ticket.urgency === urgency) return;
    ticket.urgency = urgency;
    const replanned = await this.deadlines.replan(ticket);
    const accept = replanned.find((d) => d.target === 'accept');
    if (accept) await this.tickets.update(ticket.id, { acceptBy: accept.dueAt });
    await this.tickets.update(ticket.id, { urgency });
    if (replanned.length > 0) this.logger.info({ ticketId: ticket.id, urgency, replanned: replanned.length }, 'the report came after its ticket; deadlines planned again');
  }
}
