import { Injectable } from '@nestjs/common';
import { Actor } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { TicketsRepository } from './tickets.repository';
import { toTicketView, TicketView } from './ticket-view';

export interface ListTicketsCommand {
  viewer: Actor;
}

/** A grid worker's own tickets, newest first; an admin or auditor sees every ticket. */
@Injectable()
export class ListTickets {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
  ) {}

  execute({ viewer }: ListTicketsCommand): Promise<TicketView[]> {
    return this.unitOfWork.run(async () => {
      const tickets = await this.tickets.list(viewer.role === 'grid_worker' ? viewer.id : undefined);
      const snapshots = await this.tickets.snapshotsOf(tickets.map((t) => t.grievanceId));
      const byGrievance = new Map(snapshots.map((s) => [s.grievanceId, s]));
      return tickets.map((t) => toTicketView(t, byGrievance.get(t.grievanceId)));
    });
  }
}
