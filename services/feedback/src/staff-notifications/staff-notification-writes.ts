import { withTransaction, type BatchWriter, type OutboxTransaction } from '@grievance/messaging';
import { NewStaffNotification, StaffNotificationRow, StaffNotificationsRepository } from './staff-notifications.repository';

/**
 * The staff notifications the events of one transaction (an event consumer's group) make,
 * stored at once before it commits: one statement whatever the number of events. Each stored
 * row is handed to `stored`, in the order its event came; a holder's notice of an event already
 * stored (a redelivery) is not stored again and is handed to nobody.
 */
export class StaffNotificationWrites implements BatchWriter {
  private pending: NewStaffNotification[] = [];
  private readonly handlers = new Map<string, (row: StaffNotificationRow) => void>();

  private constructor(
    private readonly tx: OutboxTransaction,
    private readonly repository: StaffNotificationsRepository,
  ) {}

  /** The writer of the transaction `tx` belongs to (made on first use). */
  static of(tx: OutboxTransaction, repository: StaffNotificationsRepository): StaffNotificationWrites {
    return tx.batchWriter(StaffNotificationWrites, () => new StaffNotificationWrites(tx, repository));
  }

  /** A notification to store with the others of the transaction; `stored` runs if it was not stored before. */
  add(notification: NewStaffNotification, stored: (row: StaffNotificationRow) => void): void {
    this.pending.push(notification);
    this.handlers.set(`${notification.recipientKey} ${notification.eventId}`, stored);
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    // The flush comes after the last handler, so the writer joins its transaction itself.
    for (const row of await withTransaction(this.tx, () => this.repository.insertAll(pending))) this.handlers.get(`${row.recipientKey} ${row.eventId}`)?.(row);
    this.handlers.clear();
  }
}
