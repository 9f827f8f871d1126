import { Injectable } from '@nestjs/common';
import { Actor, createEnvelope } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, DomainError } from '@grievance/platform';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { ownTicket } from './own-ticket';
import { TicketEvents } from './ticket-events';
import { TicketsRepository } from './tickets.repository';
import { toTicketView, TicketView } from './ticket-view';

export interface AcceptTicketCommand {
  ticketId: string;
  /** The grid worker accepting it (their own ticket only). */
  gridWorker: Actor;
}

/** 签收: the worker's accept deadline is completed and their verify deadline starts, with the ticket's change and ticket.accepted.v1. */
@Injectable()
export class AcceptTicket {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
  ) {}

  execute({ ticketId, gridWorker }: AcceptTicketCommand): Promise<TicketView> {
    return this.unitOfWork.run(async () => {
      const seen = await ownTicket(this.tickets, ticketId, gridWorker.id, false);
      if (seen.status !== 'dispatched') throw DomainError.conflict(`ticket ${ticketId} is ${seen.status}, not waiting to be accepted`, undefined, { key: 'error.ticket.notWaitingForAccept', params: { ticketId, status: seen.status } });
      const now = this.clock.now();
      const accepted = createEnvelope({
        topic: 'ticket.accepted.v1',
        grievanceId: seen.grievanceId,
        actor: gridWorker,
        correlationId: correlationIdForNewWork(),
        occurredAt: now,
        payload: { ticketId: seen.id, gridWorkerId: gridWorker.id },
      });
      // The deadline before the ticket: a firing locks them in this order, so the two never wait on each other.
      await this.deadlines.accepted(seen, gridWorker.id, now, accepted.eventId);
      const ticket = await ownTicket(this.tickets, ticketId, gridWorker.id, true);
      if (ticket.status !== 'dispatched') throw DomainError.conflict(`ticket ${ticketId} is ${ticket.status}, not waiting to be accepted`, undefined, { key: 'error.ticket.notWaitingForAccept', params: { ticketId, status: ticket.status } });
      ticket.status = 'accepted';
      ticket.acceptedAt = now;
      await this.tickets.update(ticket.id, { status: 'accepted', acceptedAt: now });
      await this.events.record('ticket.accepted.v1', accepted);
      return toTicketView(ticket, await this.tickets.snapshotOf(ticket.grievanceId));
    });
  }
}
