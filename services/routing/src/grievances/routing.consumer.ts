import { Injectable } from '@nestjs/common';
import type { OutboxTransaction } from '@grievance/messaging';
import { ConsumedEvent, HandlesEvent } from '@grievance/platform';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ReopenAppeal } from '../escalation/reopen-appeal.use-case';
import { StartAppeal } from '../escalation/start-appeal.use-case';
import { ApplyVerification } from './apply-verification.use-case';
import { CloseGrievance } from './close-grievance.use-case';
import { LinkDuplicate } from './link-duplicate.use-case';
import { ReopenContested } from './reopen-contested.use-case';
import { ReopenGrievance } from './reopen-grievance.use-case';
import { RouteGrievance } from './route-grievance.use-case';

/** The routing service's consumer group. */
export const ROUTING_CONSUMER_GROUP = 'routing';

/** Turns each event routing consumes into a use case call, inside the consumer's transaction (idempotent inbox + outbox). */
@Injectable()
export class RoutingConsumer {
  constructor(
    private readonly route: RouteGrievance,
    private readonly linkDuplicate: LinkDuplicate,
    private readonly verify: ApplyVerification,
    private readonly reopen: ReopenGrievance,
    private readonly close: CloseGrievance,
    private readonly reopenContested: ReopenContested,
    private readonly startAppeal: StartAppeal,
    private readonly reopenAppeal: ReopenAppeal,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  /** An appeal starts up the chain; a hazard the duplicate check found a duplicate is linked; any other hazard is routed. */
  @HandlesEvent('grievance.submitted.v1')
  async submitted(event: ConsumedEvent<'grievance.submitted.v1'>, tx: OutboxTransaction): Promise<void> {
    if (StartAppeal.applies(event.payload)) await this.startAppeal.execute(event, tx);
    else if (LinkDuplicate.applies(event.payload)) await this.linkDuplicate.execute(event, tx);
    else await this.route.execute(event, tx);
  }

  @HandlesEvent('feedback.rated.v1')
  async rated(event: ConsumedEvent<'feedback.rated.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.reopenAppeal.execute(event, tx);
  }

  /** The reporter answered: the holder's stopped clocks run again (a repeat changes nothing). */
  @HandlesEvent('grievance.replied.v1')
  async replied(event: ConsumedEvent<'grievance.replied.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.deadlines.resume(tx, event.grievanceId);
  }

  @HandlesEvent('ticket.verified.v1')
  async verified(event: ConsumedEvent<'ticket.verified.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.verify.execute(event, tx);
  }

  @HandlesEvent('grievance.reopened.v1')
  async reopened(event: ConsumedEvent<'grievance.reopened.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.reopen.execute(event, tx);
  }

  /** The reporter contested the invalid verdict: the hazard waits for another grid worker's verdict. */
  @HandlesEvent('grievance.contested.v1')
  async contested(event: ConsumedEvent<'grievance.contested.v1'>): Promise<void> {
    await this.reopenContested.execute(event);
  }

  @HandlesEvent('grievance.closed.v1')
  async closed(event: ConsumedEvent<'grievance.closed.v1'>, tx: OutboxTransaction): Promise<void> {
    await this.close.execute(event, tx);
  }
}
