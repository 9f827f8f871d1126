import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { createEnvelope, SYSTEM_ACTOR } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { Clock } from '@grievance/platform';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { TicketEvents } from '../tickets/ticket-events';
import { GrievanceSnapshot, Ticket, TicketsRepository } from '../tickets/tickets.repository';
import { chooseGridWorker, excludedWorkers } from './dispatch-rule';
import { DispatchRepository } from './dispatch.repository';

export interface DispatchTicketCommand {
  ticket: Ticket;
  /** The event that caused this dispatch (the routing, the lapse); null when none did (a worker came on duty). */
  causationId: string | null;
  /**
   * 驻点, a walk-in whose report came after its ticket was dispatched: moves the ticket only to
   * an on-duty grid worker posted at the station it was logged at, and only from one who is not;
   * otherwise changes nothing (returns false).
   */
  toStationOnly?: boolean;
  /** The grievance's snapshot, when the caller has read it already in this transaction (null: none has come); read here otherwise. */
  snapshot?: GrievanceSnapshot | null;
  /** The ticket was opened in this transaction (its first dispatch): it has no deadline to look for. */
  opened?: boolean;
}

/**
 * Gives the ticket to the next worker (chooseGridWorker), whose accept deadline starts now,
 * and records ticket.dispatched.v1; or, with nobody available, leaves it waiting (logged).
 * Returns whether it was dispatched. The step every dispatch shares: a routed hazard's first,
 * a re-dispatch after a lapse, a waiting ticket when somebody comes within reach.
 */
@Injectable()
export class DispatchTicket {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly dispatches: DispatchRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  execute(command: DispatchTicketCommand): Promise<boolean> {
    const { ticket, causationId, toStationOnly = false } = command;
    return this.unitOfWork.run(async () => {
      // No lock: a dispatch only reads the workers' load and appends rows of its own, so dispatches
      // (batches of routed events, SLA firings) run side by side. Two at the same moment may not see
      // each other's uncommitted ticket and give both to the same least-loaded worker; the next
      // dispatch sees both and evens it out. A lock would be held until a whole batch commits, and
      // batches that dispatch in several streets took such locks in different orders (deadlocks).
      const { grid, candidates } = await this.dispatches.reachOf(ticket.gridId);
      const communityId = grid?.communityId ?? null;
      const streetId = grid?.streetId ?? null;
      // 驻点: a walk-in goes first to the grid workers on duty at the station it was logged at.
      const snapshot = command.snapshot !== undefined ? command.snapshot : await this.tickets.snapshotOf(ticket.grievanceId);
      const loggedAtStationId = snapshot?.loggedAtStationId ?? null;
      const decision = chooseGridWorker({ gridId: ticket.gridId, communityId, streetId, exclude: excludedWorkers(ticket), loggedAtStationId }, candidates);
      if (toStationOnly) {
        const holderPostedThere = loggedAtStationId !== null && candidates.some((c) => c.id === ticket.gridWorkerId && c.stationId === loggedAtStationId);
        if (decision.kind !== 'dispatch' || !decision.atStation || decision.gridWorkerId === ticket.gridWorkerId || holderPostedThere) return false;
      }
      const now = this.clock.now();
      if (decision.kind === 'none') {
        const message = grid ? decision.reason : `grid ${ticket.gridId} is not in the directory`;
        await this.tickets.update(ticket.id, { status: 'undispatched', gridWorkerId: null, acceptBy: null });
        if (!command.opened) await this.deadlines.cancelAccept(ticket, now);
        await this.dispatches.logUndispatched(ticket.id, message);
        this.logger.warn({ ticketId: ticket.id, grievanceId: ticket.grievanceId, gridId: ticket.gridId, reason: message }, 'ticket waits undispatched');
        return false;
      }
      // The first dispatch is attempt 1; every later one (after a lapse, or after waiting) counts up.
      const attempt = ticket.dispatchedAt === null ? ticket.attempt : ticket.attempt + 1;
      const name = candidates.find((c) => c.id === decision.gridWorkerId)!.name;
      const deadline = await this.deadlines.startAccept(ticket, { type: 'grid_worker', id: decision.gridWorkerId, name }, now, causationId, command.opened === true);
      const acceptBy = deadline.dueAt;
      await this.tickets.update(ticket.id, { status: 'dispatched', gridWorkerId: decision.gridWorkerId, attempt, acceptBy, dispatchedAt: now });
      await this.dispatches.recordDispatch(ticket.id, attempt, decision.gridWorkerId, now);
      await this.events.record(
        'ticket.dispatched.v1',
        createEnvelope({
          topic: 'ticket.dispatched.v1',
          grievanceId: ticket.grievanceId,
          actor: SYSTEM_ACTOR,
          correlationId: ticket.correlationId,
          causationId,
          occurredAt: now,
          payload: {
            ticketId: ticket.id,
            gridId: ticket.gridId,
            gridWorkerId: decision.gridWorkerId,
            attempt,
            ...(acceptBy ? { acceptBy: acceptBy.toISOString() } : {}),
          },
        }),
      );
      this.logger.info({ ticketId: ticket.id, gridWorkerId: decision.gridWorkerId, pool: decision.pool, atStation: decision.atStation ?? false, attempt }, 'ticket dispatched');
      return true;
    });
  }
}
