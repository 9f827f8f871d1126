import type { EventEnvelope, PayloadOf } from '@grievance/contracts';
import { withTransaction, type BatchWriter, type OutboxTransaction } from '@grievance/messaging';
import type { FeedbackRepository, NewPointsEntry } from '../grievances/feedback.repository';

/** An award for the ledger and the points.awarded.v1 event that reports it (its payload naming the entry). */
export interface AwardToWrite {
  entry: NewPointsEntry;
  event: EventEnvelope<PayloadOf<'points.awarded.v1'>>;
}

/**
 * The points awarded by the events of one transaction (an event consumer's group: the verified
 * reports), written at once before it commits: the ledger's entries in one statement, then the
 * events of those written in one more, whatever the number of events. An entry stays keyed by
 * its worker and cause, so a redelivered cause writes nothing and publishes nothing twice. Its
 * writes run in that transaction (the flush comes after the last handler, so the writer joins it itself).
 */
export class PointsAwards implements BatchWriter {
  private awards: AwardToWrite[] = [];

  private constructor(
    private readonly tx: OutboxTransaction,
    private readonly repository: FeedbackRepository,
  ) {}

  /** The writer of the transaction `tx` belongs to (made on first use). */
  static of(tx: OutboxTransaction, repository: FeedbackRepository): PointsAwards {
    return tx.batchWriter(PointsAwards, () => new PointsAwards(tx, repository));
  }

  /** Awards to write before the commit, each event published only if its entry is written. */
  add(awards: readonly AwardToWrite[]): void {
    this.awards.push(...awards);
  }

  async flush(): Promise<void> {
    if (this.awards.length === 0) return;
    const awards = this.awards;
    this.awards = [];
    const written = new Set(await withTransaction(this.tx, () => this.repository.appendPoints(awards.map((a) => a.entry))));
    await this.tx.publishMany(awards.filter((a) => written.has(a.entry.id)).map((a) => ({ topic: 'points.awarded.v1' as const, envelope: a.event })));
  }
}
