import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { SettingsChange, SLA_SETTING_ID_PATTERN, VersionedCalendar, VersionedPolicy } from '@grievance/sla';
import { PutCalendarDto, PutPolicyDto, RetirePolicyDto } from './sla-settings.dto';
import { CalendarsView, CalendarView, PoliciesView, PolicyView, SettingsHistoryView } from './sla-settings.views';
import { ListCalendars } from './list-calendars.use-case';
import { ListPolicies } from './list-policies.use-case';
import { ListSettingsHistory } from './list-settings-history.use-case';
import { PutCalendar } from './put-calendar.use-case';
import { PutPolicy } from './put-policy.use-case';
import { RetirePolicy } from './retire-policy.use-case';

class SettingIdParams {
  @ApiProperty({ description: 'the policy\'s or calendar\'s id', pattern: SLA_SETTING_ID_PATTERN.source })
  @Matches(SLA_SETTING_ID_PATTERN, { message: 'id must be 1-64 lower-case letters, digits, dots, dashes or underscores' })
  id!: string;
}

class HistoryQuery {
  @ApiPropertyOptional({ enum: ['policy', 'calendar'] })
  @IsOptional()
  @IsIn(['policy', 'calendar'])
  kind?: 'policy' | 'calendar';

  @ApiPropertyOptional({ description: 'a policy or calendar id' })
  @IsOptional()
  @Matches(SLA_SETTING_ID_PATTERN, { message: 'id must be a policy or calendar id' })
  id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** SLA policies and calendars as data (admin); every change is recorded and published as sla.policy-changed.v1. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/sla')
export class SlaSettingsController {
  constructor(
    private readonly listPolicies: ListPolicies,
    private readonly putPolicyUseCase: PutPolicy,
    private readonly retirePolicyUseCase: RetirePolicy,
    private readonly listCalendars: ListCalendars,
    private readonly putCalendarUseCase: PutCalendar,
    private readonly listHistory: ListSettingsHistory,
  ) {}

  @Get('policies')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: PoliciesView })
  async policies(): Promise<{ items: VersionedPolicy[] }> {
    return { items: await this.listPolicies.execute() };
  }

  /** Creates or replaces a policy; deadlines already running keep the budget they started with. */
  @Put('policies/:id')
  @Roles('admin')
  @ApiOkResponse({ type: PolicyView })
  putPolicy(@CurrentPrincipal() principal: Principal, @Param() params: SettingIdParams, @Body() body: PutPolicyDto): Promise<VersionedPolicy> {
    return this.putPolicyUseCase.execute(principal, params.id, body);
  }

  @Delete('policies/:id')
  @HttpCode(204)
  @Roles('admin')
  async retirePolicy(@CurrentPrincipal() principal: Principal, @Param() params: SettingIdParams, @Body() body: RetirePolicyDto): Promise<void> {
    await this.retirePolicyUseCase.execute(principal, params.id, body);
  }

  @Get('calendars')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: CalendarsView })
  async calendars(): Promise<{ items: VersionedCalendar[] }> {
    return { items: await this.listCalendars.execute() };
  }

  /** Creates or replaces a calendar (next year's holidays, make-up days). */
  @Put('calendars/:id')
  @Roles('admin')
  @ApiOkResponse({ type: CalendarView })
  putCalendar(@CurrentPrincipal() principal: Principal, @Param() params: SettingIdParams, @Body() body: PutCalendarDto): Promise<VersionedCalendar> {
    return this.putCalendarUseCase.execute(principal, params.id, body);
  }

  /** Every change, newest first: who, when, why, before and after. */
  @Get('history')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: SettingsHistoryView })
  async history(@Query() query: HistoryQuery): Promise<{ items: SettingsChange[] }> {
    return { items: await this.listHistory.execute(query) };
  }
}
