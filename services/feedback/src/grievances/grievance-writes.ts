import type { Language } from '@grievance/contracts';
import { withTransaction, type BatchWriter, type OutboxTransaction } from '@grievance/messaging';
import { GrievanceEntity } from './entities';
import { FeedbackRepository, GrievanceChange, NewNotification, NewSlaBreach } from './feedback.repository';

/**
 * What the events of one transaction (an event consumer's group) change in the feedback
 * service's view, written at once before it commits. Each grievance is read and locked once per
 * transaction, with its co-reporters, the first time one of its events needs it (in the order
 * the events came, as when each event read it); the next event of the same grievance builds on
 * the state the previous one left here. The grievances changed, the reporters' notifications (in
 * the order the events came), their languages (the latest word) and the deadlines that broke
 * are written in one statement whatever the number of events; of these only the breaches are
 * read back in the transaction (slaMet, here). Its reads and its write run in that transaction
 * (the flush comes after the last handler, so the writer joins it itself).
 */
export class GrievanceWrites implements BatchWriter {
  private readonly held = new Map<string, { grievance: GrievanceEntity; coReporters: string[] } | null>();
  private readonly changed = new Set<string>();
  private notifications: (NewNotification & { delivery: 'pending' | 'off' })[] = [];
  private readonly languages = new Map<string, Language>();
  private breaches: NewSlaBreach[] = [];

  private constructor(
    private readonly tx: OutboxTransaction,
    private readonly repository: FeedbackRepository,
  ) {}

  /** The writer of the transaction `tx` belongs to (made on first use). */
  static of(tx: OutboxTransaction, repository: FeedbackRepository): GrievanceWrites {
    return tx.batchWriter(GrievanceWrites, () => new GrievanceWrites(tx, repository));
  }

  /** The grievance as this transaction left it so far (read and locked the first time); null when not known yet. */
  async current(grievanceId: string): Promise<GrievanceEntity | null> {
    return (await this.read(grievanceId))?.grievance ?? null;
  }

  /** The grievance's co-reporters, oldest first (read with the grievance, and again after one was added in this transaction). */
  async coReporters(grievanceId: string): Promise<string[]> {
    return (await this.read(grievanceId))?.coReporters ?? (await this.inTransaction(() => this.repository.coReporters(grievanceId)));
  }

  private async read(grievanceId: string): Promise<{ grievance: GrievanceEntity; coReporters: string[] } | null> {
    let held = this.held.get(grievanceId);
    if (held === undefined) {
      held = await this.inTransaction(() => this.repository.lockGrievanceWithCoReporters(grievanceId));
      this.held.set(grievanceId, held);
    }
    return held;
  }

  /** The grievance was stored in this transaction: read the next time. */
  stored(grievanceId: string): void {
    if (this.held.get(grievanceId) === null) this.held.delete(grievanceId);
  }

  /** A co-reporter was added to the grievance in this transaction: its list is read again. */
  async coReporterAdded(grievanceId: string): Promise<void> {
    const held = this.held.get(grievanceId);
    if (held) held.coReporters = await this.inTransaction(() => this.repository.coReporters(grievanceId));
  }

  /** What an event changes in the grievance (see GrievanceChange), kept for the next event and written before the commit. */
  change(grievance: GrievanceEntity, change: GrievanceChange): void {
    if (change.status !== undefined) grievance.status = change.status;
    if (change.resolvedBy !== undefined) grievance.resolvedBy = change.resolvedBy;
    if (change.resolution !== undefined) grievance.resolution = change.resolution;
    if (change.resolvedAt !== undefined) grievance.resolvedAt = change.resolvedAt;
    if (change.newResolution) {
      grievance.resolutionNo += 1;
      grievance.rating = null;
    }
    if (change.rating !== undefined) grievance.rating = change.rating;
    if (change.closeOutcome !== undefined) grievance.closeOutcome = change.closeOutcome;
    if (change.closedAt !== undefined) grievance.closedAt = change.closedAt;
    if (change.rejectedBy !== undefined) grievance.rejectedBy = change.rejectedBy;
    if (change.rejectedAt !== undefined) grievance.rejectedAt = change.rejectedAt;
    if (change.contested !== undefined) {
      grievance.contestedAt = change.contested.at;
      grievance.contestReason = change.contested.reason;
    }
    this.changed.add(grievance.grievanceId);
  }

  /** One notification per recipient; a redelivered event writes nothing twice. */
  notify(notifications: readonly NewNotification[], delivery: 'pending' | 'off'): void {
    for (const n of notifications) this.notifications.push({ ...n, delivery });
  }

  /** The language a reporter reads, as their latest submission or routing said. */
  setLanguage(reporterId: string, language: Language): void {
    this.languages.set(reporterId, language);
  }

  /** One of the grievance's deadlines broke (the same deadline again changes nothing). */
  recordBreach(breach: NewSlaBreach): void {
    this.breaches.push(breach);
  }

  /** The SLA verdict of a grievance at its close: true when none of its deadlines broke, in this transaction or before. */
  async slaMet(grievanceId: string): Promise<boolean> {
    if (this.breaches.some((b) => b.grievanceId === grievanceId)) return false;
    return this.inTransaction(() => this.repository.slaMet(grievanceId));
  }

  async flush(): Promise<void> {
    if (this.changed.size + this.notifications.length + this.languages.size + this.breaches.length === 0) return;
    const grievances = [...this.changed].flatMap((id) => this.held.get(id)?.grievance ?? []);
    const batch = { grievances, notifications: this.notifications, languages: new Map(this.languages), breaches: this.breaches };
    this.changed.clear();
    this.notifications = [];
    this.languages.clear();
    this.breaches = [];
    await this.inTransaction(() => this.repository.saveBatch(batch));
  }

  private inTransaction<R>(work: () => Promise<R>): Promise<R> {
    return withTransaction(this.tx, work);
  }
}
