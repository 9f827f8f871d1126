import { Injectable } from '@nestjs/common';
import type { Principal } from '@grievance/auth';
import { DomainError } from '@grievance/platform';
import { recipientKeyOf } from './recipient-key';
import { MarkReadResult } from './staff-notification-view';
import { StaffNotificationsRepository } from './staff-notifications.repository';

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
