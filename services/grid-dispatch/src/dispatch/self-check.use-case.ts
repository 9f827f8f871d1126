import { Injectable } from '@nestjs/common';
import type { MultiPolygon, Polygon } from 'geojson';
import { PinoLogger } from 'nestjs-pino';
import { createEnvelope } from '@grievance/contracts';
import { SpatialIndex } from '@grievance/geo';
import { DEFAULT_LANGUAGE, t } from '@grievance/i18n';
import { Clock } from '@grievance/platform';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { TicketEvents } from '../tickets/ticket-events';
import { GrievanceSnapshot, Ticket, TicketsRepository } from '../tickets/tickets.repository';
import { DispatchRepository } from './dispatch.repository';

/**
 * 骑手发单—网格员派单—部门接单: a rider or courier appointed as the part-time grid worker
 * (兼职网格员) of a grid reports a hazard as themself, inside that grid, with a photo and its
 * position. Their report is the on-site check: the ticket is theirs and verified (confirmed) at
 * once, and ticket.verified.v1 is recorded by them as grid worker, so routing hands the grievance
 * straight to its department; nobody else is sent to look. Outside their grid, without a photo
 * or a position, or reported by somebody else for them, it is not (the normal loop applies).
 * Runs in the caller's unit of work; returns whether it took the ticket.
 */
@Injectable()
export class SelfCheck {
  constructor(
    private readonly dispatch: DispatchRepository,
    private readonly tickets: TicketsRepository,
    private readonly deadlines: TicketDeadlines,
    private readonly events: TicketEvents,
    private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  async execute(ticket: Ticket, snapshot: GrievanceSnapshot | undefined, causationId: string | null): Promise<boolean> {
    // A ticket a grid worker has already accepted is theirs to check.
    if (ticket.status !== 'undispatched' && ticket.status !== 'dispatched') return false;
    if (!snapshot?.reportedBy || snapshot.attachmentIds.length === 0 || snapshot.lat === null || snapshot.lng === null) return false;
    const appointee = await this.dispatch.appointedGridWorker(snapshot.reportedBy);
    if (!appointee || appointee.gridId !== ticket.gridId) return false;
    const inside = new SpatialIndex([{ id: appointee.gridId, polygon: appointee.polygon as Polygon | MultiPolygon }]).find(snapshot.lat, snapshot.lng);
    if (!inside) return false;

    const now = this.clock.now();
    // Routed before the submission came: a grid worker it went to is no longer owed an answer.
    if (ticket.status === 'dispatched') await this.deadlines.cancelAccept(ticket, now);
    const note = t(DEFAULT_LANGUAGE, 'hazard.checkedByReporter');
    const changes = { status: 'verified' as const, gridWorkerId: appointee.id, verifiedAt: now, verdict: 'confirmed' as const, verifyNote: note };
    Object.assign(ticket, changes);
    await this.tickets.update(ticket.id, changes);
    await this.events.record(
      'ticket.verified.v1',
      createEnvelope({
        topic: 'ticket.verified.v1',
        grievanceId: ticket.grievanceId,
        actor: { id: appointee.id, role: 'grid_worker' },
        correlationId: ticket.correlationId,
        ...(causationId ? { causationId } : {}),
        occurredAt: now,
        payload: {
          ticketId: ticket.id,
          gridWorkerId: appointee.id,
          verdict: 'confirmed',
          note,
          position: { lat: snapshot.lat, lng: snapshot.lng },
          attachmentIds: snapshot.attachmentIds.slice(0, 20),
        },
      }),
    );
    this.logger.info({ ticketId: ticket.id, gridWorkerId: appointee.id }, 'a part-time grid worker reported in their own grid: the report is the on-site check');
    return true;
  }
}
