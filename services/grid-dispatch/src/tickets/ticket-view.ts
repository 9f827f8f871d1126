import { ApiProperty } from '@nestjs/swagger';
import { VERIFY_VERDICTS, VerifyVerdict } from '@grievance/contracts';
import { LocationView } from '@grievance/platform';
import { TICKET_STATUSES, TicketStatus } from '../entities';
import { GrievanceSnapshot, Ticket } from './tickets.repository';

/** The report a ticket is about, as intake took it. */
export class TicketReportView {
  @ApiProperty({ example: 'NC-20261203-000042' })
  trackingNo!: string;

  @ApiProperty({ description: 'the category the check found (a corrected one), else the reporter\'s' })
  category!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: () => LocationView, nullable: true })
  location!: LocationView | null;
}

/** A ticket as its grid worker's inbox shows it, with the report it is about. */
export class TicketView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  grievanceId!: string;

  @ApiProperty()
  gridId!: string;

  @ApiProperty({ type: String, nullable: true })
  gridWorkerId!: string | null;

  @ApiProperty({ description: 'the dispatch attempt: 1 the first, one more each time it went to another grid worker' })
  attempt!: number;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'by when the grid worker must accept' })
  acceptBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dispatchedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt!: string | null;

  @ApiProperty({ type: String, enum: VERIFY_VERDICTS, nullable: true })
  verdict!: VerifyVerdict | null;

  @ApiProperty({ type: () => TicketReportView, nullable: true, description: 'null until intake\'s report reached dispatch' })
  report!: TicketReportView | null;
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
