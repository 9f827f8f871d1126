import { withTransaction, type BatchWriter, type OutboxTransaction } from '@grievance/messaging';
import { DEFAULT_LANGUAGE, render } from '@grievance/i18n';
import type { GrievanceRecord, HistoryEntry } from '../grievances/grievance.model';
import { TrackingRepository } from './tracking.repository';
import type { Resolution } from './tracking-rules';

/**
 * What the events of one transaction (an event consumer's group) change in the tracking
 * view, written at once before it commits: the grievances' tracked state, their resolutions,
 * history lines and deadlines, in one statement whatever the number of events. A grievance is
 * read (and locked) once per transaction; the next event of the same grievance builds on the
 * state the previous one left here, so a group applies its events in their order. Its reads
 * and its write run in that transaction (the flush comes after the last handler, so the
 * writer joins it itself).
 */
export class TrackingWrites implements BatchWriter {
  private readonly held = new Map<string, GrievanceRecord | undefined>();
  private readonly tracked = new Map<string, GrievanceRecord>();
  private resolutions: Record<string, unknown>[] = [];
  private history: Record<string, unknown>[] = [];
  private readonly deadlines = new Map<string, { grievance_id: string; due_at: string | null; at: Date; event_id: string }>();

  private constructor(
    private readonly tx: OutboxTransaction,
    private readonly repository: TrackingRepository,
  ) {}

  /** The writer of the transaction `tx` belongs to (made on first use). */
  static of(tx: OutboxTransaction, repository: TrackingRepository): TrackingWrites {
    return tx.batchWriter(TrackingWrites, () => new TrackingWrites(tx, repository));
  }

  /**
   * The grievance as this transaction left it so far (read and locked the first time); undefined
   * when intake does not hold it. The first read takes every grievance the transaction's events
   * are about, when the consumer named them (one statement for a whole fetch).
   */
  async current(grievanceId: string): Promise<GrievanceRecord | undefined> {
    if (!this.held.has(grievanceId)) {
      const wanted = [...new Set([grievanceId, ...this.tx.batch.grievanceIds])].filter((id) => !this.held.has(id));
      if (wanted.length === 1) this.held.set(grievanceId, await withTransaction(this.tx, () => this.repository.findForUpdate(grievanceId)));
      else {
        const found = await withTransaction(this.tx, () => this.repository.findManyForUpdate(wanted));
        for (const id of wanted) this.held.set(id, undefined);
        for (const grievance of found) this.held.set(grievance.id, grievance);
      }
    }
    return this.held.get(grievanceId);
  }

  /** The grievance's tracked state (status, level, holder, supervision, duplicateOf, category) after an event. */
  saveTracking(g: GrievanceRecord): void {
    this.held.set(g.id, g);
    this.tracked.set(g.id, g);
  }

  /** A resolution of a grievance; the same event again records nothing. */
  recordResolution(grievanceId: string, eventId: string, r: Resolution): void {
    this.resolutions.push({
      event_id: eventId,
      grievance_id: grievanceId,
      resolved_at: r.resolvedAt.toISOString(),
      resolved_by: r.resolvedBy,
      resolution: r.resolution,
      attachment_ids: r.attachmentIds,
    });
  }

  /** A line of a grievance's history (kept as a message, and as its text in the default language); an event already recorded is not recorded twice. */
  appendHistory(grievanceId: string, eventId: string, entry: HistoryEntry): void {
    this.history.push({
      grievance_id: grievanceId,
      event_id: eventId,
      at: entry.at,
      type: entry.type,
      actor: entry.actor,
      summary: render(DEFAULT_LANGUAGE, entry.summary),
      message: entry.summary,
    });
  }

  /**
   * Sets (or clears, with null) the grievance's deadline as of `at`, unless a later event already
   * spoke: of this transaction's events the latest is kept, and it is written only over an older
   * one. At the same instant a deadline named beats one cleared (the move and the deadline it
   * started are written in one transaction, so they share a time), whatever order they arrive in.
   */
  recordDeadline(grievanceId: string, dueAt: Date | null, at: Date, eventId: string): void {
    const before = this.deadlines.get(grievanceId);
    if (before && (before.at > at || (before.at.getTime() === at.getTime() && dueAt === null && before.due_at !== null))) return;
    this.deadlines.set(grievanceId, { grievance_id: grievanceId, due_at: dueAt?.toISOString() ?? null, at, event_id: eventId });
  }

  async flush(): Promise<void> {
    if (this.tracked.size + this.resolutions.length + this.history.length + this.deadlines.size === 0) return;
    const tracked = [...this.tracked.values()].map((g) => ({
      id: g.id,
      status: g.status,
      status_at: g.statusAt.toISOString(),
      reopened_at: g.reopenedAt?.toISOString() ?? null,
      level: g.level,
      level_at: g.levelAt?.toISOString() ?? null,
      holder: g.holder,
      holder_at: g.holderAt?.toISOString() ?? null,
      under_supervision: g.underSupervision,
      duplicate_of: g.duplicateOf,
      category: g.category,
      supervision_round: g.supervisionRound,
    }));
    const params = [tracked, this.resolutions, this.history, [...this.deadlines.values()]].map((rows) => JSON.stringify(rows));
    this.tracked.clear();
    this.resolutions = [];
    this.history = [];
    this.deadlines.clear();
    await withTransaction(this.tx, () => this.repository.saveTrackedBatch(params as [string, string, string, string]));
  }
}
