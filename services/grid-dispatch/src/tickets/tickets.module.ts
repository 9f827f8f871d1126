import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DirectoryRepository } from '../directory/directory.repository';
import { AcceptTicket } from './accept-ticket.use-case';
import { ListTickets } from './list-tickets.use-case';
import { TicketEvents } from './ticket-events';
import { TicketStream } from './ticket-stream';
import { TicketStreamController } from './ticket-stream.controller';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { VerifyTicket } from './verify-ticket.use-case';

/** A grid worker's tickets: the inbox, 签收 (accept) and 核查 (verify), and the live stream of their changes. */
@Module({
  imports: [DeadlinesModule],
  controllers: [TicketsController, TicketStreamController],
  providers: [TicketsRepository, DirectoryRepository, ListTickets, AcceptTicket, VerifyTicket, TicketStream, TicketEvents],
  exports: [TicketsRepository, TicketEvents],
})
export class TicketsModule {}
