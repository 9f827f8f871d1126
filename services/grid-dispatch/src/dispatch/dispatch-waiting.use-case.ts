import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { TicketsRepository } from '../tickets/tickets.repository';
import { DispatchRepository } from './dispatch.repository';
import { DispatchTicket } from './dispatch-ticket.use-case';

/** Somebody came within reach of waiting tickets: a grid worker (on duty, or new in the directory), or a grid new in the directory. */
export type DispatchWaitingCommand = { gridWorkerId: string } | { gridId: string };

/**
 * Tickets waiting undispatched are dispatched again, each to whoever the rule picks now: a
 * grid worker's reach is their grid, community and street; a grid's, its own tickets.
 * Returns how many found somebody.
 */
@Injectable()
export class DispatchWaiting {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly dispatches: DispatchRepository,
    private readonly dispatchTicket: DispatchTicket,
  ) {}

  execute(command: DispatchWaitingCommand): Promise<number> {
    return this.unitOfWork.run(async () => {
      const waiting = 'gridWorkerId' in command ? await this.dispatches.waitingForWorker(command.gridWorkerId) : await this.dispatches.waitingInGrid(command.gridId);
      let dispatched = 0;
      for (const id of waiting) {
        const ticket = await this.tickets.find(id);
        if (!ticket) throw new Error(`waiting ticket ${id} vanished while locked`);
        if (await this.dispatchTicket.execute({ ticket, causationId: null })) dispatched++;
      }
      return dispatched;
    });
  }
}
