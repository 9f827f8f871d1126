import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { Actor } from '@grievance/contracts';
import { AcceptTicket } from './accept-ticket.use-case';
import { ListTickets } from './list-tickets.use-case';
import { TicketIdParam, VerifyBody } from './tickets.dto';
import { TicketView } from './ticket-view';
import { VerifyTicket } from './verify-ticket.use-case';

const actorOf = (principal: Principal): Actor => ({ id: principal.sub, role: principal.role });

@Controller()
export class TicketsController {
  constructor(
    private readonly listTickets: ListTickets,
    private readonly acceptTicket: AcceptTicket,
    private readonly verifyTicket: VerifyTicket,
  ) {}

  /** A grid worker's own tickets (admins and auditors: all). */
  @Get('v1/tickets')
  @Roles('grid_worker', 'admin', 'auditor')
  @ApiOkResponse({ type: [TicketView] })
  list(@CurrentPrincipal() principal: Principal): Promise<TicketView[]> {
    return this.listTickets.execute({ viewer: actorOf(principal) });
  }

  @Post('v1/tickets/:id/accept')
  @HttpCode(200)
  @Roles('grid_worker')
  @ApiOkResponse({ type: TicketView })
  accept(@CurrentPrincipal() principal: Principal, @Param() params: TicketIdParam): Promise<TicketView> {
    return this.acceptTicket.execute({ ticketId: params.id, gridWorker: actorOf(principal) });
  }

  @Post('v1/tickets/:id/verify')
  @HttpCode(200)
  @Roles('grid_worker')
  @ApiOkResponse({ type: TicketView })
  verify(@CurrentPrincipal() principal: Principal, @Param() params: TicketIdParam, @Body() body: VerifyBody): Promise<TicketView> {
    const { verdict, note, position, attachmentIds, duplicateOf, correctedCategory, correctedDepartment } = body;
    return this.verifyTicket.execute({
      ticketId: params.id,
      gridWorker: actorOf(principal),
      verdict,
      note,
      position,
      attachmentIds,
      duplicateOf,
      correctedCategory,
      correctedDepartment,
    });
  }
}
