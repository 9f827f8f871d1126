import { ApiProperty } from '@nestjs/swagger';
import type { Language } from '@grievance/contracts';
import { render, type StoredMessage } from '@grievance/i18n';

/** One staff notification as its holder reads it. */
export class StaffNotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) grievanceId!: string;
  @ApiProperty({ description: 'the event that made it, e.g. sla.warned' }) eventType!: string;
  @ApiProperty({ description: 'in the language asked for (Accept-Language), else Chinese' }) message!: string;
  @ApiProperty() read!: boolean;
  @ApiProperty({ format: 'date-time', description: 'when the event occurred' }) occurredAt!: string;
}

export class StaffNotificationPage {
  @ApiProperty({ type: [StaffNotificationView], description: 'newest first' }) items!: StaffNotificationView[];
  @ApiProperty({ description: 'how many of the caller’s notifications are unread (all, not only this page)' }) unread!: number;
  @ApiProperty({ required: false, format: 'uuid', description: 'pass as `before` for the next (older) page; absent on the last one' }) nextBefore?: string;
}

export class MarkReadResult {
  @ApiProperty({ description: 'how many notifications this call marked read' }) marked!: number;
  @ApiProperty({ description: 'how many are still unread' }) unread!: number;
}

export const staffNotificationView = (
  n: { id: string; grievanceId: string; eventType: string; message: string; content: StoredMessage; read: boolean; occurredAt: Date },
  language: Language,
): StaffNotificationView => ({
  id: n.id,
  grievanceId: n.grievanceId,
  eventType: n.eventType,
  message: render(language, n.content, n.message),
  read: n.read,
  occurredAt: n.occurredAt.toISOString(),
});
