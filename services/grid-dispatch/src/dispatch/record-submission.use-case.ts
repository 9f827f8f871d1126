import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { GrievanceKind, Urgency } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { TicketsRepository } from '../tickets/tickets.repository';

export interface RecordSubmissionCommand {
  grievanceId: string;
  trackingNo: string;
  kind: GrievanceKind;
  category: string;
  title: string;
  urgency: Urgency;
  location: { lat: number; lng: number; address: string | null } | null;
  submittedAt: string;
}

/**
 * A hazard was submitted: its report is kept for the ticket (what the grid worker sees, where
 * they check). The submission may arrive after the routing (the two topics are consumed
 * independently): then the ticket takes its urgency, and deadlines already running are
 * planned again with it. Other kinds of grievance are not this service's.
 */
@Injectable()
export class RecordSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  async execute(command: RecordSubmissionCommand): Promise<void> {
    if (command.kind !== 'hazard') return;
    const { grievanceId, urgency, location } = command;
    await this.unitOfWork.run(async () => {
      await this.tickets.saveSnapshot({
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
      });
      // Not locked first: the deadlines are (a firing takes them in that order); a firing in between makes the replan refuse, and the event is retried.
      const ticket = await this.tickets.findByGrievance(grievanceId);
      if (!ticket || ticket.urgency === urgency) return;
      ticket.urgency = urgency;
      const replanned = await this.deadlines.replan(ticket);
      const accept = replanned.find((d) => d.target === 'accept');
      if (accept) await this.tickets.update(ticket.id, { acceptBy: accept.dueAt });
      await this.tickets.update(ticket.id, { urgency });
      if (replanned.length > 0) this.logger.info({ ticketId: ticket.id, urgency, replanned: replanned.length }, 'the report came after its ticket; deadlines planned again');
    });
  }
}
