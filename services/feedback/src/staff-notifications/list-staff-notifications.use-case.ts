import { Injectable } from '@nestjs/common';
import type { Principal } from '@grievance/auth';
import type { Language } from '@grievance/contracts';
import { DomainError } from '@grievance/platform';
import { recipientKeyOf } from './recipient-key';
import { StaffNotificationPage, staffNotificationView } from './staff-notification-view';
import { StaffNotificationsRepository } from './staff-notifications.repository';

/** A page of the caller's notifications, newest first, with their unread count; `before` must be one of theirs (else 404). */
@Injectable()
export class ListStaffNotifications {
  constructor(private readonly repository: StaffNotificationsRepository) {}

  async execute(command: { principal: Principal; limit: number; before?: string; language: Language }): Promise<StaffNotificationPage> {
    const key = recipientKeyOf(command.principal);
    if (command.before && !(await this.repository.owns(key, command.before))) throw DomainError.notFound('notification', command.before);
    const [rows, unread] = await Promise.all([this.repository.page(key, command.limit + 1, command.before), this.repository.unreadCount(key)]);
    const items = rows.slice(0, command.limit).map((row) => staffNotificationView(row, command.language));
    return { items, unread, ...(rows.length > command.limit ? { nextBefore: items[items.length - 1]!.id } : {}) };
  }
}
