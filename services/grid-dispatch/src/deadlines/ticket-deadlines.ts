import { Injectable } from '@nestjs/common';
import { Holder, SlaTarget } from '@grievance/contracts';
import { OutboxTransaction, UnitOfWork } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { GrievanceFacts, SlaDeadline, SlaEngine } from '@grievance/sla';
import type { Ticket } from '../tickets/tickets.repository';

/** The queue of this service's SLA alarms: a stable name, prefixed by the service. */
export const GRID_DISPATCH_SLA_QUEUE = 'grid-dispatch.sla';

const SUBJECT_PREFIX = 'ticket:';

/** A ticket's deadlines are the grievance's deadlines about `ticket:<id>`. */
export function ticketSubject(ticketId: string): string {
  return `${SUBJECT_PREFIX}${ticketId}`;
}

export function ticketIdOf(subject: string): string | undefined {
  return subject.startsWith(SUBJECT_PREFIX) ? subject.slice(SUBJECT_PREFIX.length) : undefined;
}

/** What a ticket's policies are matched on: the grievance, at the grid stage. */
export function ticketGrievance(ticket: Pick<Ticket, 'kind' | 'category' | 'urgency'>): GrievanceFacts {
  return { kind: ticket.kind, category: ticket.category ?? 'unknown', urgency: ticket.urgency, stage: 'grid' };
}

/**
 * A ticket's SLA deadlines on the engine: `accept` from dispatch to 签收, then `verify`
 * from 签收 to 核查, each held by the grid worker. Every call runs in the current unit of
 * work's transaction, so a deadline moves together with the ticket. The engine's refusals
 * are domain errors already.
 */
@Injectable()
export class TicketDeadlines {
  constructor(
    private readonly sla: SlaEngine,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The engine takes the transaction as a parameter: the current one. */
  private get tx(): OutboxTransaction {
    return this.unitOfWork.transaction();
  }

  /** The ticket's open deadline for a target. */
  async open(ticket: Pick<Ticket, 'id' | 'grievanceId'>, target: SlaTarget): Promise<SlaDeadline | undefined> {
    const subject = ticketSubject(ticket.id);
    return (await this.sla.openFor(ticket.grievanceId, this.tx)).find((d) => d.subject === subject && d.target === target);
  }

  /** Which of these tickets have an open deadline for a target (by ticket id). */
  async openOfMany(tickets: readonly Pick<Ticket, 'id' | 'grievanceId'>[], target: SlaTarget): Promise<Map<string, SlaDeadline>> {
    const found = new Map<string, SlaDeadline>();
    const wanted = new Set(tickets.map((t) => ticketSubject(t.id)));
    // One read for all of them: a service starting with thousands of tickets open must not ask one by one.
    for (const deadlines of (await this.sla.openForMany([...new Set(tickets.map((t) => t.grievanceId))], this.tx)).values()) {
      for (const d of deadlines) {
        const ticketId = ticketIdOf(d.subject);
        if (ticketId && d.target === target && wanted.has(d.subject)) found.set(ticketId, d);
      }
    }
    return found;
  }

  /**
   * The ticket reached a grid worker: their accept clock starts at `at`. After a lapse the
   * breached deadline is handed over with a fresh budget, so the chain of holders stays one.
   * A ticket opened in this transaction (`opened`) has no deadline yet: none is looked for.
   */
  async startAccept(ticket: Ticket, holder: Holder, at: Date, causationId: string | null, opened = false): Promise<SlaDeadline> {
    const open = opened ? undefined : await this.open(ticket, 'accept');
    if (open) return this.sla.carryOver(this.tx, open.id, { holder, budget: 'fresh', at, causationId });
    return this.sla.start(this.tx, {
      noneOpen: true,
      grievanceId: ticket.grievanceId,
      subject: ticketSubject(ticket.id),
      target: 'accept',
      holder,
      grievance: ticketGrievance(ticket),
      at,
      correlationId: ticket.correlationId,
      causationId,
    });
  }

  /** Nobody is left to take the ticket: the lapsed worker's deadline is no longer owed (a new one starts with the next dispatch). */
  async cancelAccept(ticket: Ticket, at: Date): Promise<void> {
    const open = await this.open(ticket, 'accept');
    if (open) await this.sla.cancel(this.tx, open.id, at);
  }

  /**
   * `gridWorkerId` accepted the ticket at `at`: their accept deadline is completed (met, or
   * late if it broke) and their verify clock starts. Locks the accept deadline: callers do this
   * before locking the ticket, in the order a firing takes them.
   */
  async accepted(ticket: Ticket, gridWorkerId: string, at: Date, causationId: string): Promise<SlaDeadline> {
    const accept = await this.open(ticket, 'accept');
    if (accept && accept.holder.id !== gridWorkerId) throw DomainError.conflict(`ticket ${ticket.id} is no longer waiting for you to accept it`, undefined, { key: 'error.ticket.noLongerYours', params: { ticketId: ticket.id } });
    const holder = accept ? (await this.sla.complete(this.tx, accept.id, at)).deadline.holder : { type: 'grid_worker' as const, id: gridWorkerId, name: gridWorkerId };
    return this.sla.start(this.tx, {
      grievanceId: ticket.grievanceId,
      subject: ticketSubject(ticket.id),
      target: 'verify',
      holder,
      grievance: accept?.grievance ?? ticketGrievance(ticket),
      at,
      correlationId: ticket.correlationId,
      causationId,
    });
  }

  /**
   * The ticket's facts changed after its deadlines started (the submission, with its
   * urgency, arrived after the routing): each open deadline is planned again under the
   * policy the facts now match, from the moment it started, so no time is forgiven. The
   * old one is cancelled (kept in the history); an overdue new one fires at once. Returns
   * the deadlines planned anew (the ticket's copy of its accept deadline is the caller's to update).
   */
  async replan(ticket: Ticket): Promise<SlaDeadline[]> {
    const grievance = ticketGrievance(ticket);
    const subject = ticketSubject(ticket.id);
    const replanned: SlaDeadline[] = [];
    for (const d of await this.sla.openFor(ticket.grievanceId, this.tx)) {
      if (d.subject !== subject || d.status === 'breached' || sameFacts(d.grievance, grievance)) continue;
      await this.sla.cancel(this.tx, d.id);
      const next = await this.sla.start(this.tx, {
        grievanceId: d.grievanceId,
        subject,
        target: d.target,
        holder: d.holder,
        grievance,
        at: d.startedAt,
        paused: d.status === 'paused',
        correlationId: d.correlationId,
        causationId: d.causationId,
      });
      replanned.push(next);
    }
    return replanned;
  }

  /** The on-site check is done: the verify deadline is completed. */
  async verified(ticket: Ticket, at: Date): Promise<void> {
    const verify = await this.open(ticket, 'verify');
    if (verify) await this.sla.complete(this.tx, verify.id, at);
  }
}

function sameFacts(a: GrievanceFacts, b: GrievanceFacts): boolean {
  return a.kind === b.kind && a.category === b.category && a.urgency === b.urgency && a.stage === b.stage;
}
