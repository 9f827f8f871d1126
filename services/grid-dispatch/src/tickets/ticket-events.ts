import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { TicketNotice, TicketStream } from './ticket-stream';

/** The events that change a ticket for its grid worker, and the notice each gives their open streams. */
const NOTICE_TYPES = {
  'ticket.dispatched.v1': 'dispatched',
  'ticket.accepted.v1': 'accepted',
  'ticket.verified.v1': 'verified',
} as const satisfies Record<string, TicketNotice['type']>;

export type TicketTopic = keyof typeof NOTICE_TYPES;

/**
 * The one way grid-dispatch records a ticket event: in the unit of work's transaction (the
 * outbox), and once that transaction has committed, a live notice to the worker's open
 * streams (TicketStream). A transaction that rolls back records nothing and tells nobody. The
 * notice is only a hint (the worker's client fetches GET /v1/tickets again): if Redis is away
 * it is logged and lost, and what was committed stays committed.
 */
@Injectable()
export class TicketEvents {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly stream: TicketStream,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('ticket-stream');
  }

  /** Records the event in the current transaction (throws outside one) and schedules its notice for after the commit. */
  async record<T extends TicketTopic>(topic: T, envelope: EventEnvelope<PayloadOf<T>>): Promise<void> {
    const tx = this.unitOfWork.transaction();
    await tx.publish(topic, envelope);
    const { ticketId, gridWorkerId }: PayloadOf<TicketTopic> = envelope.payload;
    const notice: TicketNotice = { gridWorkerId, ticketId, grievanceId: envelope.grievanceId, type: NOTICE_TYPES[topic] };
    tx.afterCommit(() =>
      this.stream.publish(notice).catch((error: unknown) => this.logger.warn({ err: error, ...notice }, 'live ticket notice not sent')),
    );
  }
}
