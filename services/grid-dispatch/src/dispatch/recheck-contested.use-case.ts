import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { UnitOfWork } from '@grievance/messaging';
import { TicketsRepository } from '../tickets/tickets.repository';
import { DispatchTicket } from './dispatch-ticket.use-case';

export interface RecheckContestedCommand {
  grievanceId: string;
  /** The grid worker whose invalid verdict the reporter contested. */
  verdictBy: string;
  /** The grievance.contested.v1 event: the dispatch's cause. */
  eventId: string;
}

/**
 * The reporter contested the invalid verdict: the hazard's ticket is checked again, by another
 * grid worker, in the consumer's unit of work. Its last verdict is cleared (the events keep it)
 * and it is dispatched by the same rule as every dispatch, never to the worker who gave the
 * contested verdict: another on-duty worker of the grid first; when the grid has none, one of
 * the same community, then of the same street.
 *
 * Why not the grid's supervisor: the directory has none. It knows grids, communities and
 * streets and their grid workers, and its dispatch already widens to the community and the
 * street when a grid has nobody on duty (and leaves the ticket waiting, dispatched as soon as
 * somebody comes on duty, when no one is in reach). A second check needs an independent pair
 * of eyes near the place, which those pools give; inventing a supervisor role would mean new
 * directory data every city must keep, for a case the existing pools already cover.
 *
 * A ticket that is not verified (a repeat of the contest after the second check began), or was
 * contested before, stays as it is.
 */
@Injectable()
export class RecheckContested {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly dispatchTicket: DispatchTicket,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  async execute(command: RecheckContestedCommand): Promise<'dispatched' | 'waiting' | 'skipped'> {
    return this.unitOfWork.run(async () => {
      const found = await this.tickets.findByGrievance(command.grievanceId);
      const ticket = found ? await this.tickets.findForUpdate(found.id) : undefined;
      if (!ticket || ticket.status !== 'verified' || ticket.contestedVerdictBy !== null) {
        this.logger.info({ grievanceId: command.grievanceId, status: ticket?.status }, 'contest of a ticket not waiting for a second check; nothing to do');
        return 'skipped';
      }
      const contestedVerdictBy = ticket.gridWorkerId ?? command.verdictBy;
      const cleared = { contestedVerdictBy, verdict: null, verifyNote: null, verifiedAt: null, acceptedAt: null };
      await this.tickets.update(ticket.id, cleared);
      this.logger.info({ ticketId: ticket.id, contestedVerdictBy }, 'the verdict is contested; dispatching the ticket for a second check');
      const dispatched = await this.dispatchTicket.execute({ ticket: { ...ticket, ...cleared }, causationId: command.eventId });
      return dispatched ? 'dispatched' : 'waiting';
    });
  }
}
