import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { GrievanceKind, uuidv7 } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { TicketsRepository } from '../tickets/tickets.repository';
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
}

/**
 * A routed hazard with a grid gets its ticket (one per grievance: a redelivered or repeated
 * routing changes nothing) and is dispatched in the same transaction. The urgency comes from
 * the submission's snapshot when it has arrived (normal otherwise). A report its grid's own
 * part-time grid worker handed in, with a photo, is checked already (SelfCheck): not dispatched.
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
      const ticket = await this.tickets.open({
        id: uuidv7(),
        grievanceId: command.grievanceId,
        gridId,
        correlationId: command.correlationId,
        kind: command.kind,
        category: command.category,
      });
      if (!ticket) {
        this.logger.info({ grievanceId: command.grievanceId }, 'the grievance already has a ticket; routing ignored');
        return;
      }
      const snapshot = (await this.tickets.snapshotOf(command.grievanceId)) ?? null;
      if (await this.selfCheck.execute(ticket, snapshot ?? undefined, command.eventId)) return;
      await this.dispatchTicket.execute({ ticket, causationId: command.eventId, snapshot });
    });
  }
}
