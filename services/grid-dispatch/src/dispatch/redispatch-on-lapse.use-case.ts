import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SlaTarget } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { ticketIdOf } from '../deadlines/ticket-deadlines';
import { TicketsRepository } from '../tickets/tickets.repository';
import { DispatchTicket } from './dispatch-ticket.use-case';

export interface RedispatchOnLapseCommand {
  /** The broken deadline's subject (`ticket:<id>` for a ticket's). */
  subject: string;
  target: SlaTarget;
  /** Who held the deadline when it broke. */
  lapsedBy: string;
  /** The breach event. */
  causationId: string;
}

/**
 * A grid worker's accept deadline broke: the ticket goes to the next worker, never back to
 * one who let it lapse, in the firing transaction (the breach and the re-dispatch commit
 * together, or neither does). A ticket that moved on meanwhile (accepted, or with someone
 * else) stays. A verify deadline that breaks is only reported (sla.breached.v1): the worker
 * has the ticket in hand.
 */
@Injectable()
export class RedispatchOnLapse {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly dispatchTicket: DispatchTicket,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  async execute({ subject, target, lapsedBy, causationId }: RedispatchOnLapseCommand): Promise<void> {
    const ticketId = ticketIdOf(subject);
    if (target !== 'accept' || !ticketId) return;
    await this.unitOfWork.run(async () => {
      const ticket = await this.tickets.findForUpdate(ticketId);
      if (!ticket || ticket.status !== 'dispatched' || ticket.gridWorkerId !== lapsedBy) return;
      ticket.lapsedWorkerIds = [...new Set([...ticket.lapsedWorkerIds, lapsedBy])];
      await this.tickets.update(ticket.id, { lapsedWorkerIds: ticket.lapsedWorkerIds });
      this.logger.info({ ticketId, attempt: ticket.attempt, lapsedBy }, 'ticket not accepted in time; re-dispatching');
      await this.dispatchTicket.execute({ ticket, causationId });
    });
  }
}
