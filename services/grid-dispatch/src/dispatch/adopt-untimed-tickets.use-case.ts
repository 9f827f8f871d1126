import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { Clock } from '@grievance/platform';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { TicketsRepository } from '../tickets/tickets.repository';
import { DispatchRepository } from './dispatch.repository';

/**
 * On start: a ticket dispatched before its deadlines moved to the SLA engine (it has none
 * open) gets its accept deadline, from when it was dispatched; an overdue one fires at once.
 * Returns how many were adopted.
 */
@Injectable()
export class AdoptUntimedTickets {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly dispatches: DispatchRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<number> {
    return this.unitOfWork.run(async () => {
      // Replicas starting together take turns, so only one of them adopts a ticket.
      await this.dispatches.takeAdoptionTurn();
      const dispatched = await this.tickets.dispatched();
      if (dispatched.length === 0) return 0;
      const open = await this.deadlines.openOfMany(dispatched, 'accept');
      let adopted = 0;
      for (const ticket of dispatched) {
        if (!ticket.gridWorkerId || open.has(ticket.id)) continue;
        const name = (await this.dispatches.workerName(ticket.gridWorkerId)) ?? ticket.gridWorkerId;
        const holder = { type: 'grid_worker' as const, id: ticket.gridWorkerId, name };
        const deadline = await this.deadlines.startAccept(ticket, holder, ticket.dispatchedAt ?? this.clock.now(), null);
        await this.tickets.update(ticket.id, { acceptBy: deadline.dueAt });
        adopted++;
      }
      return adopted;
    });
  }
}
