import { Body, Controller, Get, Header, Headers, HttpCode, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Observable } from 'rxjs';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { DEFAULT_LANGUAGE, matchLanguage } from '@grievance/i18n';
import { StreamMessage } from '@grievance/platform';
import { StaffNotificationStream } from './staff-notification-stream';
import { MarkReadResult, StaffNotificationPage } from './staff-notification-view';
import { ListStaffNotifications } from './list-staff-notifications.use-case';
import { MarkStaffNotificationsRead } from './mark-staff-notifications-read.use-case';
import { recipientKeyOf } from './recipient-key';

/** The roles that hold grievances: a grid worker, a department, each rung of the chain. */
const HOLDER_ROLES = ['grid_worker', 'department', 'member', 'branch', 'industry_committee', 'two_new_committee'] as const;

export class ListStaffNotificationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'the nextBefore of the previous page: only older notifications' })
  @IsOptional()
  @IsUUID('all', { message: 'before must be a notification id (UUID)' })
  before?: string;
}

export class MarkReadBody {
  @ApiProperty({ format: 'uuid', description: 'the newest notification the holder has seen: it and every older one of theirs are marked read' })
  @IsUUID('all', { message: 'upTo must be a notification id (UUID)' })
  upTo!: string;
}

@ApiTags('staff-notifications')
@ApiBearerAuth()
@Controller('v1/staff-notifications')
export class StaffNotificationsController {
  constructor(
    private readonly list: ListStaffNotifications,
    private readonly markRead: MarkStaffNotificationsRead,
    private readonly stream: StaffNotificationStream,
  ) {}

  /**
   * 员工提醒: the caller's notifications as the holder they act for (a grid worker by their id,
   * a department by its code, a rung by its unit and level), newest first, with the unread count;
   * in the language the request asks for (Accept-Language), else Chinese. Nobody else's.
   */
  @Get()
  @Roles(...HOLDER_ROLES)
  @ApiOkResponse({ type: StaffNotificationPage })
  page(@CurrentPrincipal() principal: Principal, @Query() query: ListStaffNotificationsQuery, @Headers('accept-language') acceptLanguage?: string): Promise<StaffNotificationPage> {
    return this.list.execute({ principal, limit: query.limit ?? 20, before: query.before, language: matchLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE });
  }

  /** Marks read the notification `upTo` and every older one of the caller's; 404 when `upTo` is not theirs (nothing changes). */
  @Post('read')
  @HttpCode(200)
  @Roles(...HOLDER_ROLES)
  @ApiOkResponse({ type: MarkReadResult })
  read(@CurrentPrincipal() principal: Principal, @Body() body: MarkReadBody): Promise<MarkReadResult> {
    return this.markRead.execute({ principal, upTo: body.upTo });
  }

  /**
   * Server-sent events: `event: notification` with a StaffNotificationView each time the caller
   * gets a new notification (from whichever replica stored it, through Redis), `event: keepalive`
   * every 25 s; nothing else at rest. What came while the stream was closed is in GET.
   */
  @Sse('stream')
  @Header('Cache-Control', 'no-cache, no-transform')
  @Header('X-Accel-Buffering', 'no')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'a stream of `notification` events', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @Roles(...HOLDER_ROLES)
  events(@CurrentPrincipal() principal: Principal, @Headers('accept-language') acceptLanguage?: string): Observable<StreamMessage> {
    return this.stream.forHolder(recipientKeyOf(principal), matchLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE);
  }
}
