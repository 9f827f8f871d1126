import { Injectable } from '@nestjs/common';
import type { Language } from '@grievance/contracts';
import { DEFAULT_LANGUAGE, render } from '@grievance/i18n';
import { NotificationsRepository } from './notifications.repository';

export interface NotificationsOfRecipient {
  recipientId: string;
  limit: number;
  /** The language the request asks for (Accept-Language), if one the service speaks. */
  language?: Language;
}

/** A notification as its recipient reads it. */
export interface NotificationItem {
  id: string;
  grievanceId: string;
  eventType: string;
  message: string;
  read: boolean;
  createdAt: string;
}

/**
 * A recipient's own notifications, newest first, in the language the request asks for, else
 * the one the reporter reads (registration or submissions), else Chinese.
 */
@Injectable()
export class ListNotifications {
  constructor(private readonly repository: NotificationsRepository) {}

  async execute(query: NotificationsOfRecipient): Promise<{ items: NotificationItem[] }> {
    const language = query.language ?? (await this.repository.languageOf(query.recipientId)) ?? DEFAULT_LANGUAGE;
    const rows = await this.repository.notificationsOf(query.recipientId, query.limit);
    return {
      items: rows.map((n) => ({
        id: n.id,
        grievanceId: n.grievanceId,
        eventType: n.eventType,
        message: n.content ? render(language, n.content, n.message) : n.message,
        read: n.read,
        createdAt: new Date(n.createdAt).toISOString(),
      })),
    };
  }
}
