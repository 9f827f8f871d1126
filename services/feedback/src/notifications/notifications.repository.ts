import { Injectable } from '@nestjs/common';
import type { Language } from '@grievance/contracts';
import { DEFAULT_LANGUAGE, isLanguage } from '@grievance/i18n';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEntity } from '../grievances/entities';
import { transactionOf } from '../shared/database';
import type { DeliveryOutcome } from './notification-sender';

/** A notification waiting to be sent, with the language its recipient reads. */
export type PendingNotification = NotificationEntity & { language: Language };

/**
 * The only code that reads the reporters' notifications for their list and their delivery: the
 * list of a recipient, the language they read, and those waiting to go out, claimed and marked
 * in the unit of work's transaction (the grievances' batch writer stores them, see GrievanceWrites).
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The language a reporter reads; undefined when nothing said. */
  async languageOf(reporterId: string): Promise<Language | undefined> {
    const rows = (await this.dataSource.query(`SELECT language FROM feedback_reporter_languages WHERE reporter_id = $1`, [reporterId])) as { language: string }[];
    const language = rows[0]?.language;
    return isLanguage(language) ? language : undefined;
  }

  /** A recipient's notifications, newest first. */
  async notificationsOf(recipientId: string, limit: number): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({
      where: { recipientId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /**
   * Up to `limit` notifications waiting to go out, oldest first, with the language each recipient
   * reads: locked in the unit of work's transaction until it ends, skipping those another
   * replica holds, so that two replicas never send the same one.
   */
  async claimPending(limit: number): Promise<PendingNotification[]> {
    const manager = transactionOf(this.dataSource);
    const pending = await manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where(`n.delivery = 'pending'`)
      .orderBy('n.created_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    const languages = await this.languagesOf(manager, [...new Set(pending.map((n) => n.recipientId))]);
    return pending.map((n) => ({ ...n, language: languages.get(n.recipientId) ?? DEFAULT_LANGUAGE }));
  }

  /** What became of a claimed notification, in the unit of work's transaction. */
  async markDelivery(id: string, outcome: DeliveryOutcome): Promise<void> {
    await transactionOf(this.dataSource).query(`UPDATE feedback_notifications SET delivery = $2 WHERE id = $1`, [id, outcome]);
  }

  private async languagesOf(manager: EntityManager, reporterIds: string[]): Promise<Map<string, Language>> {
    if (reporterIds.length === 0) return new Map();
    const rows = (await manager.query(`SELECT reporter_id, language FROM feedback_reporter_languages WHERE reporter_id = ANY($1)`, [reporterIds])) as {
      reporter_id: string;
      language: string;
    }[];
    return new Map(rows.filter((r) => isLanguage(r.language)).map((r) => [r.reporter_id, r.language as Language]));
  }
}
