import { DomainError } from '@grievance/platform';
import { Ticket, TicketsRepository } from './tickets.repository';

/** The grid worker's own ticket (locked for a change unless told otherwise); anybody else's is "not found". */
export async function ownTicket(tickets: TicketsRepository, ticketId: string, gridWorkerId: string, lock: boolean): Promise<Ticket> {
  const ticket = lock ? await tickets.findForUpdate(ticketId) : await tickets.find(ticketId);
  if (!ticket || ticket.gridWorkerId !== gridWorkerId) throw DomainError.notFound('ticket', ticketId);
  return ticket;
}
