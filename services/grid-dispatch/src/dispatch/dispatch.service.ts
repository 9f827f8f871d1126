import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { EntityManager } from 'typeorm';
import { createEnvelope, EventEnvelope, GrievanceKind, SYSTEM_ACTOR, Urgency, uuidv7 } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { DispatchLogEntity, GridEntity, GridWorkerEntity, TicketEntity } from '../entities';
import { chooseGridWorker, DispatchCandidate } from './dispatch-rule';
import { lastDispatchedAt, WORKER_LOAD_COLUMNS, WorkerLoadRow } from './worker-load';

interface CandidateRow extends WorkerLoadRow {
  id: string;
  grid_id: string;
  community_id: string | null;
  street_id: string | null;
  on_duty: boolean;
}

/** The matter a routed hazard's ticket is opened for (the facts its SLA policies are matched on). */
export interface RoutedMatter {
  kind: GrievanceKind;
  category: string;
}

/** Creates tickets, gives them to grid workers, and moves them on when nobody accepts in time. */
@Injectable()
export class DispatchService {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly deadlines: TicketDeadlines,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('dispatch');
  }

  /**
   * A routed hazard with a grid gets its ticket (one per grievance: a redelivered or
   * repeated routing changes nothing) and is dispatched in the same transaction. The
   * urgency comes from the submission's snapshot when it has arrived (normal otherwise).
   */
  async openTicket(
    tx: OutboxTransaction,
    cause: Pick<EventEnvelope, 'eventId' | 'correlationId' | 'grievanceId'>,
    gridId: string,
    matter: RoutedMatter,
  ): Promise<void> {
    const ticketId = uuidv7();
    const inserted = (await tx.manager.query(
      `INSERT INTO tickets (id, grievance_id, grid_id, status, correlation_id, kind, category, urgency)
       VALUES ($1, $2, $3, 'undispatched', $4, $5, $6,
               coalesce((SELECT urgency FROM grievance_snapshots WHERE grievance_id = $2), 'normal'))
       ON CONFLICT (grievance_id) DO NOTHING RETURNING id`,
      [ticketId, cause.grievanceId, gridId, cause.correlationId, matter.kind, matter.category],
    )) as unknown[];
    if (inserted.length === 0) {
      this.logger.info({ grievanceId: cause.grievanceId }, 'the grievance already has a ticket; routing ignored');
      return;
    }
    const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id: ticketId });
    await this.dispatch(tx, ticket, cause.eventId);
  }

  /**
   * The submission arrived after the routing (the two topics are consumed independently):
   * the ticket takes its urgency, and deadlines already running are planned again with it.
   */
  async noteUrgency(tx: OutboxTransaction, grievanceId: string, urgency: Urgency): Promise<void> {
    // Not locked first: the deadlines are (a firing takes them in that order); a firing in between makes the replan refuse, and the event is retried.
    const ticket = await tx.manager.findOneBy(TicketEntity, { grievanceId });
    if (!ticket || ticket.urgency === urgency) return;
    ticket.urgency = urgency;
    const replanned = await this.deadlines.replan(tx, ticket);
    await tx.manager.update(TicketEntity, { id: ticket.id }, { urgency });
    if (replanned > 0) this.logger.info({ ticketId: ticket.id, urgency, replanned }, 'the report came after its ticket; deadlines planned again');
  }

  /**
   * Gives the ticket to the next worker, whose accept deadline starts now, and records
   * ticket.dispatched.v1; or, with nobody available, leaves it waiting (logged). Returns
   * whether it was dispatched.
   */
  async dispatch(tx: OutboxTransaction, ticket: TicketEntity, causationId: string | null): Promise<boolean> {
    const manager = tx.manager;
    const grid = await manager.findOneBy(GridEntity, { id: ticket.gridId });
    // No lock: a dispatch only reads the workers' load and appends rows of its own, so dispatches
    // (batches of routed events, SLA firings) run side by side. Two at the same moment may not see
    // each other's uncommitted ticket and give both to the same least-loaded worker; the next
    // dispatch sees both and evens it out. A lock would be held until a whole batch commits, and
    // batches that dispatch in several streets took such locks in different orders (deadlocks).
    const candidates = await this.candidates(manager, ticket.gridId, grid?.communityId ?? null, grid?.streetId ?? null);
    const decision = chooseGridWorker(
      { gridId: ticket.gridId, communityId: grid?.communityId ?? null, streetId: grid?.streetId ?? null, exclude: ticket.lapsedWorkerIds },
      candidates,
    );
    const now = new Date();
    if (decision.kind === 'none') {
      const message = grid ? decision.reason : `grid ${ticket.gridId} is not in the directory`;
      await manager.update(TicketEntity, { id: ticket.id }, { status: 'undispatched', gridWorkerId: null, acceptBy: null });
      await this.deadlines.cancelAccept(tx, ticket, now);
      await manager.insert(DispatchLogEntity, { ticketId: ticket.id, message });
      this.logger.warn({ ticketId: ticket.id, grievanceId: ticket.grievanceId, gridId: ticket.gridId, reason: message }, 'ticket waits undispatched');
      return false;
    }
    // The first dispatch is attempt 1; every later one (after a lapse, or after waiting) counts up.
    const attempt = ticket.dispatchedAt === null ? ticket.attempt : ticket.attempt + 1;
    const worker = await manager.findOneByOrFail(GridWorkerEntity, { id: decision.gridWorkerId });
    const deadline = await this.deadlines.startAccept(tx, ticket, { type: 'grid_worker', id: worker.id, name: worker.name }, now, causationId);
    const acceptBy = deadline.dueAt;
    await manager.update(
      TicketEntity,
      { id: ticket.id },
      { status: 'dispatched', gridWorkerId: decision.gridWorkerId, attempt, acceptBy, dispatchedAt: now },
    );
    await manager.query(`INSERT INTO ticket_dispatches (ticket_id, attempt, grid_worker_id, dispatched_at) VALUES ($1, $2, $3, $4)`, [
      ticket.id,
      attempt,
      decision.gridWorkerId,
      now,
    ]);
    await tx.publish(
      'ticket.dispatched.v1',
      createEnvelope({
        topic: 'ticket.dispatched.v1',
        grievanceId: ticket.grievanceId,
        actor: SYSTEM_ACTOR,
        correlationId: ticket.correlationId,
        causationId,
        occurredAt: now,
        payload: {
          ticketId: ticket.id,
          gridId: ticket.gridId,
          gridWorkerId: decision.gridWorkerId,
          attempt,
          ...(acceptBy ? { acceptBy: acceptBy.toISOString() } : {}),
        },
      }),
    );
    this.logger.info({ ticketId: ticket.id, gridWorkerId: decision.gridWorkerId, pool: decision.pool, attempt }, 'ticket dispatched');
    return true;
  }

  /**
   * The grid worker holding the ticket let its accept deadline pass (the SLA engine's
   * breach, in the firing transaction): it goes to the next worker, never back to one who
   * let it lapse. A ticket that moved on meanwhile (accepted, or with someone else) stays.
   */
  async redispatchAfterLapse(tx: OutboxTransaction, ticketId: string, lapsedBy: string, causationId: string): Promise<void> {
    const ticket = await tx.manager.findOne(TicketEntity, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
    if (!ticket || ticket.status !== 'dispatched' || ticket.gridWorkerId !== lapsedBy) return;
    ticket.lapsedWorkerIds = [...new Set([...ticket.lapsedWorkerIds, lapsedBy])];
    await tx.manager.update(TicketEntity, { id: ticket.id }, { lapsedWorkerIds: ticket.lapsedWorkerIds });
    this.logger.info({ ticketId, attempt: ticket.attempt, lapsedBy }, 'ticket not accepted in time; re-dispatching');
    await this.dispatch(tx, ticket, causationId);
  }

  /**
   * A grid worker came on duty: the tickets waiting undispatched within their reach (their
   * grid, community or street) are dispatched again (each to whoever the rule picks now).
   */
  async dispatchWaiting(gridWorkerId: string): Promise<number> {
    return this.outbox.run((tx) => this.dispatchWaitingFor(tx, gridWorkerId));
  }

  /** dispatchWaiting in the caller's transaction (a grid worker added to the directory). */
  dispatchWaitingFor(tx: OutboxTransaction, gridWorkerId: string): Promise<number> {
    return this.dispatchEach(
      tx,
      `SELECT t.id FROM tickets t
         JOIN grids tg ON tg.id = t.grid_id
         JOIN grid_workers w ON w.id = $1 AND w.on_duty AND NOT w.retired
         JOIN grids wg ON wg.id = w.grid_id
        WHERE t.status = 'undispatched'
          AND (t.grid_id = w.grid_id OR tg.community_id = wg.community_id OR tg.street_id = wg.street_id)
        ORDER BY t.created_at
        LIMIT 100
        FOR UPDATE OF t SKIP LOCKED`,
      [gridWorkerId],
    );
  }

  /** A grid came into the directory: the tickets that waited for it are dispatched (when somebody is in reach). */
  dispatchWaitingInGrid(tx: OutboxTransaction, gridId: string): Promise<number> {
    return this.dispatchEach(
      tx,
      `SELECT t.id FROM tickets t WHERE t.status = 'undispatched' AND t.grid_id = $1 ORDER BY t.created_at LIMIT 100 FOR UPDATE OF t SKIP LOCKED`,
      [gridId],
    );
  }

  private async dispatchEach(tx: OutboxTransaction, sql: string, params: unknown[]): Promise<number> {
    const waiting = (await tx.manager.query(sql, params)) as { id: string }[];
    let dispatched = 0;
    for (const { id } of waiting) {
      const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id });
      if (await this.dispatch(tx, ticket, null)) dispatched++;
    }
    return dispatched;
  }

  /**
   * On start: a ticket dispatched before its deadlines moved to the SLA engine (it has none
   * open) gets its accept deadline, from when it was dispatched; an overdue one fires at once.
   */
  async adoptUntimedTickets(): Promise<number> {
    return this.outbox.run(async (tx) => {
      // Replicas starting together take turns, so only one of them adopts a ticket.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('grid-dispatch:dispatch'))`);
      const dispatched = await tx.manager.find(TicketEntity, { where: { status: 'dispatched' } });
      if (dispatched.length === 0) return 0;
      const open = await this.deadlines.openOfMany(tx, dispatched, 'accept');
      let adopted = 0;
      for (const ticket of dispatched) {
        if (!ticket.gridWorkerId || open.has(ticket.id)) continue;
        const worker = await tx.manager.findOneBy(GridWorkerEntity, { id: ticket.gridWorkerId });
        const holder = { type: 'grid_worker' as const, id: ticket.gridWorkerId, name: worker?.name ?? ticket.gridWorkerId };
        const deadline = await this.deadlines.startAccept(tx, ticket, holder, ticket.dispatchedAt ?? new Date(), null);
        await tx.manager.update(TicketEntity, { id: ticket.id }, { acceptBy: deadline.dueAt });
        adopted++;
      }
      return adopted;
    });
  }

  private async candidates(manager: EntityManager, gridId: string, communityId: string | null, streetId: string | null): Promise<DispatchCandidate[]> {
    const rows = (await manager.query(
      `SELECT w.id, w.grid_id, g.community_id, g.street_id, w.on_duty, ${WORKER_LOAD_COLUMNS}
         FROM grid_workers w JOIN grids g ON g.id = w.grid_id
        WHERE w.on_duty AND NOT w.retired AND NOT g.retired AND (w.grid_id = $1 OR g.community_id = $2 OR g.street_id = $3)`,
      [gridId, communityId, streetId],
    )) as CandidateRow[];
    return rows.map((row) => ({
      id: row.id,
      gridId: row.grid_id,
      communityId: row.community_id,
      streetId: row.street_id,
      onDuty: row.on_duty,
      openTickets: row.open_tickets,
      lastDispatchedAt: lastDispatchedAt(row),
    }));
  }
}
