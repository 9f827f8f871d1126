import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@grievance/contracts';
import { DEFAULT_LANGUAGE, render, type Message, type StoredMessage } from '@grievance/i18n';
import { DataSource } from 'typeorm';
import type { DeliveryOutcome } from '../notifications/notification-sender';
import { databaseOf, transactionOf } from '../shared/database';

/** One staff notification as stored (feedback_staff_notifications). */
export interface StaffNotificationRow {
  id: string;
  recipientKey: string;
  grievanceId: string;
  eventId: string;
  eventType: string;
  /** The text in the default language (zh-CN), as it was written. */
  message: string;
  content: StoredMessage;
  occurredAt: Date;
  read: boolean;
}

export interface NewStaffNotification {
  recipientKey: string;
  /** pending: to go to the partner webhook too; off: no webhook configured. */
  delivery: 'pending' | 'off';
  grievanceId: string;
  eventId: string;
  eventType: string;
  message: Message;
  occurredAt: Date;
}

interface Row {
  id: string;
  recipient_key: string;
  grievance_id: string;
  event_id: string;
  event_type: string;
  message: string;
  content: StoredMessage;
  occurred_at: Date;
  read: boolean;
}

const COLUMNS = `id, recipient_key, grievance_id, event_id, event_type, message, content, occurred_at, read`;

const fromRow = (r: Row): StaffNotificationRow => ({
  id: r.id,
  recipientKey: r.recipient_key,
  grievanceId: r.grievance_id,
  eventId: r.event_id,
  eventType: r.event_type,
  message: r.message,
  content: r.content,
  occurredAt: new Date(r.occurred_at),
  read: r.read,
});

/** The only code that touches feedback_staff_notifications. */
@Injectable()
export class StaffNotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores notifications in the unit of work's transaction (the consumer's), in one statement whatever their number;
   * answers the rows stored, without those a holder had already (a redelivery).
   */
  async insertAll(notifications: readonly NewStaffNotification[]): Promise<StaffNotificationRow[]> {
    if (notifications.length === 0) return [];
    const rows = notifications.map((n) => ({
      id: uuidv7(),
      recipient_key: n.recipientKey,
      grievance_id: n.grievanceId,
      event_id: n.eventId,
      event_type: n.eventType,
      message: render(DEFAULT_LANGUAGE, n.message),
      content: n.message,
      occurred_at: n.occurredAt.toISOString(),
      delivery: n.delivery,
    }));
    const stored = (await databaseOf(this.dataSource).query(
      `INSERT INTO feedback_staff_notifications (id, recipient_key, grievance_id, event_id, event_type, message, content, occurred_at, delivery)
       SELECT id, recipient_key, grievance_id, event_id, event_type, message, content, occurred_at, delivery
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, recipient_key text, grievance_id uuid, event_id uuid, event_type text, message text,
              content jsonb, occurred_at timestamptz, delivery text)) WITH ORDINALITY AS n(id, recipient_key, grievance_id, event_id, event_type, message,
              content, occurred_at, delivery, i)
        ORDER BY n.i
       ON CONFLICT (recipient_key, event_id) DO NOTHING RETURNING ${COLUMNS}`,
      [JSON.stringify(rows)],
    )) as Row[];
    return stored.map(fromRow);
  }

  /**
   * A holder's notifications, newest first (by when their event occurred, so the notices of one
   * grievance read in the order things happened to it), `limit` of them from before the notification `before`.
   */
  async page(recipientKey: string, limit: number, before?: string): Promise<StaffNotificationRow[]> {
    const rows = (await this.dataSource.query(
      before
        ? `SELECT ${COLUMNS} FROM feedback_staff_notifications n
            WHERE recipient_key = $1
              AND (occurred_at, id) < (SELECT occurred_at, id FROM feedback_staff_notifications WHERE id = $3 AND recipient_key = $1)
            ORDER BY occurred_at DESC, id DESC LIMIT $2`
        : `SELECT ${COLUMNS} FROM feedback_staff_notifications WHERE recipient_key = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2`,
      before ? [recipientKey, limit, before] : [recipientKey, limit],
    )) as Row[];
    return rows.map(fromRow);
  }

  /** Whether the notification is this holder's. */
  async owns(recipientKey: string, id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM feedback_staff_notifications WHERE id = $1 AND recipient_key = $2`, [id, recipientKey])) as unknown[];
    return rows.length > 0;
  }

  async unreadCount(recipientKey: string): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS n FROM feedback_staff_notifications WHERE recipient_key = $1 AND NOT read`, [recipientKey])) as {
      n: number;
    }[];
    return rows[0]?.n ?? 0;
  }

  /** Marks read the holder's notification `upTo` and every one of theirs before it (in the list's order); how many changed, or undefined when `upTo` is not theirs. */
  async markReadUpTo(recipientKey: string, upTo: string): Promise<number | undefined> {
    const rows = (await this.dataSource.query(
      `WITH mark AS (SELECT occurred_at, id FROM feedback_staff_notifications WHERE id = $2 AND recipient_key = $1),
            done AS (
              UPDATE feedback_staff_notifications n SET read = true FROM mark
               WHERE n.recipient_key = $1 AND NOT n.read AND (n.occurred_at, n.id) <= (mark.occurred_at, mark.id)
              RETURNING 1)
       SELECT (SELECT count(*) FROM mark)::int AS found, (SELECT count(*) FROM done)::int AS marked`,
      [recipientKey, upTo],
    )) as { found: number; marked: number }[];
    return rows[0]?.found ? rows[0].marked : undefined;
  }

  /**
   * Up to `limit` staff notifications waiting for the webhook, oldest first: locked in the unit
   * of work's transaction until it ends, skipping those another replica holds, so that two
   * replicas never send the same one.
   */
  async claimPending(limit: number): Promise<StaffNotificationRow[]> {
    const rows = (await transactionOf(this.dataSource).query(
      `SELECT ${COLUMNS} FROM feedback_staff_notifications WHERE delivery = 'pending' ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as Row[];
    return rows.map(fromRow);
  }

  /** What became of a claimed staff notification, in the unit of work's transaction. */
  async markDelivery(id: string, outcome: DeliveryOutcome): Promise<void> {
    await transactionOf(this.dataSource).query(`UPDATE feedback_staff_notifications SET delivery = $2 WHERE id = $1`, [id, outcome]);
  }
}
