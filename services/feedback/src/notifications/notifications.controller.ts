import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { matchLanguage } from '@grievance/i18n';
import { ListNotifications } from './list-notifications.use-case';

/** A notification to the reporter about one of their grievances. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  grievanceId!: string;

  @ApiProperty({ description: 'the event it tells of', example: 'grievance.resolved.v1' })
  eventType!: string;

  @ApiProperty({ description: 'in the Accept-Language, else the language the reporter reads, else Chinese' })
  message!: string;

  @ApiProperty()
  read!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NotificationPage {
  @ApiProperty({ type: () => [NotificationView], description: 'newest first' })
  items!: NotificationView[];
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
  constructor(private readonly listNotifications: ListNotifications) {}

  /**
   * The caller's own notifications, newest first, in the language the request asks for
   * (Accept-Language), else the one the reporter reads (registration or submissions), else Chinese.
   */
  @Get()
  @Roles('worker')
  @ApiOkResponse({ type: NotificationPage })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<NotificationPage> {
    return this.listNotifications.execute({ recipientId: principal.sub, limit: query.limit ?? 50, language: matchLanguage(acceptLanguage) });
  }
}
