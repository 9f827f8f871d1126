import { Controller, Header, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { StreamMessage, TicketStream } from './ticket-stream';

@Controller()
export class TicketStreamController {
  constructor(private readonly stream: TicketStream) {}

  /**
   * Server-sent events: `event: ticket` with `{gridWorkerId, ticketId, grievanceId, type}`
   * each time one of the caller's tickets is dispatched to them, accepted or verified.
   */
  @Sse('v1/tickets/stream')
  @Header('Cache-Control', 'no-cache, no-transform')
  @Header('X-Accel-Buffering', 'no')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'a stream of `ticket` events', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @Roles('grid_worker')
  events(@CurrentPrincipal() principal: Principal): Observable<StreamMessage> {
    return this.stream.forWorker(principal.sub);
  }
}
