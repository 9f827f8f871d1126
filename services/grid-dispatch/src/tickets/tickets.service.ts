import { metresBetween } from '@grievance/geo';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@grievance/auth';
import { Actor, createEnvelope, VerifyVerdict } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { correlationIdForNewWork, DomainError } from '@grievance/platform';
import { GridDispatchConfig } from '../config';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { GrievanceSnapshotEntity, TicketEntity, TicketStatus } from '../entities';

export interface TicketView {
  id: string;
  grievanceId: string;
  gridId: string;
  gridWorkerId: string | null;
  attempt: number;
  status: TicketStatus;
  acceptBy: string | null;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  verifiedAt: string | null;
  verdict: string | null;
  report: { trackingNo: string; category: string; title: string; location: { lat: number; lng: number; address?: string } | null } | null;
}

export interface VerifyCommand {
  verdict: VerifyVerdict;
  note: string;
  position: { lat: number; lng: number };
  attachmentIds?: string[];
  duplicateOf?: string;
}

/** A grid worker's tickets: list, accept (签收), verify on site (核查), each with its SLA deadline. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly config: GridDispatchConfig,
    private readonly dataSource: DataSource,
    private readonly outbox: TransactionalOutbox,
    private readonly deadlines: TicketDeadlines,
  ) {}

  /** A grid worker's own tickets, newest first; an admin or auditor sees every ticket. */
  async list(principal: Principal): Promise<TicketView[]> {
    const where = principal.role === 'grid_worker' ? { gridWorkerId: principal.sub } : {};
    const tickets = await this.dataSource.getRepository(TicketEntity).find({ where, order: { createdAt: 'DESC' }, take: 500 });
    const snapshots = tickets.length
      ? await this.dataSource
          .getRepository(GrievanceSnapshotEntity)
          .createQueryBuilder('s')
          .where('s.grievance_id IN (:...ids)', { ids: tickets.map((t) => t.grievanceId) })
          .getMany()
      : [];
    const byGrievance = new Map(snapshots.map((s) => [s.grievanceId, s]));
    return tickets.map((t) => toTicketView(t, byGrievance.get(t.grievanceId)));
  }

  /** 签收: the worker's accept deadline is completed and their verify deadline starts, with the ticket's change. */
  async accept(principal: Principal, ticketId: string): Promise<TicketView> {
    return this.outbox.run(async (tx) => {
      const seen = await this.ownTicket(tx.manager, principal, ticketId, false);
      if (seen.status !== 'dispatched') throw DomainError.conflict(`ticket ${ticketId} is ${seen.status}, not waiting to be accepted`);
      const now = new Date();
      const accepted = createEnvelope({
        topic: 'ticket.accepted.v1',
        grievanceId: seen.grievanceId,
        actor: actorOf(principal),
        correlationId: correlationIdForNewWork(),
        occurredAt: now,
        payload: { ticketId: seen.id, gridWorkerId: principal.sub },
      });
      // The deadline before the ticket: a firing locks them in this order, so the two never wait on each other.
      await this.deadlines.accepted(tx, seen, principal.sub, now, accepted.eventId);
      const ticket = await this.ownTicket(tx.manager, principal, ticketId);
      if (ticket.status !== 'dispatched') throw DomainError.conflict(`ticket ${ticketId} is ${ticket.status}, not waiting to be accepted`);
      ticket.status = 'accepted';
      ticket.acceptedAt = now;
      await tx.manager.update(TicketEntity, { id: ticket.id }, { status: 'accepted', acceptedAt: now });
      await tx.publish('ticket.accepted.v1', accepted);
      const snapshot = await tx.manager.findOneBy(GrievanceSnapshotEntity, { grievanceId: ticket.grievanceId });
      return toTicketView(ticket, snapshot ?? undefined);
    });
  }

  async verify(principal: Principal, ticketId: string, command: VerifyCommand): Promise<TicketView> {
    return this.outbox.run(async (tx) => {
      const ticket = await this.ownTicket(tx.manager, principal, ticketId);
      if (ticket.status === 'verified') throw DomainError.conflict(`ticket ${ticketId} is already verified`);
      if (ticket.status !== 'accepted') throw DomainError.conflict(`ticket ${ticketId} must be accepted before it is verified`);
      const snapshot = await tx.manager.findOneBy(GrievanceSnapshotEntity, { grievanceId: ticket.grievanceId });
      const attachmentIds = command.attachmentIds ?? [];
      if (command.verdict === 'confirmed') {
        if (attachmentIds.length === 0) {
          throw DomainError.unprocessable('attachmentIds: a confirmed check needs at least one photo', { field: 'attachmentIds' });
        }
        if (!snapshot || snapshot.lat === null || snapshot.lng === null) {
          throw DomainError.unprocessable('position: the report has no known location to check against', { field: 'position' });
        }
        const metres = metresBetween(command.position, { lat: snapshot.lat, lng: snapshot.lng });
        if (metres > this.config.VERIFY_MAX_DISTANCE_M) {
          throw DomainError.unprocessable(
            `position: ${Math.round(metres)} m from the reported location; a confirmed check must be within ${this.config.VERIFY_MAX_DISTANCE_M} m`,
            { field: 'position', distanceM: Math.round(metres), maxDistanceM: this.config.VERIFY_MAX_DISTANCE_M },
          );
        }
      }
      if (command.verdict === 'duplicate' && command.duplicateOf === ticket.grievanceId) {
        throw DomainError.unprocessable('duplicateOf: a matter cannot be a duplicate of itself', { field: 'duplicateOf' });
      }
      const now = new Date();
      const changes = { status: 'verified' as const, verifiedAt: now, verdict: command.verdict, verifyNote: command.note };
      Object.assign(ticket, changes);
      await tx.manager.update(TicketEntity, { id: ticket.id }, changes);
      await this.deadlines.verified(tx, ticket, now);
      await tx.publish(
        'ticket.verified.v1',
        createEnvelope({
          topic: 'ticket.verified.v1',
          grievanceId: ticket.grievanceId,
          actor: actorOf(principal),
          correlationId: correlationIdForNewWork(),
          occurredAt: now,
          payload: {
            ticketId: ticket.id,
            gridWorkerId: principal.sub,
            verdict: command.verdict,
            note: command.note,
            position: { lat: command.position.lat, lng: command.position.lng },
            attachmentIds,
            ...(command.verdict === 'duplicate' ? { duplicateOf: command.duplicateOf } : {}),
          },
        }),
      );
      return toTicketView(ticket, snapshot ?? undefined);
    });
  }

  /** The caller's ticket, locked for the change unless told otherwise; anybody else's is "not found". */
  private async ownTicket(manager: EntityManager, principal: Principal, ticketId: string, lock = true): Promise<TicketEntity> {
    const ticket = await manager.findOne(TicketEntity, { where: { id: ticketId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!ticket || ticket.gridWorkerId !== principal.sub) throw DomainError.notFound('ticket', ticketId);
    return ticket;
  }
}

function actorOf(principal: Principal): Actor {
  return { id: principal.sub, role: principal.role };
}

function toTicketView(ticket: TicketEntity, snapshot: GrievanceSnapshotEntity | undefined): TicketView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: ticket.id,
    grievanceId: ticket.grievanceId,
    gridId: ticket.gridId,
    gridWorkerId: ticket.gridWorkerId,
    attempt: ticket.attempt,
    status: ticket.status,
    acceptBy: iso(ticket.acceptBy),
    dispatchedAt: iso(ticket.dispatchedAt),
    acceptedAt: iso(ticket.acceptedAt),
    verifiedAt: iso(ticket.verifiedAt),
    verdict: ticket.verdict,
    report: snapshot
      ? {
          trackingNo: snapshot.trackingNo,
          category: snapshot.category,
          title: snapshot.title,
          location:
            snapshot.lat !== null && snapshot.lng !== null
              ? { lat: snapshot.lat, lng: snapshot.lng, ...(snapshot.address ? { address: snapshot.address } : {}) }
              : null,
        }
      : null,
  };
}
