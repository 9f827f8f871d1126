import { Injectable } from '@nestjs/common';
import { Holder } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { CALENDAR_TIME_ID, DEFAULT_SLA_CALENDARS, SlaDeadline, SlaEngine, SlaPolicy, StaticSlaSettings } from '@grievance/sla';
import { FeedbackConfig } from '../config';
import { GrievanceEntity } from '../grievances/entities';

/** The queue of this service's SLA alarms: a stable name, prefixed by the service. */
export const FEEDBACK_SLA_QUEUE = 'feedback.sla';

/**
 * What the rating window is on the SLA engine: the grievance's `respond` deadline about
 * `rating:<resolution no>` (the resolution waits for the reporter's 回访), held by whoever
 * resolved it. Its budget is AUTO_CLOSE_AFTER_MS of calendar time, without a warning.
 */
const SUBJECT_PREFIX = 'rating:';
const TARGET = 'respond';

export const ratingSubject = (resolutionNo: number): string => `${SUBJECT_PREFIX}${resolutionNo}`;

/** The resolution a rating window is about, or undefined for any other deadline. */
export function resolutionOf(deadline: Pick<SlaDeadline, 'subject' | 'target'>): number | undefined {
  if (deadline.target !== TARGET || !deadline.subject.startsWith(SUBJECT_PREFIX)) return undefined;
  const no = Number(deadline.subject.slice(SUBJECT_PREFIX.length));
  return Number.isInteger(no) && no > 0 ? no : undefined;
}

/** The one policy of this service's engine: the window comes from the config, not from routing's policies. */
export function ratingWindowSettings(config: Pick<FeedbackConfig, 'AUTO_CLOSE_AFTER_MS'>): StaticSlaSettings {
  const policy: SlaPolicy = {
    id: 'feedback.rating-window',
    description: 'A resolved grievance nobody rated closes by itself.',
    match: {},
    targets: { [TARGET]: config.AUTO_CLOSE_AFTER_MS },
    warnShare: 1,
    calendar: CALENDAR_TIME_ID,
  };
  return new StaticSlaSettings([policy], DEFAULT_SLA_CALENDARS);
}

export interface ResolutionToRate {
  grievanceId: string;
  resolutionNo: number;
  resolvedBy: Holder;
  resolvedAt: Date;
  kind: GrievanceEntity['kind'];
  correlationId: string;
  causationId?: string | null;
}

/**
 * The rating windows of resolved grievances, as deadlines of the SLA engine (rows in this
 * service's database, re-armed by the engine whatever Redis lost). Every call runs in the
 * caller's outbox transaction, so a window opens and ends with the change that causes it.
 */
@Injectable()
export class RatingWindows {
  constructor(
    private readonly sla: SlaEngine,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
  ) {}

  /** The unit of work's transaction: the windows move with the grievance's change, or not at all. */
  private get tx(): OutboxTransaction {
    return this.unitOfWork.transaction();
  }

  /**
   * A resolution waits for its rating from `resolvedAt`. The window of an earlier
   * resolution no longer counts; opening the same one again (a redelivery) changes nothing.
   */
  async open(resolution: ResolutionToRate): Promise<void> {
    const subject = ratingSubject(resolution.resolutionNo);
    for (const window of await this.windowsOf(resolution.grievanceId)) {
      if (window.subject === subject) return;
      await this.sla.cancel(this.tx, window.id, resolution.resolvedAt);
    }
    await this.sla.start(this.tx, {
      grievanceId: resolution.grievanceId,
      subject,
      target: TARGET,
      holder: resolution.resolvedBy,
      // Every window has the same budget: the facts only fill what the policy could match on.
      grievance: { kind: resolution.kind ?? 'hazard', category: 'any', urgency: 'normal' },
      at: resolution.resolvedAt,
      correlationId: resolution.correlationId,
      causationId: resolution.causationId ?? null,
    });
  }

  /** The reporter rated the resolution (or the window ran out and the grievance closed): the window ends. */
  async end(grievanceId: string, resolutionNo: number): Promise<void> {
    const window = (await this.windowsOf(grievanceId)).find((d) => d.subject === ratingSubject(resolutionNo));
    if (window) await this.sla.complete(this.tx, window.id);
  }

  /** The window is no longer owed (the grievance moved on without a rating of this resolution). */
  async cancel(deadlineId: string): Promise<void> {
    await this.sla.cancel(this.tx, deadlineId);
  }

  /** Of these grievances, the ones whose resolution has no open window (by grievance id; read in the unit of work's transaction, if any). */
  async missing(grievances: readonly Pick<GrievanceEntity, 'grievanceId' | 'resolutionNo'>[]): Promise<string[]> {
    const open = await this.sla.openForMany(grievances.map((m) => m.grievanceId), this.outbox.current());
    return grievances
      .filter((m) => !(open.get(m.grievanceId) ?? []).some((d) => d.subject === ratingSubject(m.resolutionNo) && d.target === TARGET))
      .map((m) => m.grievanceId);
  }

  private async windowsOf(grievanceId: string): Promise<SlaDeadline[]> {
    return (await this.sla.openFor(grievanceId, this.tx)).filter((d) => resolutionOf(d) !== undefined);
  }
}
