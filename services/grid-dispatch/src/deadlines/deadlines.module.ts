import { Module } from '@nestjs/common';
import { ApplySlaPolicyChange } from './apply-policy-change.use-case';
import { TicketDeadlines } from './ticket-deadlines';

/** Tickets' SLA deadlines on the engine (SlaModule, set up by the app) and this service's copy of the SLA settings. */
@Module({
  providers: [TicketDeadlines, ApplySlaPolicyChange],
  exports: [TicketDeadlines, ApplySlaPolicyChange],
})
export class DeadlinesModule {}
