import { Inject, Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { EntityManager } from 'typeorm';
import { createEnvelope, EventEnvelope, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { GridDispatchConfig } from '../config';
import { ACCEPT_DEADLINES, AcceptDeadlines } from '../deadlines/accept-deadlines';
import { DispatchLogEntity, GridEntity, TicketEntity } from '../entities';
import { chooseGridWorker, DispatchCandidate } from './dispatch-rule';

interface CandidateRow {
  id: string;
  grid_id: string;
  community_id: string | null;
  street_id: string | null;
  on_duty: boolean;
  last_dispatched_at: Date | null;
  open_tickets: number;
}

/** What to arm once a dispatch is recorded. */
export interface Armed {
  ticketId: string;
  attempt: number;
  acceptBy: Date;
}

/** Creates tickets, gives them to grid workers, and moves them on when nobody accepts in time. */
@Injectable()
export class DispatchService {
  constructor(
    private readonly config: GridDispatchConfig,
    private readonly outbox: TransactionalOutbox,
    @Inject(ACCEPT_DEADLINES) private readonly deadlines: AcceptDeadlines,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  get acceptWindowMs(): number {
    return Math.max(1, Math.round(this.config.ACCEPT_DEADLINE_MS * this.config.SLA_TIME_SCALE));
  }

  /**
   * A routed hazard with a grid gets its ticket (one per grievance: a redelivered or
   * repeated routing changes nothing) and is dispatched in the same transaction.
   */
  async openTicket(
    tx: OutboxTransaction,
    cause: Pick<EventEnvelope, 'eventId' | 'correlationId' | 'grievanceId'>,
    gridId: string,
  ): Promise<Armed | undefined> {
    const ticketId = uuidv7();
    const inserted = (await tx.manager.query(
      `INSERT INTO tickets (id, grievance_id, grid_id, status, correlation_id)
       VALUES ($1, $2, $3, 'undispatched', $4) ON CONFLICT (grievance_id) DO NOTHING RETURNING id`,
      [ticketId, cause.grievanceId, gridId, cause.correlationId],
    )) as unknown[];
    if (inserted.length === 0) {
      this.logger.info({ grievanceId: cause.grievanceId }, 'the grievance already has a ticket; routing ignored');
      return undefined;
    }
    const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id: ticketId });
    return this.dispatch(tx, ticket, cause.eventId);
  }

  /** Gives the ticket to the next worker (or leaves it waiting, logged); records ticket.dispatched.v1. */
  async dispatch(tx: OutboxTransaction, ticket: TicketEntity, causationId: string | null): Promise<Armed | undefined> {
    const manager = tx.manager;
    // Dispatches take turns (until commit), so two at once never both count the same worker as least loaded.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('grid-dispatch:dispatch'))`);
    const grid = await manager.findOneBy(GridEntity, { id: ticket.gridId });
    const candidates = await this.candidates(manager, ticket.gridId, grid?.communityId ?? null, grid?.streetId ?? null);
    const decision = chooseGridWorker(
      { gridId: ticket.gridId, communityId: grid?.communityId ?? null, streetId: grid?.streetId ?? null, exclude: ticket.lapsedWorkerIds },
      candidates,
    );
    if (decision.kind === 'none') {
      const message = grid ? decision.reason : `grid ${ticket.gridId} is not in the directory`;
      await manager.update(TicketEntity, { id: ticket.id }, { status: 'undispatched', gridWorkerId: null, acceptBy: null });
      await manager.insert(DispatchLogEntity, { ticketId: ticket.id, message });
      this.logger.warn({ ticketId: ticket.id, grievanceId: ticket.grievanceId, gridId: ticket.gridId, reason: message }, 'ticket waits undispatched');
      return undefined;
    }
    const now = new Date();
    // The first dispatch is attempt 1; every later one (after a lapse, or after waiting) counts up.
    const attempt = ticket.dispatchedAt === null ? ticket.attempt : ticket.attempt + 1;
    const acceptBy = new Date(now.getTime() + this.acceptWindowMs);
    await manager.update(
      TicketEntity,
      { id: ticket.id },
      { status: 'dispatched', gridWorkerId: decision.gridWorkerId, attempt, acceptBy, dispatchedAt: now },
    );
    await manager.query(`UPDATE grid_workers SET last_dispatched_at = $2 WHERE id = $1`, [decision.gridWorkerId, now]);
    await tx.publish(
      'ticket.dispatched.v1',
      createEnvelope({
        topic: 'ticket.dispatched.v1',
        grievanceId: ticket.grievanceId,
        actor: SYSTEM_ACTOR,
        correlationId: ticket.correlationId,
        causationId,
        occurredAt: now,
        payload: { ticketId: ticket.id, gridId: ticket.gridId, gridWorkerId: decision.gridWorkerId, attempt, acceptBy: acceptBy.toISOString() },
      }),
    );
    this.logger.info({ ticketId: ticket.id, gridWorkerId: decision.gridWorkerId, pool: decision.pool, attempt }, 'ticket dispatched');
    return { ticketId: ticket.id, attempt, acceptBy };
  }

  /** Arms an accept deadline; a failure is logged (the start-up re-arm from Postgres repairs it). */
  async arm(armed: Armed | undefined): Promise<void> {
    if (!armed) return;
    await this.deadlines
      .arm(armed.ticketId, armed.attempt, armed.acceptBy)
      .catch((error: unknown) => this.logger.error({ err: error, ticketId: armed.ticketId }, 'could not arm the accept deadline'));
  }

  /**
   * The accept deadline of (ticket, attempt) rang. Re-checks Postgres: only a ticket still
   * dispatched at that attempt and past its accept-by moves on; anything else is a stale,
   * early or repeated alarm and changes nothing.
   */
  async onAcceptDeadline(ticketId: string, attempt: number): Promise<{ retryAt: Date } | undefined> {
    const armed = await this.outbox.run(async (tx) => {
      const ticket = await tx.manager.findOne(TicketEntity, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
      if (!ticket || ticket.status !== 'dispatched' || ticket.attempt !== attempt || !ticket.acceptBy) return undefined;
      if (ticket.acceptBy.getTime() > Date.now()) {
        this.logger.info({ ticketId, attempt }, 'accept deadline rang early; ignored');
        return { early: ticket.acceptBy };
      }
      const lapsed = ticket.gridWorkerId ? [...new Set([...ticket.lapsedWorkerIds, ticket.gridWorkerId])] : ticket.lapsedWorkerIds;
      ticket.lapsedWorkerIds = lapsed;
      await tx.manager.update(TicketEntity, { id: ticket.id }, { lapsedWorkerIds: lapsed });
      this.logger.info({ ticketId, attempt, lapsedBy: ticket.gridWorkerId }, 'ticket not accepted in time; re-dispatching');
      return this.dispatch(tx, ticket, acceptDeadlineCause(ticketId, attempt));
    });
    if (armed && 'early' in armed) return { retryAt: armed.early };
    await this.arm(armed);
    return undefined;
  }

  /**
   * A grid worker came on duty: the tickets waiting undispatched within their reach (their
   * grid, community or street) are dispatched again (each to whoever the rule picks now).
   */
  async dispatchWaiting(gridWorkerId: string): Promise<number> {
    const armed = await this.outbox.run(async (tx) => {
      const waiting = (await tx.manager.query(
        `SELECT t.id FROM tickets t
           JOIN grids tg ON tg.id = t.grid_id
           JOIN grid_workers w ON w.id = $1
           JOIN grids wg ON wg.id = w.grid_id
          WHERE t.status = 'undispatched'
            AND (t.grid_id = w.grid_id OR tg.community_id = wg.community_id OR tg.street_id = wg.street_id)
          ORDER BY t.created_at
          LIMIT 100
          FOR UPDATE OF t SKIP LOCKED`,
        [gridWorkerId],
      )) as { id: string }[];
      const results: Armed[] = [];
      for (const { id } of waiting) {
        const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id });
        const result = await this.dispatch(tx, ticket, null);
        if (result) results.push(result);
      }
      return results;
    });
    for (const one of armed) await this.arm(one);
    return armed.length;
  }

  /** On start: arms the deadline of every ticket still waiting to be accepted (overdue ones ring at once). */
  async rearmOpenDeadlines(): Promise<number> {
    const open = await this.outbox.run((tx) =>
      tx.manager.find(TicketEntity, { where: { status: 'dispatched' }, select: { id: true, attempt: true, acceptBy: true } }),
    );
    for (const ticket of open) {
      if (ticket.acceptBy) await this.arm({ ticketId: ticket.id, attempt: ticket.attempt, acceptBy: ticket.acceptBy });
    }
    return open.length;
  }

  private async candidates(manager: EntityManager, gridId: string, communityId: string | null, streetId: string | null): Promise<DispatchCandidate[]> {
    const rows = (await manager.query(
      `SELECT w.id, w.grid_id, g.community_id, g.street_id, w.on_duty, w.last_dispatched_at,
              (SELECT count(*) FROM tickets t WHERE t.grid_worker_id = w.id AND t.status IN ('dispatched', 'accepted'))::int AS open_tickets
         FROM grid_workers w JOIN grids g ON g.id = w.grid_id
        WHERE w.on_duty AND (w.grid_id = $1 OR g.community_id = $2 OR g.street_id = $3)`,
      [gridId, communityId, streetId],
    )) as CandidateRow[];
    return rows.map((row) => ({
      id: row.id,
      gridId: row.grid_id,
      communityId: row.community_id,
      streetId: row.street_id,
      onDuty: row.on_duty,
      openTickets: row.open_tickets,
      lastDispatchedAt: row.last_dispatched_at ? new Date(row.last_dispatched_at) : null,
    }));
  }
}

/** The causation of a re-dispatch: the alarm that rang. */
export function acceptDeadlineCause(ticketId: string, attempt: number): string {
  return `accept-deadline:${ticketId}:${attempt}`;
}
