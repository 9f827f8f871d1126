import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OutboxTransaction } from '@grievance/messaging';
import { FiredDeadline, SlaHandlers } from '@grievance/sla';
import { DispatchService } from '../dispatch/dispatch.service';
import { ticketIdOf } from './ticket-deadlines';

/**
 * A grid worker's accept deadline broke: the ticket goes to the next worker, in the firing
 * transaction (the breach and the re-dispatch commit together, or neither does). A verify
 * deadline that breaks is only reported (sla.breached.v1): the worker has the ticket in hand.
 */
@Injectable()
export class RedispatchOnLapse {
  constructor(private readonly dispatch: DispatchService) {}

  async execute(fired: FiredDeadline, tx: OutboxTransaction): Promise<void> {
    const { deadline } = fired;
    const ticketId = ticketIdOf(deadline.subject);
    if (deadline.target !== 'accept' || !ticketId) return;
    await this.dispatch.redispatchAfterLapse(tx, ticketId, deadline.holder.id, fired.event.eventId);
  }
}

/**
 * The engine's handlers, resolved when an alarm fires: the use case needs the engine (through
 * the dispatch service), so it cannot be built before the engine is.
 */
export function gridDispatchSlaHandlers(moduleRef: ModuleRef): SlaHandlers {
  return {
    onBreached: (fired, tx) => moduleRef.get(RedispatchOnLapse, { strict: false }).execute(fired, tx),
  };
}
