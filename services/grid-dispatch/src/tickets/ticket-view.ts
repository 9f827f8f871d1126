import { TicketStatus } from '../entities';
import { GrievanceSnapshot, Ticket } from './tickets.repository';

/** A ticket as its grid worker's inbox shows it, with the report it is about. */
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

export function toTicketView(ticket: Ticket, snapshot: GrievanceSnapshot | undefined): TicketView {
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
          // The category the check found (a corrected one), else the reporter's.
          category: ticket.category ?? snapshot.category,
          title: snapshot.title,
          location:
            snapshot.lat !== null && snapshot.lng !== null
              ? { lat: snapshot.lat, lng: snapshot.lng, ...(snapshot.address ? { address: snapshot.address } : {}) }
              : null,
        }
      : null,
  };
}
