import { Injectable } from '@nestjs/common';
import { metresBetween } from '@grievance/geo';
import { Actor, createEnvelope, VerifyVerdict } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, DomainError } from '@grievance/platform';
import { GridDispatchConfig } from '../config';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { DirectoryRepository } from '../directory/directory.repository';
import { ownTicket } from './own-ticket';
import { TicketEvents } from './ticket-events';
import { GrievanceSnapshot, TicketsRepository } from './tickets.repository';
import { toTicketView, TicketView } from './ticket-view';

export interface VerifyTicketCommand {
  ticketId: string;
  /** The grid worker who checked on site (their own ticket only). */
  gridWorker: Actor;
  verdict: VerifyVerdict;
  note: string;
  position: { lat: number; lng: number };
  attachmentIds?: string[];
  duplicateOf?: string;
  /** A confirmed verdict only: the category found on site (a category code of the directory copy). */
  correctedCategory?: string;
  /** A confirmed verdict only: the department that should take it (a department code of the directory copy). */
  correctedDepartment?: string;
}

/**
 * 核查: the grid worker's verdict from the site. A `confirmed` one needs a photo and a
 * position within VERIFY_MAX_DISTANCE_M of the report; a `duplicate` names another grievance.
 * The verify deadline is completed and ticket.verified.v1 recorded with the ticket's change.
 * A confirmed verdict may correct the report's category and/or name the department that should
 * take it (both must be in the directory copy): routing hands the grievance to that department.
 */
@Injectable()
export class VerifyTicket {
  constructor(
    private readonly config: GridDispatchConfig,
    private readonly unitOfWork: UnitOfWork,
    private readonly tickets: TicketsRepository,
    private readonly directory: DirectoryRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
  ) {}

  execute(command: VerifyTicketCommand): Promise<TicketView> {
    const { ticketId, gridWorker } = command;
    return this.unitOfWork.run(async () => {
      const ticket = await ownTicket(this.tickets, ticketId, gridWorker.id, true);
      if (ticket.status === 'verified') throw DomainError.conflict(`ticket ${ticketId} is already verified`, undefined, { key: 'error.ticket.alreadyVerified', params: { ticketId } });
      if (ticket.status !== 'accepted') throw DomainError.conflict(`ticket ${ticketId} must be accepted before it is verified`, undefined, { key: 'error.ticket.notAccepted', params: { ticketId } });
      const snapshot = await this.tickets.snapshotOf(ticket.grievanceId);
      const attachmentIds = command.attachmentIds ?? [];
      if (command.verdict === 'confirmed') this.checkOnSite(command, attachmentIds, snapshot);
      if (command.verdict === 'duplicate' && command.duplicateOf === ticket.grievanceId) {
        throw DomainError.unprocessable('duplicateOf: a grievance cannot be a duplicate of itself', { field: 'duplicateOf' }, { key: 'error.ticket.duplicateOfSelf' });
      }
      await this.checkCorrections(command);
      const { correctedCategory, correctedDepartment } = command;
      const now = this.clock.now();
      const changes = {
        status: 'verified' as const,
        verifiedAt: now,
        verdict: command.verdict,
        verifyNote: command.note,
        ...(correctedCategory ? { category: correctedCategory } : {}),
      };
      Object.assign(ticket, changes);
      await this.tickets.update(ticket.id, changes);
      await this.deadlines.verified(ticket, now);
      await this.events.record(
        'ticket.verified.v1',
        createEnvelope({
          topic: 'ticket.verified.v1',
          grievanceId: ticket.grievanceId,
          actor: gridWorker,
          correlationId: correlationIdForNewWork(),
          occurredAt: now,
          payload: {
            ticketId: ticket.id,
            gridWorkerId: gridWorker.id,
            verdict: command.verdict,
            note: command.note,
            position: { lat: command.position.lat, lng: command.position.lng },
            attachmentIds,
            ...(command.verdict === 'duplicate' ? { duplicateOf: command.duplicateOf } : {}),
            ...(correctedCategory ? { correctedCategory } : {}),
            ...(correctedDepartment ? { correctedDepartment } : {}),
          },
        }),
      );
      return toTicketView(ticket, snapshot);
    });
  }

  /** A correction comes with a confirmed verdict only, and names a category or department the directory holds. */
  private async checkCorrections(command: VerifyTicketCommand): Promise<void> {
    const { correctedCategory, correctedDepartment } = command;
    if (correctedCategory === undefined && correctedDepartment === undefined) return;
    if (command.verdict !== 'confirmed') {
      const field = correctedCategory !== undefined ? 'correctedCategory' : 'correctedDepartment';
      throw DomainError.invalid(`${field}: only a confirmed check corrects the category or the department`, { field }, { key: 'error.ticket.correctionNeedsConfirmed' });
    }
    if (correctedCategory !== undefined && !(await this.directory.liveCode('category', correctedCategory))) {
      throw DomainError.invalid(`correctedCategory: the directory has no category ${correctedCategory}`, { field: 'correctedCategory' }, { key: 'error.ticket.unknownCategory', params: { category: correctedCategory } });
    }
    if (correctedDepartment !== undefined && !(await this.directory.liveCode('department', correctedDepartment))) {
      throw DomainError.invalid(`correctedDepartment: the directory has no department ${correctedDepartment}`, { field: 'correctedDepartment' }, { key: 'error.ticket.unknownDepartment', params: { department: correctedDepartment } });
    }
  }

  /** A confirmed hazard was seen: a photo of it, taken where it was reported. */
  private checkOnSite(command: VerifyTicketCommand, attachmentIds: string[], snapshot: GrievanceSnapshot | undefined): void {
    if (attachmentIds.length === 0) {
      throw DomainError.unprocessable('attachmentIds: a confirmed check needs at least one photo', { field: 'attachmentIds' }, { key: 'error.ticket.photoRequired' });
    }
    if (!snapshot || snapshot.lat === null || snapshot.lng === null) {
      throw DomainError.unprocessable('position: the report has no known location to check against', { field: 'position' }, { key: 'error.ticket.noLocation' });
    }
    const metres = metresBetween(command.position, { lat: snapshot.lat, lng: snapshot.lng });
    const max = this.config.VERIFY_MAX_DISTANCE_M;
    if (metres > max) {
      throw DomainError.unprocessable(`position: ${Math.round(metres)} m from the reported location; a confirmed check must be within ${max} m`, {
        field: 'position',
        distanceM: Math.round(metres),
        maxDistanceM: max,
      }, { key: 'error.ticket.tooFar', params: { metres: Math.round(metres), max } });
    }
  }
}
