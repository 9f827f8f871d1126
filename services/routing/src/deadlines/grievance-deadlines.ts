import { Injectable } from '@nestjs/common';
import { Holder, Language, SlaTarget } from '@grievance/contracts';
import { formatDuration, t } from '@grievance/i18n';
import { OutboxTransaction } from '@grievance/messaging';
import { SlaEngine } from '@grievance/sla';
import { Clock } from '@grievance/platform';
import type { GrievanceEntity } from '../grievances/grievance.entity';
import { SUPERVISION_SUBJECT } from '../supervision/supervision-rules';
import type { DeadlineView } from '../grievances/grievance-view';

/** What a holder of a grievance owes in routing: an answer (acknowledge / accept) and a resolution. */
const HOLDER_TARGETS: readonly SlaTarget[] = ['respond', 'resolve'];

/** Where the cause of a deadline change came from (for the SLA events' correlation). */
export interface DeadlineCause {
  correlationId: string;
  causationId?: string | null;
  at?: Date;
}

export { DeadlineView } from '../grievances/grievance-view';

/** What an inbox says of a deadline that warned or broke (the SLA warning text). */
export function deadlineNotice(language: Language, d: Pick<DeadlineView, 'target' | 'status' | 'remainingMs' | 'warned' | 'breached'>): string | null {
  // A paused clock (waiting for the reporter) warns nobody.
  if (d.remainingMs === null || d.status === 'paused') return null;
  if (d.breached || d.remainingMs <= 0) return t(language, 'sla.breached', { target: d.target, over: formatDuration(language, d.remainingMs) });
  if (d.warned) return t(language, 'sla.warning', { target: d.target, left: formatDuration(language, d.remainingMs) });
  return null;
}

/**
 * Routing's deadlines on the grievances it holds, one per target per grievance: the clock starts
 * when the grievance reaches a holder (a rung, a department) and moves with the grievance. Every
 * call runs inside the caller's outbox transaction, with the state change that causes it.
 */
@Injectable()
export class GrievanceDeadlines {
  constructor(
    private readonly sla: SlaEngine,
    private readonly clock: Clock,
  ) {}

  /**
   * The grievance reached a new holder at `stage` (a rung, or `department`): each target's
   * deadline passes to it with the budget of its own policy (a running pause and the time
   * paused carry over), or starts if none was open.
   */
  async arrive(tx: OutboxTransaction, grievance: GrievanceEntity, holder: Holder, stage: string, cause: DeadlineCause): Promise<void> {
    const open = await this.sla.openFor(grievance.grievanceId, tx);
    for (const target of HOLDER_TARGETS) {
      const current = open.find((d) => d.subject === 'grievance' && d.target === target);
      if (current) {
        await this.sla.carryOver(tx, current.id, { holder, budget: 'fresh', stage, at: cause.at, correlationId: cause.correlationId, causationId: cause.causationId ?? null });
      } else {
        await this.sla.start(tx, {
          grievanceId: grievance.grievanceId,
          target,
          holder,
          grievance: { kind: grievance.kind, category: grievance.category, urgency: grievance.urgency, stage },
          at: cause.at,
          correlationId: cause.correlationId,
          causationId: cause.causationId ?? null,
        });
      }
    }
  }

  /** The holder answered (acknowledged, accepted, asked a department to act). */
  async responded(tx: OutboxTransaction, grievanceId: string, at?: Date): Promise<void> {
    await this.complete(tx, grievanceId, ['respond'], at);
  }

  /** The grievance was resolved: what the holder owed is done, in time or late. */
  async resolved(tx: OutboxTransaction, grievanceId: string, at?: Date): Promise<void> {
    await this.complete(tx, grievanceId, HOLDER_TARGETS, at);
  }

  /**
   * The holder waits for the reporter's reply: the running clocks stop (a breached deadline
   * stays breached). Returns how many stopped; false when the grievance was already waiting.
   */
  async pause(tx: OutboxTransaction, grievanceId: string, at?: Date): Promise<number | false> {
    const open = (await this.sla.openFor(grievanceId, tx)).filter((d) => d.subject === 'grievance');
    if (open.some((d) => d.status === 'paused')) return false;
    const running = open.filter((d) => d.status === 'running');
    for (const d of running) await this.sla.pause(tx, d.id, at);
    return running.length;
  }

  /** The reporter answered: the stopped clocks run again, the time paused not counted. Returns how many. */
  async resume(tx: OutboxTransaction, grievanceId: string, at?: Date): Promise<number> {
    const paused = (await this.sla.openFor(grievanceId, tx)).filter((d) => d.subject === 'grievance' && d.status === 'paused');
    for (const d of paused) await this.sla.resume(tx, d.id, at);
    return paused.length;
  }

  /** Nothing is owed any more (closed, rejected, linked), a supervision's follow-up neither. */
  async cancelAll(tx: OutboxTransaction, grievanceId: string, at?: Date): Promise<void> {
    for (const d of await this.sla.openFor(grievanceId, tx)) if (d.subject === 'grievance' || d.subject === SUPERVISION_SUBJECT) await this.sla.cancel(tx, d.id, at);
  }

  /** The open deadlines of many grievances, as inboxes show them, their notices in `language`. */
  async viewsOf(grievanceIds: readonly string[], language: Language): Promise<Map<string, DeadlineView[]>> {
    const open = await this.sla.openForMany(grievanceIds);
    const views = new Map<string, DeadlineView[]>();
    const now = this.clock.now();
    for (const [grievanceId, deadlines] of open) {
      views.set(
        grievanceId,
        await Promise.all(
          deadlines.map(async (d) => {
            const view = {
              target: d.target,
              status: d.status,
              startedAt: d.startedAt.toISOString(),
              dueAt: d.dueAt?.toISOString() ?? null,
              remainingMs: d.dueAt ? await this.sla.remaining(d, now) : null,
              warned: d.warnedAt !== null,
              breached: d.breachedAt !== null,
            };
            return { ...view, notice: deadlineNotice(language, view) };
          }),
        ),
      );
    }
    return views;
  }

  private async complete(tx: OutboxTransaction, grievanceId: string, targets: readonly SlaTarget[], at?: Date): Promise<void> {
    for (const d of await this.sla.openFor(grievanceId, tx)) {
      if (d.subject === 'grievance' && targets.includes(d.target)) await this.sla.complete(tx, d.id, at);
      // A resolution is what the supervision followed up: its follow-up deadline is met (or late) with it.
      else if (d.subject === SUPERVISION_SUBJECT && targets.includes('resolve')) await this.sla.complete(tx, d.id, at);
    }
  }
}
