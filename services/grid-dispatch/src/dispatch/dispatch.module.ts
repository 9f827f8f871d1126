import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AdoptUntimedTickets } from './adopt-untimed-tickets.use-case';
import { DispatchTicket } from './dispatch-ticket.use-case';
import { DispatchWaiting } from './dispatch-waiting.use-case';
import { DispatchRepository } from './dispatch.repository';
import { OpenTicket } from './open-ticket.use-case';
import { RecordSubmission } from './record-submission.use-case';
import { RecheckContested } from './recheck-contested.use-case';
import { RedispatchOnLapse } from './redispatch-on-lapse.use-case';
import { SelfCheck } from './self-check.use-case';

/** Who gets a ticket: opening a routed hazard's ticket, dispatch and re-dispatch, tickets waiting for somebody in reach. */
@Module({
  imports: [TicketsModule, DeadlinesModule],
  providers: [DispatchRepository, SelfCheck, DispatchTicket, OpenTicket, RecordSubmission, RedispatchOnLapse, DispatchWaiting, AdoptUntimedTickets, RecheckContested],
  exports: [OpenTicket, RecheckContested, RecordSubmission, RedispatchOnLapse, DispatchWaiting, AdoptUntimedTickets],
})
export class DispatchModule {}
