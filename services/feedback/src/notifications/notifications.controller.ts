import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { DEFAULT_LANGUAGE, matchLanguage, render } from '@grievance/i18n';
import { FeedbackRepository } from '../matters/feedback.repository';

export interface NotificationView {
  id: string;
  grievanceId: string;
  eventType: string;
  message: string;
  read: boolean;
  createdAt: string;
}

export class ListNotificationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly repository: FeedbackRepository) {}

  /**
   * The caller's own notifications, newest first, in the language the request asks for
   * (Accept-Language), else the one the reporter reads (registration or submissions), else Chinese.
   */
  @Get()
  @Roles('worker')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<{ items: NotificationView[] }> {
    const language = matchLanguage(acceptLanguage) ?? (await this.repository.languageOf(principal.sub)) ?? DEFAULT_LANGUAGE;
    const rows = await this.repository.notificationsOf(principal.sub, query.limit ?? 50);
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
