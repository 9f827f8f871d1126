import { Injectable } from '@nestjs/common';
import { holderKeyOf, Principal } from '@grievance/auth';
import type { Language } from '@grievance/contracts';
import { DomainError } from '@grievance/platform';
import { StaffNotificationsRepository } from './staff-notifications.repository';
import { MarkReadResult, StaffNotificationPage, staffNotificationView } from './staff-notification-view';

/** The holder key of a staff caller; a role that holds nothing has no notifications (its scope is empty). */
export function recipientKeyOf(principal: Principal): string {
  const key = holderKeyOf(principal);
  if (!key) throw DomainError.forbidden('only grid workers, departments and the rungs of the chain have staff notifications', undefined, { key: 'error.staffNotifications.noHolder' });
  return key;
}

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

/** Marks read the caller's notification `upTo` and all of theirs before it; another's (or an unknown) id is a 404 and marks nothing. */
@Injectable()
export class MarkStaffNotificationsRead {
  constructor(private readonly repository: StaffNotificationsRepository) {}

  async execute(command: { principal: Principal; upTo: string }): Promise<MarkReadResult> {
    const key = recipientKeyOf(command.principal);
    const marked = await this.repository.markReadUpTo(key, command.upTo);
    if (marked === undefined) throw DomainError.notFound('notification', command.upTo);
    return { marked, unread: await this.repository.unreadCount(key) };
  }
}
